from django.urls import path

from . import views

urlpatterns = [
    path("links/check/", views.check_link, name="check-link"),
]
