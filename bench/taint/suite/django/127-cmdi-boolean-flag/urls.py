from django.urls import path

from . import views

urlpatterns = [
    path("admin/sync/", views.sync_mirror, name="sync-mirror"),
]
