from django.urls import path

from . import views

urlpatterns = [
    path("documents/words/", views.word_count, name="word-count"),
]
