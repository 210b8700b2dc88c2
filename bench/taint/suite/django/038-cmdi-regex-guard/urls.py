from django.urls import path

from . import views

urlpatterns = [
    path("deploy/fetch/", views.fetch_ref, name="fetch-ref"),
]
