from django.urls import path

from . import views

urlpatterns = [
    path("pipelines/validate/", views.validate_pipeline, name="validate-pipeline"),
]
