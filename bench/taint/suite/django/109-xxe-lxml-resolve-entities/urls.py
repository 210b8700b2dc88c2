from django.urls import path

from . import views

urlpatterns = [
    path("import/xml/", views.import_xml, name="import-xml"),
]
