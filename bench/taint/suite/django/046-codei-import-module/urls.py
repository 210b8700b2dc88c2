from django.urls import path

from . import views

urlpatterns = [
    path("export/<str:fmt>/", views.export, name="export"),
]
