"""Optional single sign-on with OpenID Connect (mozilla-django-oidc), for organisations that have it.

Off unless OIDC_RP_CLIENT_ID is set. Only people who already have a Driehoek account get in,
matched by e-mail address: a Driehoek account carries a party and a role, which the provider
does not know (docs/adr/0032). The second factor is still Driehoek's own (docs/adr/0031).
"""

import logging

from mozilla_django_oidc import views as oidc_views
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext as _

from .backends import with_what_every_page_asks
from .models import User

logger = logging.getLogger(__name__)


class DriehoekOIDCBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs):
        # Django builds every backend for each log-in; without settings this one stays inert.
        if settings.OIDC_ENABLED:
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        if not settings.OIDC_ENABLED:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as exc:  # a bad token: the person sees the log-in page with a message
            logger.warning("OIDC log-in refused: %s", exc)
            return None

    def get_user(self, user_id):
        """As accounts/backends.py: with the party and whether the user has an app, in one query."""
        try:
            return with_what_every_page_asks(User.objects).get(pk=user_id)
        except User.DoesNotExist:
            return None

    def verify_token(self, token, **kwargs):
        # mozilla-django-oidc checks signature and nonce, not the audience: a token the provider
        # made for another application must not log anyone in here.
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        if self.OIDC_RP_CLIENT_ID not in ([audience] if isinstance(audience, str) else audience or []):
            raise SuspiciousOperation("id_token is not meant for this client")
        return payload

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        # Only an address the provider verified: a missing claim is no verification (issue 15).
        if not email or claims.get("email_verified") is not True:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)


def not_a_password_log_in(request, credentials) -> bool:
    """For django-axes: a return from the provider is no password guess (the provider guards its
    own log-in, and our code is single-use and bound to the session). Counting it would lock out
    everyone behind the same address after a few people without a Driehoek account tried."""
    return request is not None and request.path == reverse("oidc_authentication_callback")


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
                "Inloggen via %(provider)s is niet gelukt. U komt alleen binnen met een actief Driehoek-account "
                "met hetzelfde e-mailadres; vraag anders de secretaris of beheerder u toe te voegen."
            )
            % {"provider": settings.OIDC_PROVIDER_NAME},
        )
        return super().login_failure()


urlpatterns = [
    path("start/", Start.as_view(), name="oidc_authentication_init"),
    path("callback/", Callback.as_view(), name="oidc_authentication_callback"),
]
