from django.urls import path

from . import views

urlpatterns = [
    path("api/search/", views.api_search, name="api-search"),
]
