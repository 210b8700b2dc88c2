from django.urls import path

from . import views

urlpatterns = [
    path("audit/<str:actor>/", views.audit, name="audit"),
]
