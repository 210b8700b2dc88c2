from django.urls import path

from . import views

urlpatterns = [
    path("drafts/restore/", views.restore_draft, name="restore-draft"),
]
