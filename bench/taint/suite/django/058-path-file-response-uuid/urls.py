from django.urls import path

from . import views

urlpatterns = [
    path("blobs/<str:key>/", views.blob, name="blob"),
]
