"""Another municipality's set stays invisible: in lists, search, exports, feeds, the API and counts.

A second municipality (Zuiderstrand) gets a set whose every text carries a distinctive word; users
of Aa en Hunze of every role and party, and a party in no set, look everywhere and never find it.
Once Zuiderstrand publishes a year, the public sees that year, and only that.
"""

import io
from datetime import date

import pytest

from django.urls import reverse
from django.utils import timezone

from driehoek.accounts import permissions_table as table
from driehoek.accounts.models import Partij, User
from driehoek.api.models import ApiToken
from driehoek.cycle import services as cycle
from driehoek.cycle.models import Agendatoken
from driehoek.figures import services as figures
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Status
from driehoek.register.models import Afspraak, Afsprakenset, Deelname, Gemeente, Indicator, Thema
from driehoek.reports import exports
from driehoek.reports import services as reports

pytestmark = pytest.mark.django_db

SECRET = "Zwanenzanggeheim"
AEH = {
    "gemeente": "Gemeente Aa en Hunze",
    "corporatie": "Woonborg",
    "huurdersorganisatie": "Algemene Huurdersvereniging WOON",
}


@pytest.fixture
def zuid(user_factory):
    """Zuiderstrand's set, year 2026 started, a value, an assessment, a meeting, a dispute, figures."""
    gemeente = Gemeente.objects.create(naam=f"Zuiderstrand {SECRET}", provincie="Zeeland")
    partij = Partij.objects.create(naam=f"Gemeente Zuiderstrand {SECRET}", korte_naam=SECRET, soort="gemeente")
    corporatie = Partij.objects.create(naam=f"Woonstichting {SECRET}", korte_naam=f"WS {SECRET}", soort="corporatie")
    s = Afsprakenset.objects.create(
        gemeente=gemeente, slug="zuiderstrand-2026", soort="prestatieafspraken", titel=f"Afspraken {SECRET}",
        eerste_jaar=2026, laatste_jaar=2027,
    )  # fmt: skip
    Deelname.objects.create(afsprakenset=s, partij=partij, volgorde=1)
    Deelname.objects.create(afsprakenset=s, partij=corporatie, volgorde=2)
    thema = Thema.objects.create(afsprakenset=s, nummer="1", titel=f"Thema {SECRET}")
    afspraak = Afspraak.objects.create(
        afsprakenset=s, thema=thema, nummer="1", titel=f"Woningen {SECRET}", tekst=f"Wij bouwen {SECRET}.",
        soort="gezamenlijk",
    )  # fmt: skip
    indicator = Indicator.objects.create(
        afspraak=afspraak, omschrijving=f"Aantal {SECRET}", soort="aantal", jaar_van=2026, jaar_tot=2027
    )
    indicator.actiehouders.add(corporatie)
    secretaris = user_factory(username="zuid-secretaris", partij=partij, rol=User.Rol.SECRETARIS)
    corp_user = user_factory(username="zuid-corporatie", partij=corporatie, rol=User.Rol.INVULLER)
    monitoring.start_year(secretaris, s, 2026)
    monitoring.save_value(corp_user, indicator, 2026, waarde=None, eenheid="", oordeel=f"Oordeel {SECRET}", bron="")
    Beoordeling.objects.filter(afspraak=afspraak, jaar=2026).update(
        kleur="groen", toelichting=f"Toelichting {SECRET}", status=Status.VASTGESTELD, vastgesteld_op=date(2027, 3, 1)
    )
    cycle.plan_meeting(secretaris, s, soort="ao", titel=f"Overleg {SECRET}", datum=None)
    cycle.plan_meeting(secretaris, s, soort="bo", titel=f"BO {SECRET}", datum=timezone.now())
    cycle.report_dispute(corp_user, s, onderwerp=f"Geschil {SECRET}", omschrijving="Oneens.")
    records = [{"naam": f"Plan {SECRET}", "kern": SECRET, "status": "hard", "bruto": 10, "sloop": 0,
                "jaar": (2027, False), "opleverdatum": None}]  # fmt: skip
    figures.store(corp_user, gemeente, corporatie, "plannen", date(2026, 12, 31), records, bestandsnaam="p.csv")
    return {"set": s, "gemeente": gemeente, "secretaris": secretaris}


INSIDE_KINDS = [k for k in table.KINDS if k.key in table.INSIDERS]


def _user(kind, user_factory):
    return user_factory(
        username=f"zicht-{kind.key}", partij=Partij.objects.get(naam=AEH[kind.partij]), rol=kind.rol, is_staff=True
    )


def _pages(kader, zuid_set, zuid_gemeente) -> tuple[list[str], list[str]]:
    """(pages an Aa en Hunze user may open, pages of Zuiderstrand that must not exist for them)."""
    mine = [
        reverse("start"),
        reverse("reports:landelijk"),
        reverse("reports:landelijk") + "?sort=sets",
        reverse("register:set", args=[kader.slug]) + f"?q={SECRET[:10]}",  # a word of it, not echoed whole
        reverse("register:geschiedenis", args=[kader.slug]),
        reverse("monitoring:dashboard", args=[kader.slug, 2026]),
        reverse("monitoring:focus", args=[kader.slug, 2026]),
        reverse("cycle:index", args=[kader.slug]),
        reverse("cycle:open", args=[kader.slug]),
        reverse("cycle:mijn_agenda"),
        reverse("figures:overzicht", args=[kader.gemeente_id]),
        reverse("reports:monitoringstabel", args=[kader.slug, 2026, "csv"]),
        "/api/v1/sets",
        f"/api/v1/sets/{kader.slug}/beoordelingen",
    ]
    theirs = [
        reverse("register:set", args=[zuid_set.slug]),
        reverse("register:afspraak", args=[zuid_set.slug, "1"]),
        reverse("register:geschiedenis", args=[zuid_set.slug]),
        reverse("monitoring:dashboard", args=[zuid_set.slug, 2026]),
        reverse("monitoring:tabel", args=[zuid_set.slug, 2026]),
        reverse("cycle:index", args=[zuid_set.slug]),
        reverse("cycle:geschillen", args=[zuid_set.slug]),
        reverse("figures:overzicht", args=[zuid_gemeente.pk]),
        reverse("reports:monitoringstabel", args=[zuid_set.slug, 2026, "csv"]),
        reverse("reports:monitoringstabel", args=[zuid_set.slug, 2026, "xlsx"]),
        reverse("reports:monitoringstabel", args=[zuid_set.slug, 2026, "pdf"]),
        f"/api/v1/sets/{zuid_set.slug}",
        f"/api/v1/sets/{zuid_set.slug}/beoordelingen",
        f"/api/v1/gemeenten/{zuid_gemeente.pk}/cijfers",
    ]
    return mine, theirs


@pytest.mark.parametrize("kind", [*INSIDE_KINDS, table.KINDS[-4]], ids=lambda k: k.key)
def test_another_municipalitys_set_never_shows(kind, kader, people, zuid, user_factory, client):
    monitoring.start_year(people["secretaris"], kader, 2026)
    cycle.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO Aa en Hunze", datum=timezone.now())
    if kind.key == "buiten":
        user = user_factory(
            username="zicht-buiten",
            partij=Partij.objects.create(naam="Woningstichting Elders", korte_naam="Elders", soort="corporatie"),
            rol=User.Rol.SECRETARIS,
        )
    else:
        user = _user(kind, user_factory)
    client.force_login(user)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'zicht')[1]}"}
    mine, theirs = _pages(kader, zuid["set"], zuid["gemeente"])
    for url in mine:
        response = client.get(url, **(auth if url.startswith("/api/") else {}))
        generic = url.startswith(("/landelijk/", "/mijn-agenda/")) or url in ("/", "/api/v1/sets")
        if kind.key == "buiten" and not generic:
            assert response.status_code == 404, url
            continue
        assert response.status_code == 200, (url, response.status_code)
        assert SECRET not in response.content.decode(), url
        if "?q=" in url:
            assert response.context["aantal"] == 0
    for url in theirs:
        response = client.get(url, **(auth if url.startswith("/api/") else {}))
        assert response.status_code == 404, (url, response.status_code)

    # Counts: the API list and the national overview count only the sets the user may see.
    visible = Afsprakenset.objects.visible_to(user)
    assert len(client.get("/api/v1/sets", **auth).json()) == visible.count()
    rows = client.get(reverse("reports:landelijk")).context["rows"]
    assert sum(len(r.sets) for r in rows) == visible.count()

    # The personal calendar feed.
    secret = "geheim-adres-" + kind.key
    Agendatoken.objects.create(user=user, sleutel_hash=Agendatoken.hash(secret))
    feed = client.get(reverse("cycle:feed", args=[secret]))
    assert feed.status_code == 200
    assert SECRET not in feed.content.decode()
    assert ("AO Aa en Hunze" in feed.content.decode()) is (kind.key != "buiten")


def test_exports_of_a_set_hold_only_that_set(kader, people, zuid):
    """Read back: the CSV, XLSX and PDF of Aa en Hunze's set carry nothing of Zuiderstrand's."""
    import pdfplumber
    from openpyxl import load_workbook

    monitoring.start_year(people["secretaris"], kader, 2026)
    assert SECRET not in exports.csv_bytes(kader, 2026).decode("utf-8-sig")
    book = load_workbook(io.BytesIO(exports.xlsx_bytes(kader, 2026)))
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert cells and not any(SECRET in c for c in cells)
    with pdfplumber.open(io.BytesIO(exports.pdf_bytes(kader, 2026))) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "Aa en Hunze" in text and SECRET not in text
    # And Zuiderstrand's own export does hold its text: the check above could have failed.
    assert SECRET in exports.csv_bytes(zuid["set"], 2026).decode("utf-8-sig")


def test_published_years_are_public_and_unpublished_ones_are_not(client, zuid):
    s = zuid["set"]
    assert client.get(reverse("reports:openbaar", args=[s.slug, 2026])).status_code == 404
    assert SECRET not in client.get(reverse("reports:landelijk_openbaar")).content.decode()
    assert client.get(f"/api/v1/sets/{s.slug}").status_code == 404
    assert client.get(f"/api/v1/gemeenten/{zuid['gemeente'].pk}/cijfers").status_code == 404

    reports.publish(zuid["secretaris"], s, 2026)

    page = client.get(reverse("reports:openbaar", args=[s.slug, 2026]))
    assert page.status_code == 200 and f"Toelichting {SECRET}" in page.content.decode()
    assert SECRET in client.get(reverse("reports:landelijk_openbaar")).content.decode()
    assert s.slug in [x["slug"] for x in client.get("/api/v1/sets").json()]
    assessments = client.get(f"/api/v1/sets/{s.slug}/beoordelingen").json()
    assert [(a["year"], a["status"]) for a in assessments] == [(2026, "vastgesteld")]
    # The year that was not published stays closed, and so do the pages behind the log-in.
    assert client.get(reverse("reports:openbaar", args=[s.slug, 2027])).status_code == 404
    assert client.get(reverse("register:set", args=[s.slug])).status_code == 302
    # Names of people never reach the public page.
    assert "zuid-secretaris" not in page.content.decode()
    assert Indicatorwaarde.objects.filter(indicator__afspraak__afsprakenset=s).exists()


def test_a_set_with_two_published_years_counts_once(client, zuid):
    s = zuid["set"]
    monitoring.start_year(zuid["secretaris"], s, 2027)
    Beoordeling.objects.filter(afspraak__afsprakenset=s, jaar=2027).update(kleur="groen", status=Status.VASTGESTELD)
    reports.publish(zuid["secretaris"], s, 2026)
    reports.publish(zuid["secretaris"], s, 2027)
    rows = client.get(reverse("reports:landelijk_openbaar")).context["rows"]
    assert [len(r.sets) for r in rows if r.gemeente == zuid["gemeente"]] == [1]
    assert [x["slug"] for x in client.get("/api/v1/sets").json()].count(s.slug) == 1
