from django.urls import path

from . import views

urlpatterns = [
    path("cart/remove/", views.remove_items, name="remove-items"),
]
