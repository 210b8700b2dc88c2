from django.urls import path

from . import views

urlpatterns = [
    path("welcome/<str:nickname>/", views.GreetingView.as_view(), name="welcome"),
]
