from django.urls import path

from . import views

urlpatterns = [
    path("logs/<path:filename>/", views.log_tail, name="log-tail"),
]
