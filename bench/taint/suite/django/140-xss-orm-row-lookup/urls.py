from django.urls import path

from . import views

urlpatterns = [
    path("products/<str:sku>/", views.product),
    path("cheapest/", views.cheapest),
]
