from django.urls import path

from . import views

urlpatterns = [
    path("reports/<str:report>/", views.report, name="report"),
]
