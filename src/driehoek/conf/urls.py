from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from driehoek.accounts import oidc
from driehoek.accounts import views as account_views
from driehoek.accounts.admin_site import BeheerAdminSite
from driehoek.accounts.history_views import gebruikers_geschiedenis
from driehoek.accounts.password_reset import WachtwoordVergetenView
from driehoek.api import views as api_views
from driehoek.api.api import api
from driehoek.core import views as core_views
from driehoek.register import views as register_views

# The admin asks for a verified second factor too; its log-in is the site's own (docs/adr/0031). It is
# the administrator's tool alone (docs/adr/0085).
admin.site.__class__ = BeheerAdminSite
admin.site.site_header = _("Driehoek beheer")
admin.site.site_title = _("Driehoek beheer")

urlpatterns = [
    path("", register_views.start, name="start"),
    path("inloggen/", account_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestaps/", include("driehoek.accounts.urls")),
    path("wachtwoord-vergeten/", WachtwoordVergetenView.as_view(), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("wachtwoord-vergeten/klaar/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("sso/", include(oidc.urlpatterns)),
    path("taal/", include("django.conf.urls.i18n")),
    path("help/", core_views.help_index, name="help"),
    path("help/<slug:rol>/", core_views.help_page, name="help_rol"),
    path("sets/", include("driehoek.register.urls")),
    path("", include("driehoek.monitoring.urls")),
    path("", include("driehoek.cycle.urls")),
    path("", include("driehoek.figures.urls")),
    path("", include("driehoek.reports.urls")),
    path("inlezen/", include("driehoek.importer.urls")),
    path("bod/", include("driehoek.bod.urls")),
    path("", include("driehoek.jaarprogramma.urls")),
    path("", include("driehoek.ondertekening.urls")),
    path("vergelijken/", include("driehoek.vergelijken.urls")),
    path("api/v1/", RedirectView.as_view(url="/api/v1/openapi.json"), name="api_root"),  # the description
    path("api/v1/", api.urls),
    path("api-sleutels/", api_views.tokens, name="api_tokens"),
    path("beheer/login/", RedirectView.as_view(url=reverse_lazy("login"), query_string=True)),
    path("gebruikers/geschiedenis/", gebruikers_geschiedenis, name="gebruikers_geschiedenis"),
    path("beheer/", admin.site.urls),
    path("gezond/", core_views.gezond, name="gezond"),
    # Browsers ask for /favicon.ico where a page names none (the admin's pages): the site's icon.
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg", permanent=True)),
]
handler500 = "driehoek.core.errors.server_error"
