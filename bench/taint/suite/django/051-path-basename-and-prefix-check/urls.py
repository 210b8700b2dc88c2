from django.urls import path

from . import views

urlpatterns = [
    path("exports/<str:name>/", views.download_export, name="download-export"),
]
