from django.urls import path

from . import views

urlpatterns = [
    path("login/complete/", views.login_complete, name="login-complete"),
]
