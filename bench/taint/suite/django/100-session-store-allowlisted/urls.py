from django.urls import path

from . import views

urlpatterns = [
    path("lang/", views.set_language, name="set-language"),
]
