from django.urls import path

from . import views

urlpatterns = [
    path("role/", views.switch_role, name="switch-role"),
]
