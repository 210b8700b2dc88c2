from django.urls import path

from . import views

urlpatterns = [
    path("comments/preview/", views.preview),
    path("comments/show/", views.show),
]
