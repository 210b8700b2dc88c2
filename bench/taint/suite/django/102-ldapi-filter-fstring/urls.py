from django.urls import path

from . import views

urlpatterns = [
    path("people/find/", views.find_person, name="find-person"),
]
