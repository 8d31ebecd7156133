"""The submission package read back with pdfplumber: A4, every word on the page, every party,
every agreement's exact text, the approvals and signatures, and the monitoringstabel annex."""

import io
import re

import pdfplumber
import pytest

from driehoek.ondertekening.package import package_pdf

from .flow import to_signed

pytestmark = pytest.mark.django_db
A4 = (595.3, 841.9)
FOOTER = 20 * 72 / 25.4  # the bottom margin, where the page numbers are


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_package_holds_the_signed_agreements_and_the_annex(programma, people, signers, settings):
    to_signed(people["secretaris"], programma, signers)
    content = package_pdf(programma)
    artifacts = settings.BASE_DIR / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "ondertekening-pakket.pdf").write_bytes(content)
    body, annex = "", ""
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for page in pdf.pages:
            for word in page.extract_words():
                assert 0 <= word["x0"] <= word["x1"] <= page.width + 0.5, word
                assert 0 <= word["top"] <= word["bottom"] <= page.height + 0.5, word
            portrait = page.width < page.height
            if portrait:
                assert (round(page.width, 1), round(page.height, 1)) == A4
                body += page.crop((0, 0, page.width, page.height - FOOTER)).extract_text() + "\n"
            else:
                annex += page.extract_text() + "\n"
    for d in programma.deelnames.select_related("partij"):
        assert d.partij.naam in body
    flat = squash(body)
    for afspraak in programma.afspraken.all():
        assert squash(afspraak.tekst) in flat, afspraak.nummer
    for h in programma.handtekeningen.all():
        assert all(squash(part) in flat for part in (h.naam, h.functie, h.plaats)), h
    for orgaan in ("Raad van Commissarissen", "ledenvergadering", "College van burgemeester en wethouders"):
        assert squash(orgaan) in flat
    assert "Monitoringstabel 2027" in annex
    for indicator_text in programma.afspraken.get(nummer="1").indicatoren.values_list("omschrijving", flat=True):
        assert all(word in annex for word in indicator_text.split()[:2])  # the columns wrap side by side
