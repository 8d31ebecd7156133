from django.urls import path

from . import views

app_name = "vergelijken"

urlpatterns = [
    path("zoeken/", views.zoeken, name="zoeken"),
    path("toets/", views.toets, name="toets"),
    path("<slug:slug>/<str:nummer>/", views.vergelijkbaar, name="vergelijkbaar"),
]
