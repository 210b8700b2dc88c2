from django.urls import path

from . import views

urlpatterns = [
    path("products/rank/", views.rank_products, name="rank-products"),
]
