"""The site's fixed links (the header, the menu, the footer), each reversed once per process: the
base template's dozen links without arguments were a tenth of the time of a page served from the
shared cache (issue 18). A link depends only on its name, the script prefix and the URLconf, which
are the key."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@lru_cache(maxsize=128)
def _reversed(name: str, prefix: str, urlconf) -> str:
    return reverse(name, urlconf=urlconf)  # reverse() puts the current script prefix in front


@register.simple_tag
def menu_url(name: str) -> str:
    """`{% url name %}` for a view without arguments."""
    return _reversed(name, get_script_prefix(), get_urlconf())
