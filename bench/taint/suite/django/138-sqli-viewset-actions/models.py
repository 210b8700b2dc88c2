from django.db import models


class Invoice(models.Model):
    number = models.CharField(max_length=32)
    customer = models.CharField(max_length=64)
    total = models.DecimalField(max_digits=10, decimal_places=2)
    note = models.TextField(blank=True)
