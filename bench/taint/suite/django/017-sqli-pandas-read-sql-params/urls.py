from django.urls import path

from . import views

urlpatterns = [
    path("reports/sales.csv/", views.sales_csv, name="sales-csv"),
]
