from django.urls import path

from . import views

urlpatterns = [
    path("people/lookup/", views.lookup, name="lookup"),
]
