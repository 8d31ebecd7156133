"""The national overview shows one page of municipalities (docs/adr/0121): the sort order holds across
pages, a wrong page number gives a page and never an error, and the national totals are those of
every municipality, whatever page is shown."""

import re

import pytest

from django.db.models import Count
from django.urls import reverse

from driehoek.core.synthetic import Generator
from driehoek.register.models import Afsprakenset, Gemeente
from driehoek.reports import national
from driehoek.reports.models import Jaaroverzicht

pytestmark = pytest.mark.django_db


@pytest.fixture
def country(people, monkeypatch):
    """A small fictional country (with its summaries), three municipalities to a page."""
    Generator(scale=0.02, seed=5, progress=None).run()
    monkeypatch.setattr(national, "PER_PAGE", 3)
    return Gemeente.objects.filter(sets__isnull=False).distinct().count()


def _all_rows(**filters) -> list:
    """Every row, page by page."""
    rows, number = [], 1
    while True:
        page, page_rows, _themes, _totals = national.overview(Afsprakenset.objects.all(), page=number, **filters)
        rows += page_rows
        if not page.has_next():
            return rows
        number += 1


def _names(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r'<th scope="row">(.*?)</th>', body)]


def test_page_two_shows_the_next_rows_in_the_same_order(client, people, country):
    assert country > 6
    client.force_login(people["beheerder"])
    url = reverse("reports:landelijk")
    every = sorted(Gemeente.objects.filter(sets__isnull=False).distinct().values_list("naam", flat=True))
    first = client.get(url).content.decode()
    second = client.get(url, {"pagina": 2}).content.decode()
    assert _names(first) == every[:3] and _names(second) == every[3:6]
    assert f"{country} gemeenten" in first  # the heading counts all of them, not the page
    assert 'aria-current="page"' in second and 'rel="prev"' in second and "Volgende" in second


def test_the_sort_order_holds_across_pages_and_the_links_keep_it(client, people, country):
    rows = _all_rows(sort="sets")
    assert len(rows) == country and len({r.gemeente.pk for r in rows}) == country
    counts = [len(r.sets) for r in rows]
    assert counts == sorted(counts, reverse=True)
    by_count = dict(
        Afsprakenset.objects.values_list("gemeente__naam").annotate(n=Count("pk")).values_list("gemeente__naam", "n")
    )
    assert all(by_count[r.gemeente.naam] == len(r.sets) for r in rows)
    delivered = [r.delivered for r in _all_rows(sort="opgeleverd")]
    assert delivered == sorted(delivered, reverse=True)
    targets = [r.target or 0 for r in _all_rows(sort="doel")]
    assert targets == sorted(targets, reverse=True)
    client.force_login(people["beheerder"])
    html = client.get(reverse("reports:landelijk"), {"sort": "sets", "provincie": "", "pagina": 2}).content.decode()
    assert "pagina=3" in html and "sort=sets" in html.split('class="paginering"', 1)[1]
    # A new sort starts at page one; the filter form keeps the sort.
    assert "pagina=2&amp;sort=gemeente" not in html and 'name="sort" value="sets"' in html


@pytest.mark.parametrize("pagina", ["999", "0", "-1", "twee", "1.5", "9" * 5000, ""])
def test_a_wrong_page_number_gives_a_page_not_an_error(client, people, country, pagina):
    client.force_login(people["beheerder"])
    response = client.get(reverse("reports:landelijk"), {"pagina": pagina})
    assert response.status_code == 200
    page = response.context["page"]
    assert 1 <= page.number <= page.paginator.num_pages
    if pagina in ("999", "9" * 5000):
        assert page.number == page.paginator.num_pages  # a number past the end: the last page
    public = client.get(reverse("reports:landelijk_openbaar"), {"pagina": pagina})
    assert public.status_code == 200


def test_the_totals_are_those_of_every_municipality_on_every_page(client, people, country):
    rows = _all_rows()
    _page, _rows, themes, totals = national.overview(Afsprakenset.objects.all(), page=2)
    assert totals == {"target": sum(r.target or 0 for r in rows), "delivered": sum(r.delivered for r in rows)}
    assert totals["target"] > 0 and totals["delivered"] != 0
    # The summaries' own sums: each municipality's net additions once (its sets hold the same figure).
    first_sets = {}
    for set_id, gemeente_id in Jaaroverzicht.objects.values_list("afsprakenset_id", "afsprakenset__gemeente_id"):
        first_sets[gemeente_id] = min(set_id, first_sets.get(gemeente_id, set_id))
    summed = sum(
        Jaaroverzicht.objects.filter(afsprakenset_id__in=first_sets.values()).values_list("netto_opgeleverd", flat=True)
    )
    assert totals["delivered"] == summed
    lights = sum(r.lights[k] for r in rows for k in national.LIGHTS)
    assert (
        sum(sum(counts) for _thema, counts in themes)
        == lights
        == sum(Jaaroverzicht.objects.values_list("vastgesteld", flat=True))
    )
    client.force_login(people["beheerder"])
    html = client.get(reverse("reports:landelijk"), {"pagina": 2}).content.decode()
    foot = html.split("<tfoot>", 1)[1]
    assert "Totaal, alle gemeenten" in foot


def test_a_filter_narrows_the_pages_and_the_totals(people, country):
    provincie = Gemeente.objects.filter(fictief=True).values_list("provincie", flat=True).first()
    rows = _all_rows(provincie=provincie)
    assert rows and all(r.gemeente.provincie == provincie for r in rows)
    _page, _rows, _themes, totals = national.overview(Afsprakenset.objects.all(), provincie=provincie)
    assert totals["delivered"] == sum(r.delivered for r in rows)


def test_the_corporation_filter_searches_keeps_and_escapes_its_text(client, people, country):
    """A text field, not a list of every corporation (docs/adr/0151): a part of the name, in any case,
    finds the corporation; the rows are the municipalities of its sets; the text is kept, escaped."""
    from driehoek.accounts.models import Partij
    from driehoek.reports.forms import LandelijkForm

    corporatie = Partij.objects.filter(soort="corporatie", deelnames__isnull=False).first()
    corporatie.naam = corporatie.korte_naam = "Wonen & <Zo>"
    corporatie.save()
    html = str(LandelijkForm({"corporatie": "wonen & <z"})["corporatie"])
    assert html.startswith('<input type="search" name="corporatie"') and 'id="id_corporatie"' in html
    assert 'value="wonen &amp; &lt;z"' in html and 'maxlength="100"' in html and "<option" not in html
    client.force_login(people["beheerder"])
    response = client.get(reverse("reports:landelijk"), {"corporatie": "wonen & <z"})
    rows = response.context["rows"]
    with_it = Gemeente.objects.filter(sets__deelnames__partij=corporatie).distinct().count()
    assert rows and response.context["page"].paginator.count == with_it
    assert all(any(s.deelnames.filter(partij=corporatie).exists() for s in r.sets) for r in rows)
    page = response.content.decode()
    assert "Gevonden corporaties: Wonen &amp; &lt;Zo&gt;" in page and '<select name="corporatie"' not in page


def test_a_search_that_finds_no_corporation_says_so_and_shows_no_municipality(client, people, country):
    client.force_login(people["beheerder"])
    response = client.get(reverse("reports:landelijk"), {"corporatie": "Zzqx"})
    assert response.context["page"].paginator.count == 0 and response.context["totals"]["target"] == 0
    assert "Geen corporatie gevonden met ‘Zzqx’ in de naam." in response.content.decode()


def test_a_search_text_is_bounded(client, people, country):
    client.force_login(people["beheerder"])
    response = client.get(reverse("reports:landelijk"), {"corporatie": "w" * 101})
    assert response.status_code == 200 and response.context["form"].errors["corporatie"]
    assert response.context["page"].paginator.count == country  # the filter is not applied


def test_the_public_search_finds_only_corporations_of_published_sets(client, country):
    from driehoek.accounts.models import Partij
    from driehoek.register.models import Deelname

    hidden = Partij.objects.create(naam="Woonstichting Verborgen", korte_naam="Verborgen", soort="corporatie")
    unpublished = Afsprakenset.objects.create(
        gemeente=Gemeente.objects.filter(sets__isnull=False).first(), slug="verborgen", soort="prestatieafspraken",
        titel="Verborgen afspraken", eerste_jaar=2026, laatste_jaar=2027,
    )  # fmt: skip
    Deelname.objects.create(afsprakenset=unpublished, partij=hidden, volgorde=9)
    response = client.get(reverse("reports:landelijk_openbaar"), {"corporatie": "verborgen"})
    assert response.context["found"] == [] and response.context["page"].paginator.count == 0
    assert "Verborgen" not in response.content.decode().split("</h1>", 1)[1].replace("‘verborgen’", "")


@pytest.mark.django_db
def test_a_user_who_sees_no_set_gets_an_empty_overview_not_an_error(client, django_user_model):
    """Found by the OIDC log-in test: a new user with no party sees no set, and the lights per theme
    were then asked of an empty selection (Django's EmptyResultSet), a 500."""
    client.force_login(django_user_model.objects.create_user("nieuw", email="nieuw@example.org"))
    response = client.get(reverse("reports:landelijk"))
    assert response.status_code == 200
    page, rows, themes, totals = national.overview(Afsprakenset.objects.none())
    assert (rows, themes, totals) == ([], [], {"target": 0, "delivered": 0})
