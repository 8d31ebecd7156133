from django.urls import path

from . import views

app_name = "register"

urlpatterns = [
    path("<slug:slug>/", views.set_detail, name="set"),
    path("<slug:slug>/geschiedenis/", views.geschiedenis, name="geschiedenis"),
    path("<slug:slug>/afspraken/<str:nummer>/", views.afspraak_detail, name="afspraak"),
]
