from django.urls import path

from . import views

app_name = "ondertekening"

urlpatterns = [
    path("sets/<slug:slug>/ondertekening/", views.ondertekening, name="set"),
    path("sets/<slug:slug>/ondertekening/besluit/<int:pk>/", views.besluit, name="besluit"),
    path("sets/<slug:slug>/ondertekening/pakket/<int:pk>/", views.pakket, name="pakket"),
    path("openbaar/<slug:slug>/afspraken/", views.openbaar, name="openbaar"),
]
