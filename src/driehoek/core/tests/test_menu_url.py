"""The base template's fixed links, reversed once per process (core/templatetags/menu.py)."""

import re
from pathlib import Path

import pytest

from django.conf import settings
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix

from driehoek.core.templatetags.menu import menu_url

BASE = Path(settings.BASE_DIR) / "src" / "driehoek" / "templates" / "base.html"


def test_a_menu_link_is_the_reversed_url():
    for name in ("start", "help", "login", "reports:landelijk", "admin:index"):
        assert menu_url(name) == reverse(name)


def test_a_menu_link_follows_the_script_prefix():
    try:
        set_script_prefix("/driehoek/")
        assert menu_url("help") == reverse("help") and menu_url("help").startswith("/driehoek/")
    finally:
        set_script_prefix("/")
    assert not menu_url("help").startswith("/driehoek/")


def test_a_name_that_does_not_exist_fails_as_url_does():
    with pytest.raises(NoReverseMatch):
        Template("{% load menu %}{% menu_url 'bestaat_niet' %}").render(Context())


def test_every_link_of_the_base_template_is_one_of_its_names():
    names = re.findall(r"\{% menu_url '([^']+)' %\}", BASE.read_text())
    assert len(names) >= 10
    for name in names:
        assert menu_url(name) == reverse(name)
