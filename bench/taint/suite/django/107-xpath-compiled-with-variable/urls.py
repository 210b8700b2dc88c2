from django.urls import path

from . import views

urlpatterns = [
    path("users/exists/", views.user_exists, name="user-exists"),
]
