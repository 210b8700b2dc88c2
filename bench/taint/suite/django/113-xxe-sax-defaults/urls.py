from django.urls import path

from . import views

urlpatterns = [
    path("xml/count/", views.count_elements, name="count-elements"),
]
