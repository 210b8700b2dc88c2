from django.urls import path

from . import views

urlpatterns = [
    path("login/done/", views.after_login, name="after-login"),
]
