from django.urls import path

from . import views

urlpatterns = [
    path("emails/preview/", views.email_preview, name="email-preview"),
]
