from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from driehoek.api import views as api_views
from driehoek.api.api import api
from driehoek.register import views as register_views

admin.site.site_header = _("Driehoek beheer")
admin.site.site_title = _("Driehoek beheer")

urlpatterns = [
    path("", register_views.start, name="start"),
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("taal/", include("django.conf.urls.i18n")),
    path("sets/", include("driehoek.register.urls")),
    path("", include("driehoek.monitoring.urls")),
    path("", include("driehoek.cycle.urls")),
    path("", include("driehoek.figures.urls")),
    path("", include("driehoek.reports.urls")),
    path("inlezen/", include("driehoek.importer.urls")),
    path("api/v1/", api.urls),
    path("api-sleutels/", api_views.tokens, name="api_tokens"),
    path("beheer/", admin.site.urls),
]
