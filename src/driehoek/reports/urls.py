from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path(
        "sets/<slug:slug>/monitoring/<int:jaar>/monitoringstabel.<str:fmt>",
        views.monitoringstabel,
        name="monitoringstabel",
    ),
    path("sets/<slug:slug>/monitoring/<int:jaar>/publiceren/", views.publiceren, name="publiceren"),
    path("openbaar/<slug:slug>/<int:jaar>/", views.openbaar, name="openbaar"),
    path("landelijk/", views.landelijk, name="landelijk"),
    path("sets/<slug:slug>/monitoring/<int:jaar>/evaluatie/", views.rapport_aanvragen, name="rapport_aanvragen"),
    path("rapporten/<int:pk>/", views.rapport, name="rapport"),
    path("rapporten/<int:pk>/download/", views.rapport_download, name="rapport_download"),
    path("openbaar/landelijk/", views.landelijk_openbaar, name="landelijk_openbaar"),
    path("sets/<slug:slug>/periode-evaluatie/", views.periode, name="periode"),
    path("sets/<slug:slug>/periode-evaluatie.<str:fmt>", views.periode_bestand, name="periode_bestand"),
]
