from django.urls import path

from . import views

app_name = "importer"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.document, name="document"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/aanvaarden/", views.aanvaarden, name="aanvaarden"),
    path("<int:pk>/bestand/", views.bestand, name="bestand"),
]
