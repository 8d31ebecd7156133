import io
import time

import pdfplumber
import pytest
from openpyxl import load_workbook

from django.urls import reverse

from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling
from driehoek.reports import evaluation
from driehoek.reports.models import Rapport
from driehoek.reports.tasks import build_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed(kader, people, year_2026):
    b1 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(
        people["woonborg"], b1, kleur="oranje", reden="a", toelichting="Twee projecten schuiven door."
    )
    monitoring.respond(
        people["ahwoon"], Beoordeling.objects.get(pk=b1.pk), soort="niet_akkoord", toelichting="Te optimistisch."
    )
    b5 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b5, kleur="groen")
    return kader


def test_evaluation_pdf_holds_every_agreement_its_light_and_the_reactions(assessed):
    start = time.perf_counter()
    steps = []
    pdf = evaluation.pdf(assessed, 2026, steps.append)
    elapsed = time.perf_counter() - start
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)
        pages = len(document.pages)
    assert "Evaluatie 2026" in text and "Samenvatting" in text and "Besluiten en geschillen" in text
    for afspraak in assessed.afspraken.all():
        assert f"Afspraak {afspraak.nummer}" in text
    assert "oranje (a): vertraagde uitvoering" in text and "Twee projecten schuiven door." in text
    assert "AH WOON: niet akkoord — Te optimistisch." in text
    assert text.count("nog niet beoordeeld") >= 17
    assert steps == sorted(steps) and steps[-1] == 85
    print(f"evaluation PDF: {pages} pages in {elapsed:.2f} s")


def test_evaluation_xlsx(assessed):
    book = load_workbook(io.BytesIO(evaluation.xlsx(assessed, 2026)))
    assert book.sheetnames == ["Samenvatting", "Afspraken", "Cijfers", "Besluiten"]
    rows = list(book["Afspraken"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 19
    first = rows[0]
    assert first[2] == "oranje (a): vertraagde uitvoering" and "AH WOON: niet akkoord" in first[6]
    assert book["Samenvatting"]._charts  # the chart of lights per theme
    assert [c.value for c in book["Samenvatting"][4]][:6] == ["Beschikbaarheid", 0, 1, 0, 0, 3]


def test_report_in_the_background_with_progress_and_download(client, assessed, people):
    client.force_login(people["deelmacht"])
    response = client.post(reverse("reports:rapport_aanvragen", args=[assessed.slug, 2026]), {"formaat": "pdf"})
    rapport = Rapport.objects.get()
    assert response.url == reverse("reports:rapport", args=[rapport.pk]) and rapport.stand == "wacht"
    page = client.get(response.url).content.decode()
    assert 'hx-trigger="every 2s"' in page and "<progress" in page
    build_report.call(rapport.pk)  # what the worker does
    rapport.refresh_from_db()
    assert (rapport.stand, rapport.voortgang) == ("klaar", 100) and rapport.duur > 0
    partial = client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert "every 2s" not in partial and "PDF downloaden" in partial and "<h1" not in partial
    download = client.get(reverse("reports:rapport_download", args=[rapport.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("reports:rapport_download", args=[rapport.pk])).status_code == 404
