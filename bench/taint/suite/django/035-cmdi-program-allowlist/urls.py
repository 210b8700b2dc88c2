from django.urls import path

from . import views

urlpatterns = [
    path("lint/", views.run_linter, name="run-linter"),
]
