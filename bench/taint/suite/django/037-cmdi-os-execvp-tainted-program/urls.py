from django.urls import path

from . import views

urlpatterns = [
    path("workers/start/", views.start_worker, name="start-worker"),
]
