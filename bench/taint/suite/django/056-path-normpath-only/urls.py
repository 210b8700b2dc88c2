from django.urls import path

from . import views

urlpatterns = [
    path("backups/inspect/", views.inspect_backup, name="inspect-backup"),
]
