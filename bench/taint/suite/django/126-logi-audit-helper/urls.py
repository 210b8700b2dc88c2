from django.urls import path

from . import views

urlpatterns = [
    path("coupons/redeem/", views.redeem, name="redeem"),
]
