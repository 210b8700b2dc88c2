from django.urls import path

from . import views

urlpatterns = [
    path("reports/<path:report>/", views.report_file, name="report-file"),
]
