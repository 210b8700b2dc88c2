from django.urls import path

from . import views

urlpatterns = [
    path("continue/", views.continue_to, name="continue-to"),
]
