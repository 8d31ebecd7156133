"""One number everywhere (issue 16 item 5): the homes delivered, read from the monitoring page, the
figures page, the evaluation report, the national overview and the API, are the same figure,
computed by figures.queries.additions: delivered minus sold; plans of "jaar onbekend" and "na
2030" in their own rows, not in a year's hard column."""

import io
import re

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from driehoek.figures import queries
from driehoek.figures.tests.test_services import _deliver
from driehoek.register.models import Gemeente
from driehoek.reports import evaluation

pytestmark = pytest.mark.django_db

PLANS = (
    "naam;kern;status;bruto;sloop;jaar;opleverdatum\n"
    "Zuid Es;Gieten;opgeleverd;14;2;2026;2026-10-01\n"
    "Naweg;Rolde;hard;6;0;2027;\n"
    "Eext;Eext;zacht_locatie_bekend;10;0;na 2030;\n"
    "Oost;Gieten;zacht_locatie_bekend;8;0;onbekend;\n"
)


@pytest.fixture
def delivered(kader, people, year_2026):
    gemeente = Gemeente.objects.get(naam="Aa en Hunze")
    _deliver(people["woonborg"], gemeente, "plannen", PLANS)
    _deliver(people["woonborg"], gemeente, "mutaties", "jaar;verkoop;sloop;aankoop\n2026;3;0;0\n")
    return gemeente


def test_net_additions_subtract_sales_and_keep_unknown_and_later_plans_apart(delivered):
    a = queries.additions(delivered, 2026, 2031)
    woonborg = queries.additions(delivered, 2026, 2031, delivered.aanleveringen.get(soort="mutaties").corporatie)
    assert woonborg.net[2026] == 14 - 2 - 3 and woonborg.sold == {2026: 3}
    assert a.unknown_soft >= 8  # with the other corporations' plans
    assert woonborg.later_soft == {2030: 10} and 2030 not in woonborg.planned_soft
    assert woonborg.unknown_soft == 8 and woonborg.unknown_hard == 0


def test_the_figures_page_puts_unknown_soft_plans_in_the_soft_column(client, delivered, people):
    client.force_login(people["woonborg"])
    html = client.get(reverse("figures:overzicht", args=[delivered.pk])).content.decode()
    row = re.search(r"<th scope=\"row\">jaar onbekend</th>(.*?)</tr>", html).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row)
    a = queries.additions(delivered, 2026, 2031)
    assert cells == ["", "", str(a.unknown_hard), str(a.unknown_soft)] and a.unknown_soft >= 8
    later = re.search(r"<th scope=\"row\">na 2030</th>(.*?)</tr>", html).group(1)
    assert re.findall(r"<td>(.*?)</td>", later) == ["", "", "", str(a.later_soft[2030])]


def test_delivered_homes_are_one_number_on_every_page_export_and_the_api(client, delivered, people, kader):
    expected = queries.additions(delivered, 1900, 2100).net
    client.force_login(people["secretaris"])

    # The monitoring page: the computed value of the linked indicator.
    html = client.get(reverse("monitoring:tabel", args=[kader.slug, 2026])).content.decode()
    monitoring = int(re.search(r"aantal opgeleverde woningen<br><span class=\"muted\">(-?\d+) woningen", html).group(1))

    # The figures page: the table beside the chart.
    rows = client.get(reverse("figures:overzicht", args=[delivered.pk])).context["additions_rows"]
    figures = next(r[1] for r in rows if r[0] == 2026)

    # The evaluation report (its worksheet of figures; the PDF is drawn from the same context).
    book = load_workbook(io.BytesIO(evaluation.xlsx(kader, 2026)))
    report = next(r[1] for r in book["Cijfers"].iter_rows(values_only=True) if r[0] == 2026)

    # The API, with a corporation's key.
    from driehoek.api.tests.test_api import _auth, _token

    secret = _token(client, people["woonborg"])
    answer = client.get(f"/api/v1/gemeenten/{delivered.pk}/cijfers", **_auth(secret)).json()
    api = answer["delivered_net_per_year"]["2026"]
    client.force_login(people["secretaris"])

    assert monitoring == figures == report == api == expected[2026] == 14 - 2 - 3 + _others(delivered, 2026)

    # The national overview: all years together, by the same rules.
    national = client.get(reverse("reports:landelijk")).context["rows"]
    row = next(r for r in national if r.gemeente == delivered)
    assert row.delivered == sum(expected.values())


def _others(gemeente, year) -> int:
    """What the other corporations' figures (the documents' own, loaded with the data) add."""
    woonborg = gemeente.aanleveringen.get(soort="mutaties").corporatie
    return sum(
        queries.additions(gemeente, year, year, a.corporatie).net.get(year, 0)
        for a in queries.latest_per_corporation(gemeente, "plannen")
        if a.corporatie != woonborg
    )


def _cells(html: str, row_header: str) -> list[str]:
    row = re.search(rf"<th scope=\"row\">{row_header}</th>(.*?)</tr>", html, re.S).group(1)
    return [re.sub(r"<.*?>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]


def _pdf_row(content: bytes, year: int) -> list[str]:
    """The words of the evaluation PDF's figures table on the line of a year."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as pdf:
        page = next(p for p in pdf.pages if "Cijfers" in (p.extract_text() or ""))
        lines = (page.extract_text() or "").splitlines()
    return next(line.split()[1:] for line in lines if line.split()[:1] == [str(year)] and len(line.split()) == 4)


def test_every_figure_on_more_than_one_page_is_one_number_everywhere(client, delivered, people, kader, year_2026):
    """Net additions, hard and soft planned and sold, per year, as the rendered pages, the report
    (PDF and XLSX), the national overview and the API show them, against figures.queries.additions."""
    from driehoek.api.tests.test_api import _auth, _token

    whole = queries.additions(delivered, 1900, 2100)
    secret = _token(client, people["woonborg"])
    api = client.get(f"/api/v1/gemeenten/{delivered.pk}/cijfers", **_auth(secret)).json()
    client.force_login(people["secretaris"])
    page = client.get(reverse("figures:overzicht", args=[delivered.pk])).content.decode()
    book = load_workbook(io.BytesIO(evaluation.xlsx(kader, 2026)))
    sheet = {r[0]: r[1:] for r in book["Cijfers"].iter_rows(values_only=True)}
    assert sheet["Jaar"] == ("opgeleverd min verkocht", "hard gepland", "zacht gepland")
    pdf = evaluation.pdf(kader, 2026)
    compared = 0
    for year in range(kader.eerste_jaar, kader.laatste_jaar + 1):
        net, sold = whole.net.get(year, 0), whole.sold.get(year, 0)
        hard, soft = whole.planned_hard.get(year, 0), whole.planned_soft.get(year, 0)
        assert _cells(page, str(year))[:4] == [str(net), str(sold), str(hard), str(soft)], year
        assert sheet[year] == (net, hard, soft), year
        assert _pdf_row(pdf, year) == [str(net), str(hard), str(soft)], year
        for key, value in (
            ("delivered_net_per_year", net),
            ("sold_per_year", sold),
            ("planned_hard_per_year", hard),
            ("planned_soft_per_year", soft),
        ):
            assert api[key].get(str(year), 0) == value, (key, year)
        compared += 1
    # The fixture's own plans make these years count: hard in 2027, sold in 2026, net in 2026.
    assert whole.planned_hard.get(2027, 0) >= 6 and whole.sold.get(2026) == 3 and compared == 6

    # The public page of a published year: its table of net additions, hard and soft planned per year
    # (it was rendered with an empty body: the view never passed the rows).
    from driehoek.reports.models import Publicatie

    Publicatie.objects.create(afsprakenset=kader, jaar=2026, gepubliceerd_door=people["secretaris"])
    client.logout()
    public = client.get(reverse("reports:openbaar", args=[kader.slug, 2026])).content.decode()
    client.force_login(people["secretaris"])
    for year in range(kader.eerste_jaar, kader.laatste_jaar + 1):
        expected = [
            str(whole.net.get(year, 0)),
            str(whole.planned_hard.get(year, 0)),
            str(whole.planned_soft.get(year, 0)),
        ]
        assert _cells(public, str(year)) == expected, year

    # Monitoring: the computed indicator value of 2026; the national overview, as rendered: all years.
    html = client.get(reverse("monitoring:tabel", args=[kader.slug, 2026])).content.decode()
    monitoring = int(re.search(r"aantal opgeleverde woningen<br><span class=\"muted\">(-?\d+) woningen", html).group(1))
    assert monitoring == whole.net[2026]
    national = client.get(reverse("reports:landelijk")).content.decode()
    row = re.search(r"<th scope=\"row\">(?:<a [^>]*>)?Aa en Hunze(?:</a>)?</th>(.*?)</tr>", national, re.S).group(1)
    shown = re.sub(r"<.*?>", "", re.findall(r"<td>(.*?)</td>", row, re.S)[-1]).strip()
    assert shown == f"{sum(whole.net.values()):,}".replace(",", ".")
