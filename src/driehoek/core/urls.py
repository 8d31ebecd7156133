"""Absolute links to our own pages, for calendars and e-mails."""

from django.conf import settings

FALLBACK = "http://127.0.0.1:8000"  # only where there is no request either (a background e-mail)


def site_url(request=None) -> str:
    """The site's public address without a trailing slash: DRIEHOEK_SITE_URL when set, else the
    address the request came in on, so a link works from wherever the site was opened."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return FALLBACK
