from django.urls import path

from . import views

urlpatterns = [
    path("tickets/<str:ticket>/attachments/<path:name>/", views.preview, name="preview"),
]
