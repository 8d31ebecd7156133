"""Optional single sign-on with OpenID Connect (mozilla-django-oidc), for organisations that have it.

Off unless OIDC_RP_CLIENT_ID is set. Only people who already have a Driehoek account get in,
matched by e-mail address: a Driehoek account carries a party and a role, which the provider
does not know (docs/adr/0032). The second factor is still Driehoek's own (docs/adr/0031).
"""

from mozilla_django_oidc import views as oidc_views
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _


class DriehoekOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Django builds every backend for each log-in; without settings this one stays inert.
        if settings.OIDC_ENABLED:
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        if not settings.OIDC_ENABLED:
            return None
        return super().authenticate(request, **kwargs)

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email or claims.get("email_verified") is False:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)


class _EnabledOnly:
    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class Start(_EnabledOnly, oidc_views.OIDCAuthenticationRequestView):
    pass


class Callback(_EnabledOnly, oidc_views.OIDCAuthenticationCallbackView):
    def login_failure(self):
        messages.error(
            self.request,
            _(
                "Inloggen via %(provider)s is niet gelukt. Driehoek kent geen actief account met het e-mailadres "
                "van uw organisatie-account; vraag de secretaris of beheerder u toe te voegen."
            )
            % {"provider": settings.OIDC_PROVIDER_NAME},
        )
        return super().login_failure()


urlpatterns = [
    path("start/", Start.as_view(), name="oidc_authentication_init"),
    path("callback/", Callback.as_view(), name="oidc_authentication_callback"),
]
