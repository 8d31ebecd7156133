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
    path("openbaar/landelijk/", views.landelijk_openbaar, name="landelijk_openbaar"),
]
