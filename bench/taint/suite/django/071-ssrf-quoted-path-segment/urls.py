from django.urls import path

from . import views

urlpatterns = [
    path("profiles/<str:login>/", views.profile, name="profile"),
]
