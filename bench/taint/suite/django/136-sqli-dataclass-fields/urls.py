from django.urls import path

from . import views

urlpatterns = [
    path("books/search/", views.search_books, name="search-books"),
]
