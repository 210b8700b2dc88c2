from django.urls import path

from . import views

urlpatterns = [
    path("logs/compress/", views.compress_logs, name="compress-logs"),
]
