"""Every PDF the project makes keeps every word inside its page; every download of the
monitoringstabel holds every value the web table shows, cell by cell, on the Aa en Hunze data
(issue 16 item 4: the Toelichting ran off the A4 page, the indicator values were left out)."""

import csv
import io
import re
from html.parser import HTMLParser

import pdfplumber
import pytest
from openpyxl import load_workbook

from django.conf import settings
from django.urls import reverse

from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling
from driehoek.register.models import Indicator
from driehoek.reports import evaluation, exports

pytestmark = pytest.mark.django_db

LONG = (
    "De oplevering van de woningen aan de Zuiderstraat schuift door naar het volgende jaar; zie "
    "https://www.aaenhunze.nl/wonen/prestatieafspraken/monitoring/2026/bijlage-zuiderstraat-planning.pdf "
    "en het Klimaatadaptatieuitvoeringsprogrammavoortgangsrapportage-overzicht. "
) * 3


@pytest.fixture
def assessed(kader, people, year_2026):
    """Lights, a long explanation with a long address and a long word, and indicator values."""
    b1 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b1, kleur="oranje", reden="a", toelichting=LONG)
    b5 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b5, kleur="groen", toelichting="Inventarisatie klaar.")
    for n, indicator in enumerate(Indicator.objects.filter(afspraak__afsprakenset=kader, jaar_van__lte=2026)[:6]):
        parties = set(indicator.actiehouders.values_list("pk", flat=True))
        holder = next(u for u in people.values() if u.partij_id in parties and u.rol == "invuller")
        if n % 2:
            monitoring.save_value(holder, indicator, 2026, oordeel="Op schema, zie de planning.")
        else:
            monitoring.save_value(holder, indicator, 2026, waarde=18 + n, eenheid="woningen")
    return kader


def _producers(kader) -> dict:
    """Each module that makes a PDF, with a PDF it makes."""
    from driehoek.importer.evaluation import text_to_pdf
    from driehoek.ondertekening.package import package_pdf
    from driehoek.reports import periode

    return {
        "reports/exports.py": lambda: exports.pdf_bytes(kader, 2026),
        "reports/periode.py": lambda: periode.pdf(kader),
        # The signed agreements with the monitoringstabel as annex (of a year without assessments too).
        "ondertekening/package.py": lambda: package_pdf(kader),
        "reports/evaluation.py": lambda: evaluation.pdf(kader, 2026, lambda step: None),
        "importer/evaluation.py": lambda: text_to_pdf(LONG * 4),
    }


def test_every_pdf_keeps_every_word_inside_the_page(assessed):
    makers = {
        str(path.relative_to(settings.SRC_DIR))
        for path in settings.SRC_DIR.rglob("*.py")
        if "tests" not in path.parts and "write_pdf(" in path.read_text(encoding="utf-8")
    }
    producers = _producers(assessed)
    assert makers == set(producers), f"a PDF is made in {makers - set(producers)}: add it here"
    words = 0
    for where, make in producers.items():
        with pdfplumber.open(io.BytesIO(make())) as document:
            for number, page in enumerate(document.pages, start=1):
                for word in page.extract_words():
                    words += 1
                    inside = word["x0"] >= 0 and word["top"] >= 0 and word["x1"] <= page.width
                    assert inside and word["bottom"] <= page.height, (where, number, word["text"], word["x1"])
    print(f"{len(producers)} PDFs, {words} words, all inside their page")


def _pdf_columns(content: bytes) -> list[str]:
    """The monitoringstabel PDF's text per column (the words under each column, top to bottom,
    page after page), without spaces: a long word may break over two lines of its cell."""
    from driehoek.reports.columns import COLUMNS

    total = sum(c.width for c in COLUMNS)
    edges = [sum(c.width for c in COLUMNS[: i + 1]) / total for i in range(len(COLUMNS))]
    columns = [""] * len(COLUMNS)
    with pdfplumber.open(io.BytesIO(content)) as document:
        for page in document.pages:
            left, right = 12 / 25.4 * 72, page.width - 12 / 25.4 * 72  # the page's margins
            for word in sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"])):
                share = (word["x0"] - left) / (right - left)
                if 0 <= share < 1 and 18 * 72 / 25.4 < word["top"] < page.height - 16 * 72 / 25.4:
                    columns[next(i for i, edge in enumerate(edges) if share < edge)] += word["text"]
    return columns


def test_the_monitoringstabel_pdf_is_a4_landscape_and_every_column_fits(assessed):
    content = exports.pdf_bytes(assessed, 2026)
    with pdfplumber.open(io.BytesIO(content)) as document:
        page = document.pages[0]
        assert (round(page.width), round(page.height)) == (842, 595)  # A4 landscape in points
    columns = dict(zip(exports.HEADER, _pdf_columns(content), strict=True))
    assert "18woningen" in columns["Waarde"] and "".join(LONG.split())[:200] in columns["Toelichting"]


class _Table(HTMLParser):
    """The cells of the page's table as rows of texts, a rowspan cell repeated on the rows it spans;
    each cell's text split at its line breaks, as the page shows it."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.spans, self.inside = [], None, {}, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "monitoringstabel" in (attrs.get("class") or ""):
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag == "td":
            self.cell = {"parts": [""], "rowspan": int(attrs.get("rowspan", 1))}
        elif self.cell is not None and tag == "br":
            self.cell["parts"].append("")

    def handle_data(self, data):
        if self.cell is not None:
            self.cell["parts"][-1] += data

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.cell is not None and tag == "td":
            parts = [" ".join(p.split()) for p in self.cell["parts"]]
            self.rows[-1].append([p for p in parts if p])
            for later in range(1, self.cell["rowspan"]):
                self.spans.setdefault(len(self.rows) - 1 + later, []).append((len(self.rows[-1]) - 1, parts))
            self.cell = None
        elif tag == "tr" and self.inside:
            for column, parts in self.spans.pop(len(self.rows) - 1, []):
                self.rows[-1].insert(column, [p for p in parts if p])


def _page_rows(client, kader) -> list[list[list[str]]]:
    html = client.get(reverse("monitoring:tabel", args=[kader.slug, 2026])).content.decode()
    parser = _Table()
    parser.feed(html)
    return [r for r in parser.rows if r]


def _shown(part: str) -> str:
    """What a cell says: without the light's symbol before it, and a text the page shortens (… at
    the end) is the start of the full text in the export."""
    return re.sub(r"^[^\w(]+", "", part).removesuffix("…").removesuffix("...").strip()


def _download_rows(client, kader, fmt: str) -> list[list[str]]:
    content = client.get(reverse("reports:monitoringstabel", args=[kader.slug, 2026, fmt])).content
    if fmt == "csv":
        table = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    elif fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        table = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    else:
        return _pdf_columns(content)
    assert table[0] == exports.HEADER, fmt
    return [[" ".join(c.removeprefix("'").split()) for c in row] for row in table[1:]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_every_download_holds_every_value_the_page_shows(client, assessed, people, fmt):
    client.force_login(people["secretaris"])
    page = _page_rows(client, assessed)
    download = _download_rows(client, assessed, fmt)
    if fmt == "pdf":
        # An agreement's own cells stand once, on its first row (as on paper); compare per agreement.
        return _compare_pdf(page, download)
    assert len(download) == len(page) == 30
    checked = 0
    for number, (shown, written) in enumerate(zip(page, download, strict=True), start=1):
        text = " | ".join(written)
        for cell in shown:
            for part in cell:
                if not _shown(part) or _shown(part) == "—":
                    continue
                assert _shown(part) in text, (fmt, number, part, written)
                checked += 1
    assert checked > 150
    print(f"{fmt}: {checked} values of the page found in the download")


def _compare_pdf(page, columns):
    """Each value of the page stands in one of the PDF's columns, and every header heads one."""
    for header, column in zip(exports.HEADER, columns, strict=True):
        assert "".join(header.split()) in column, header
    checked = 0
    for shown in page:
        for cell in shown:
            for part in cell:
                if _shown(part) and _shown(part) != "—":
                    assert any("".join(_shown(part).split()) in column for column in columns), part
                    checked += 1
    assert checked > 150
    print(f"pdf: {checked} values of the page found in the download")
