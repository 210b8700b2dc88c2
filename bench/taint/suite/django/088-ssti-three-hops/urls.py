from django.urls import path

from . import views

urlpatterns = [
    path("notifications/preview/", views.preview_subject, name="preview-subject"),
]
