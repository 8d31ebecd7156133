"""Password reset that tells nobody which addresses have an account (issue 15, finding 8).

The request only counts and queues: it does the same work for a known and an unknown address, and
the background worker (manage.py db_worker) looks the address up and sends the mail. A limit per
address and per client stops floods of mail and guessing; its answer is the same whether the
address exists or not."""

import hashlib
from urllib.parse import urlsplit

from axes.helpers import get_client_ip_address

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.cache import cache
from django.tasks import task
from django.utils import translation
from django.utils.translation import gettext as _

from driehoek.core.urls import site_url

PER_ADDRESS = 3  # requests for one e-mail address per WINDOW
PER_CLIENT = 10  # requests from one client address per WINDOW
WINDOW = 3600  # seconds


@task
def send_reset(email: str, site_address: str = "") -> None:
    """Send the reset mail if an active account has this address; otherwise nothing. The link points
    at the site's address as the request saw it (core.urls.site_url): the worker has no request."""
    site = urlsplit(site_address or site_url())
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        with translation.override(settings.LANGUAGE_CODE):
            form.save(domain_override=site.netloc, use_https=site.scheme == "https")


def _count(key: str) -> int:
    cache.add(key, 0, WINDOW)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        return 1


class WachtwoordVergetenView(auth_views.PasswordResetView):
    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        address = hashlib.sha256(email.encode()).hexdigest()  # no e-mail address in the cache table
        client = get_client_ip_address(self.request) or "onbekend"
        per_address = _count(f"wachtwoord:adres:{address}")
        per_client = _count(f"wachtwoord:client:{client}")
        if per_address > PER_ADDRESS or per_client > PER_CLIENT:
            form.add_error(
                None,
                _(
                    "Er is voor dit adres of vanaf deze verbinding al vaak om een nieuw wachtwoord gevraagd. "
                    "Probeer het over een uur opnieuw; een eerder verstuurde e-mail blijft een uur geldig."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        send_reset.enqueue(email, site_url(self.request))
        return super(auth_views.PasswordResetView, self).form_valid(form)  # redirect, without sending
