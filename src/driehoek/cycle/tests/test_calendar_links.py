"""Calendar links are built from DRIEHOEK_SITE_URL, else from the address the request came in on;
the first calendar address does not speak of an old one (issue 16 item 7)."""

import pytest

from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_calendar_links_follow_the_request_or_the_configured_address(client, kader, people, meeting, settings):
    client.force_login(people["secretaris"])
    url = reverse("cycle:overleg_ics", args=[kader.slug, meeting.pk])
    settings.SITE_URL, settings.ALLOWED_HOSTS = "", [*settings.ALLOWED_HOSTS, "driehoek.gemeente.test"]
    ics = client.get(url, HTTP_HOST="driehoek.gemeente.test").content.decode()
    assert "http://driehoek.gemeente.test/sets/" in ics.replace("\r\n ", "") and "127.0.0.1:8000" not in ics
    settings.SITE_URL = "https://driehoek.example.nl/"
    ics = client.get(url, HTTP_HOST="driehoek.gemeente.test").content.decode()
    assert "https://driehoek.example.nl/sets/" in ics.replace("\r\n ", "")


def test_the_first_calendar_address_has_no_old_one(client, people, settings):
    settings.SITE_URL, settings.ALLOWED_HOSTS = "", [*settings.ALLOWED_HOSTS, "driehoek.gemeente.test"]
    client.force_login(people["woonborg"])
    first = client.post(reverse("cycle:mijn_agenda"), {"form": "nieuw"}, HTTP_HOST="driehoek.gemeente.test")
    text = first.content.decode()
    assert "Uw agenda-adres is aangemaakt." in text and "oude adres" not in text
    assert "http://driehoek.gemeente.test/agenda/" in text
    second = client.post(reverse("cycle:mijn_agenda"), {"form": "nieuw"}, HTTP_HOST="driehoek.gemeente.test")
    assert "Het oude adres werkt niet meer." in second.content.decode()
