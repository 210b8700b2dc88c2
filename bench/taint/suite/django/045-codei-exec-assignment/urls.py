from django.urls import path

from . import views

urlpatterns = [
    path("formula/", views.formula, name="formula"),
]
