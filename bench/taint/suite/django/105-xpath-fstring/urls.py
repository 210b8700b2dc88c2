from django.urls import path

from . import views

urlpatterns = [
    path("books/<str:author>/", views.books_by, name="books-by"),
]
