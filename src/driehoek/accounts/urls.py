from django.urls import path

from . import views

urlpatterns = [
    path("instellen/", views.instellen, name="tweestaps_instellen"),
    path("controle/", views.controle, name="tweestaps_controle"),
    path("reservecodes/", views.reservecodes, name="tweestaps_reservecodes"),
]
