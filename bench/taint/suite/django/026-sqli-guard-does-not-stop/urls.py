from django.urls import path

from . import views

urlpatterns = [
    path("stats/signups/", views.signups, name="signups"),
]
