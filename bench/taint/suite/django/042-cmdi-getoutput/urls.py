from django.urls import path

from . import views

urlpatterns = [
    path("whois/<str:domain>/", views.whois, name="whois"),
]
