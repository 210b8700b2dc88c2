from django.urls import path

from . import views

urlpatterns = [
    path("repos/log/", views.repo_log, name="repo-log"),
]
