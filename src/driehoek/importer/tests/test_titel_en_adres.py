"""Issue 16 item 10: the 2022 document read as "Prestatieafspraken 2023"; after correcting the year and
accepting, the set's web address and source-document title still said 2023; the start page then
listed two sets with the same name and nothing to tell them apart."""

import pytest

from django.conf import settings

from driehoek.importer import proposal, services
from driehoek.importer.models import Brondocument
from driehoek.register.models import Afsprakenset

from .helpers import text

pytestmark = pytest.mark.django_db


def _seed(name: str) -> bytes:
    return (settings.BASE_DIR / "data" / "aa-en-hunze" / "bron" / f"{name}.txt").read_bytes()


def test_the_year_is_the_documents_own_whatever_the_file_is_called():
    # The 2022 document names "prestatieafspraken 2023" (next year's round) more often than its own year.
    s = proposal.propose("document.txt", _seed("prestatieafspraken-2022")).set
    assert (s["title"], s["first_year"], s["last_year"]) == ("Prestatieafspraken 2022", 2022, 2022)


def test_a_corrected_year_changes_the_address_and_the_source_title(people):
    document = services.upload(people["secretaris"], "zilverveen.txt", text("zilverveen"))
    before = document.set
    wrong_year = before["first_year"]
    services.edit(
        people["secretaris"],
        document,
        "edit_set",
        title=f"Prestatieafspraken {wrong_year - 1}",
        kind="prestatieafspraken",
        first_year=wrong_year - 1,
        last_year=wrong_year - 1,
        municipality=before["municipality"],
    )
    s = Brondocument.objects.get(pk=document.pk).set
    assert str(wrong_year - 1) in s["slug"] and str(wrong_year) not in s["slug"]
    assert s["source_document"]["title"].startswith(f"Prestatieafspraken {wrong_year - 1}")


def test_a_second_set_with_the_same_name_is_told_apart(people):
    existing = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    document = services.upload(people["secretaris"], "kaderafspraken-2026-2031.txt", _seed("kaderafspraken-2026-2031"))
    afsprakenset = services.accept(people["secretaris"], Brondocument.objects.get(pk=document.pk))
    assert afsprakenset.slug == "aa-en-hunze-kaderafspraken-2026-2031-concept-2"
    assert afsprakenset.titel != existing.titel
    assert afsprakenset.titel.startswith(existing.titel)
