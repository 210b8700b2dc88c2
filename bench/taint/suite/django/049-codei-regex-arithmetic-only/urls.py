from django.urls import path

from . import views

urlpatterns = [
    path("arith/", views.arith, name="arith"),
]
