from django.urls import path

from . import views

urlpatterns = [
    path("assets/size/", views.asset_size, name="asset-size"),
]
