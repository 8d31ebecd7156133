from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("cijfers/gemeenten/<int:pk>/", views.overzicht, name="overzicht"),
    path("cijfers/gemeenten/<int:pk>/aanleveren/", views.aanleveren, name="aanleveren"),
    path("cijfers/gemeenten/<int:pk>/invoeren/<str:soort>/", views.invoeren, name="invoeren"),
    path("cijfers/sjablonen/<str:soort>.<str:ext>", views.sjabloon, name="sjabloon"),
]
