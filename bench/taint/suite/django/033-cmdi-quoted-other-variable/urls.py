from django.urls import path

from . import views

urlpatterns = [
    path("admin/dump/", views.dump_database, name="dump-database"),
]
