from django.urls import path

from . import views

urlpatterns = [
    path("images/optimise/", views.optimise, name="optimise"),
]
