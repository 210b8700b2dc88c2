from django.urls import path

from . import views

urlpatterns = [
    path("attachments/delete/", views.delete_attachment, name="delete-attachment"),
]
