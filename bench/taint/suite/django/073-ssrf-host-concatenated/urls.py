from django.urls import path

from . import views

urlpatterns = [
    path("cluster/clear-cache/", views.clear_cache, name="clear-cache"),
]
