from django.urls import path

from . import views

urlpatterns = [
    path("orders/find/", views.find_order, name="find-order"),
    path("orders/<str:reference>/", views.order_detail, name="order-detail"),
]
