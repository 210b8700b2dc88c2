from django.urls import path

from . import views

urlpatterns = [
    path("feeds/count/", views.count_feed_items, name="count-feed-items"),
]
