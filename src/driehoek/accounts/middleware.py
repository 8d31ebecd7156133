from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import twofactor

# Pages a person reaches before the second factor: the two-factor pages themselves, log-out,
# the language switch and static files.
OPEN_PREFIXES = ("/tweestaps/", "/uitloggen/", "/taal/", "/static/")


class TwoFactorMiddleware:
    """Send a user who must verify a second factor to it before any other page (also the admin)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(OPEN_PREFIXES) and twofactor.must_verify(request.user):
            step = "controle" if twofactor.has_second_factor(request.user) else "instellen"
            url = reverse(f"tweestaps_{step}")
            return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
