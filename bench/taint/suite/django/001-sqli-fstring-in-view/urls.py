from django.urls import path

from . import views

urlpatterns = [
    path("products/<str:category>/", views.list_products, name="list-products"),
]
