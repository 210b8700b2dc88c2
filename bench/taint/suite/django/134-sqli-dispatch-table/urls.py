from django.urls import path

from . import views

urlpatterns = [
    path("reports/<str:kind>/", views.sales_report, name="sales-report"),
]
