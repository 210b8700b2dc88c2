from django.urls import path

from . import views

urlpatterns = [
    path("footer/render/", views.render_footer, name="render-footer"),
]
