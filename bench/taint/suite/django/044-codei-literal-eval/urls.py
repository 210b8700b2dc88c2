from django.urls import path

from . import views

urlpatterns = [
    path("geo/point/", views.parse_point, name="parse-point"),
]
