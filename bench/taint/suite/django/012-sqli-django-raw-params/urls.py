from django.urls import path

from . import views

urlpatterns = [
    path("authors/<str:author>/books/", views.author_books),
]
