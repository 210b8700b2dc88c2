from django.urls import path

from . import views

urlpatterns = [
    path("status/<str:service>/", views.service_status, name="service-status"),
]
