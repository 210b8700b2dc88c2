from django.urls import path

from . import views

urlpatterns = [
    path("users/link/", views.user_link, name="user-link"),
]
