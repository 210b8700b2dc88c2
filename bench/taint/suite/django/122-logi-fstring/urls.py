from django.urls import path

from . import views

urlpatterns = [
    path("login/failed/", views.login_failed, name="login-failed"),
]
