from django.urls import path

from . import views

urlpatterns = [
    path("integrations/health/", views.health, name="health"),
]
