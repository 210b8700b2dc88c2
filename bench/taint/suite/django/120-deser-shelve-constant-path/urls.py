from django.urls import path

from . import views

urlpatterns = [
    path("cache/<str:key>/", views.cache_lookup, name="cache-lookup"),
]
