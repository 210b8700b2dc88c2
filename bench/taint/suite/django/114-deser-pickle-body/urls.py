from django.urls import path

from . import views

urlpatterns = [
    path("state/restore/", views.restore_state, name="restore-state"),
]
