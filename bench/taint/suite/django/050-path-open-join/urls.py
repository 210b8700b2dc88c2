from django.urls import path

from . import views

urlpatterns = [
    path("docs/", views.read_doc, name="read-doc"),
]
