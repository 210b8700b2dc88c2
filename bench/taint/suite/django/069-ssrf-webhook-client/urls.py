from django.urls import path

from . import views

urlpatterns = [
    path("webhooks/test/", views.test_webhook, name="test-webhook"),
]
