from django.urls import path

from . import views

urlpatterns = [
    path("health/local/", views.local_health, name="local-health"),
]
