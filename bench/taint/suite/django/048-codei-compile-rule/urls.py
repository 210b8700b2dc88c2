from django.urls import path

from . import views

urlpatterns = [
    path("discounts/check/", views.check_discount, name="check-discount"),
]
