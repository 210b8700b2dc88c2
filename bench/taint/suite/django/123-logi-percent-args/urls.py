from django.urls import path

from . import views

urlpatterns = [
    path("password/reset/", views.reset_password, name="reset-password"),
]
