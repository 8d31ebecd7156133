from django.urls import path

from . import views

app_name = "jaarprogramma"

urlpatterns = [
    path("sets/<slug:slug>/jaarprogramma/", views.index, name="index"),
    path("sets/<slug:slug>/jaarprogramma/<int:jaar>/", views.concept, name="concept"),
    path("sets/<slug:slug>/jaarprogramma/<int:jaar>/afspraken/<str:nummer>/", views.onderdeel, name="onderdeel"),
    path("sets/<slug:slug>/jaarprogramma/<int:jaar>/voorstellen/<int:pk>/", views.voorstel, name="voorstel"),
]
