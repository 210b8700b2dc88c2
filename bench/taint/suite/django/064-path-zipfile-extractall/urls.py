from django.urls import path

from . import views

urlpatterns = [
    path("themes/", views.install_theme, name="install-theme"),
]
