from django.urls import path

from . import views

urlpatterns = [
    path("people/by-mail/", views.by_mail, name="by-mail"),
]
