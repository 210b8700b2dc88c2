from django.urls import path

from . import views

urlpatterns = [
    path("config/check/", views.check_config, name="check-config"),
]
