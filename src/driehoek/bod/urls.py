from django.urls import path

from . import views

app_name = "bod"

urlpatterns = [
    path("", views.index, name="index"),
    path("gemeenten/<int:pk>/", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bewerken/", views.bewerken, name="bewerken"),
    path("<int:pk>/bijlagen/<int:bijlage>/", views.bijlage, name="bijlage"),
]
