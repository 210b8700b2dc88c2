from django.urls import path

from . import views

urlpatterns = [
    path("diagnostics/ping/", views.ping, name="ping"),
]
