from django.urls import path

from . import views

urlpatterns = [
    path("invoices/<str:number>/size/", views.invoice_size, name="invoice-size"),
]
