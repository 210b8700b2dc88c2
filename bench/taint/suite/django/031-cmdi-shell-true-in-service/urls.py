from django.urls import path

from . import views

urlpatterns = [
    path("images/thumbnail/", views.thumbnail, name="thumbnail"),
]
