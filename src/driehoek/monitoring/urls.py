from django.urls import path

from . import batch_views, beoordeling_views, delegatie_views, lopend_views, views, waarden_views

app_name = "monitoring"

urlpatterns = [
    path("sets/<slug:slug>/monitoring/", views.index, name="index"),
    path("sets/<slug:slug>/monitoring/<int:jaar>/", views.dashboard, name="dashboard"),
    path("sets/<slug:slug>/monitoring/<int:jaar>/tabel/", views.tabel, name="tabel"),
    path("sets/<slug:slug>/monitoring/<int:jaar>/focus/", views.focus, name="focus"),
    path("sets/<slug:slug>/monitoring/<int:jaar>/lopend/", lopend_views.lopend, name="lopend"),
    path(
        "sets/<slug:slug>/monitoring/<int:jaar>/afspraken/<str:nummer>/",
        beoordeling_views.beoordeling,
        name="beoordeling",
    ),
    path(
        "sets/<slug:slug>/monitoring/<int:jaar>/afspraken/<str:nummer>/indicatoren/<int:indicator_pk>/",
        waarden_views.waarde,
        name="waarde",
    ),
    path(
        "sets/<slug:slug>/monitoring/<int:jaar>/afspraken/<str:nummer>/waarden/",
        waarden_views.waarden,
        name="waarden",
    ),
    path(
        "sets/<slug:slug>/monitoring/<int:jaar>/afspraken/<str:nummer>/indicatoren/<int:indicator_pk>/delegeren/",
        delegatie_views.delegeren,
        name="delegeren",
    ),
    path("sets/<slug:slug>/monitoring/<int:jaar>/reageren/", batch_views.reactieronde, name="reactieronde"),
    path("sets/<slug:slug>/monitoring/<int:jaar>/vaststellen/", batch_views.vaststellen, name="vaststellen"),
    path("bijlagen/<int:pk>/", waarden_views.bijlage, name="bijlage"),
]
