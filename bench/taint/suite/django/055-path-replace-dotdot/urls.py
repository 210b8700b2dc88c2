from django.urls import path

from . import views

urlpatterns = [
    path("logs/<str:filename>/", views.log_tail, name="log-tail"),
]
