from django.urls import path

from . import views

urlpatterns = [
    path("groups/<str:group>/members/", views.group_members),
]
