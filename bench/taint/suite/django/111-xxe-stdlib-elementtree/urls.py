from django.urls import path

from . import views

urlpatterns = [
    path("sitemap/ids/", views.sitemap_ids, name="sitemap-ids"),
]
