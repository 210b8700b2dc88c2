from django.urls import path

from . import views

urlpatterns = [
    path("risk/", views.risk_score, name="risk-score"),
]
