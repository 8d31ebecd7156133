"""Attachments: recognised by content, limited in size, stored outside the web root and given back
only as downloads to those who may see the set."""

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from driehoek.core.tests.strategies import damaged_files
from driehoek.monitoring import services
from driehoek.monitoring.forms import IndicatorwaardeForm
from driehoek.monitoring.models import Bijlage

HEADS = {"pdf": b"%PDF-", "png": b"\x89PNG", "jpeg": b"\xff\xd8\xff", "xlsx": b"PK\x03\x04"}
NAMES = st.sampled_from(["a.pdf", "b.xlsx", "c.png", "d.jpg", "e.html", "../../etc/passwd", "f.svg", "g"])


def _form(content: bytes, name: str) -> IndicatorwaardeForm:
    upload = SimpleUploadedFile(name, content)
    return IndicatorwaardeForm({"i1-waarde": "3", "i1-versie": "0"}, {"i1-bijlage": upload}, prefix="i1")


@settings(max_examples=200, deadline=None)
@given(content=damaged_files(), name=NAMES)
def test_any_file_is_recognised_by_content_or_refused(content, name):
    form = _form(content, name)
    if form.is_valid():
        kind = form.cleaned_data["bijlage_soort"]
        assert content.startswith(HEADS[kind])
        if kind == "xlsx":
            raise AssertionError("random bytes after a zip header are not a workbook")
    else:
        assert form.errors["bijlage"] or form.errors.get("__all__")


def test_a_real_workbook_is_an_attachment_whatever_its_name():
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    form = _form(out.getvalue(), "cijfers.bin")
    assert form.is_valid() and form.cleaned_data["bijlage_soort"] == "xlsx"
    assert not _form(b"PK\x03\x04" + out.getvalue()[4:200], "kapot.xlsx").is_valid()


def test_too_large_is_refused_in_dutch(settings):
    settings.UPLOAD_MAX_MB = {**django_settings.UPLOAD_MAX_MB, "attachment": 0}
    form = _form(b"%PDF-1.7 klein", "a.pdf")
    assert not form.is_valid()
    assert "groter dan 0 MB" in form.errors["bijlage"][0]


@pytest.mark.django_db
def test_stored_outside_the_web_root_and_downloaded_as_attachment(client, kader, people, year_2026, tmp_path, settings):
    settings.STORAGES = {**django_settings.STORAGES, "default": {**django_settings.STORAGES["default"]}}
    settings.STORAGES["default"]["OPTIONS"] = {"location": tmp_path}
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    value = services.save_value(people["woonborg"], indicator, 2026, waarde=3, eenheid="", oordeel="", bron="")
    upload = SimpleUploadedFile('rap"port;\r\n<x>.pdf', b"%PDF-1.7 inhoud")
    bijlage = services.add_attachment(people["woonborg"], value, upload, "pdf")
    assert (tmp_path / bijlage.bestand.name).is_file()
    # MEDIA is not under the static root and no URL serves it.
    media = django_settings.STORAGES["default"]["OPTIONS"]["location"]
    assert not str(media).startswith(str(django_settings.STATIC_ROOT))
    assert client.get("/media/" + bijlage.bestand.name).status_code == 404
    client.force_login(people["ahwoon"])
    response = client.get(reverse("monitoring:bijlage", args=[bijlage.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "\r" not in disposition and "\n" not in disposition
    assert "<x>" not in disposition and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 inhoud"
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("monitoring:bijlage", args=[bijlage.pk])).status_code == 404
    assert Bijlage.history.filter(id=bijlage.pk, history_user=people["woonborg"]).exists()


@pytest.mark.django_db
def test_every_download_is_an_attachment(client, kader, people, year_2026):
    from driehoek.cycle import services as cycle

    overleg = cycle.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO")
    client.force_login(people["secretaris"])
    urls = [
        *[reverse("reports:monitoringstabel", args=[kader.slug, 2026, fmt]) for fmt in ("csv", "xlsx", "pdf")],
        reverse("figures:sjabloon", args=["plannen", "csv"]),
        reverse("figures:sjabloon", args=["plannen", "xlsx"]),
        reverse("cycle:overleg_ics", args=[kader.slug, overleg.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Disposition"].startswith("attachment; filename="), url
