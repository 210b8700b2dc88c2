from django.urls import path

from . import views

urlpatterns = [
    path("media/<path:relpath>/", views.media_info, name="media-info"),
]
