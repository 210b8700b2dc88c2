from django.urls import path

from . import views

urlpatterns = [
    path("pin-login/", views.pin_login, name="pin-login"),
]
