from django.urls import path

from . import views

urlpatterns = [
    path("bookmarks/find/", views.find_bookmark, name="find-bookmark"),
]
