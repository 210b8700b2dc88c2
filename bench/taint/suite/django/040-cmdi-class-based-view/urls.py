from django.urls import path

from .views import ServiceStatusView

urlpatterns = [
    path("services/<str:service>/status/", ServiceStatusView.as_view(), name="service-status"),
]
