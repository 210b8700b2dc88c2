from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=64)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    description_html = models.TextField()
