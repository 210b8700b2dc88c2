from django.urls import path

from . import views

urlpatterns = [
    path("pages/<path:slug>/", views.page_source, name="page-source"),
]
