from django.urls import path

from . import views

urlpatterns = [
    path("help/", views.command_help, name="command-help"),
]
