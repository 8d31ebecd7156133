import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from driehoek.figures import services, uploads
from driehoek.figures.models import Aanlevering, Woning
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde
from driehoek.monitoring.queries import suggestion_for
from driehoek.register.models import Gemeente

pytestmark = pytest.mark.django_db

REGISTER = "eigen_id;kern;kale_huur;energielabel;bestemming\n" + "".join(
    f"W-{i};Gieten;{rent};{label};{dest}\n"
    for i, (rent, label, dest) in enumerate(
        [
            ("477,20", "B", "doorexploiteren"),
            ("682,96", "E", "doorexploiteren"),
            ("731,94", "F", "sloop"),
            ("650", "G", "doorexploiteren"),
        ]
    )
)
PLANS = (
    "naam;kern;status;bruto;sloop;jaar;opleverdatum\n"
    "Zuid Es;Gieten;opgeleverd;14;2;2026;2026-10-01\n"
    "Naweg;Rolde;hard;6;0;2027;\n"
    "Eext;Eext;zacht_locatie_bekend;10;0;na 2030;\n"
)


@pytest.fixture
def gemeente(db):
    return Gemeente.objects.get(naam="Aa en Hunze")


def _deliver(user, gemeente, soort, content, peildatum=date(2026, 12, 31), name="bestand.csv"):
    return services.deliver(user, gemeente, soort, peildatum, filename=name, content=content.encode())


def test_only_a_corporation_of_the_municipality_delivers_its_own_figures(gemeente, people):
    for who in ("ahwoon", "gemeente", "lezer", "buitenstaander", "beheerder"):
        with pytest.raises(PermissionDenied):
            _deliver(people[who], gemeente, "voorraad", "aantal\n10\n")
    aanlevering = _deliver(people["woonborg"], gemeente, "voorraad", "aantal\n401\n")
    assert aanlevering.corporatie.korte_naam == "Woonborg" and aanlevering.telling.aantal == 401


def test_a_new_delivery_of_the_same_period_replaces_the_old_which_stays(gemeente, people):
    first = _deliver(people["volmacht"], gemeente, "woningregister", REGISTER)
    second = _deliver(people["volmacht"], gemeente, "woningregister", REGISTER.replace("W-0;", "W-9;"))
    first.refresh_from_db()
    assert first.vervangen_door == second and second.vervangen_door is None
    assert Woning.objects.filter(aanlevering=first).count() == 4  # history kept
    assert Aanlevering.objects.filter(soort="woningregister", vervangen_door__isnull=True).count() == 1


def test_a_bad_file_stores_nothing(gemeente, people):
    before = Aanlevering.objects.count()
    with pytest.raises(uploads.UploadError):
        _deliver(people["volmacht"], gemeente, "woningregister", REGISTER + "W-99;Gieten;fout;B;doorexploiteren\n")
    assert Aanlevering.objects.count() == before and not Woning.objects.exists()


def test_computed_figures_and_the_linked_indicator(client, gemeente, people, kader, year_2026):
    _deliver(people["volmacht"], gemeente, "woningregister", REGISTER, peildatum=date(2025, 12, 31))
    _deliver(people["woonborg"], gemeente, "plannen", PLANS)
    _deliver(people["woonborg"], gemeente, "toewijzingen", "jaar;totaal;urgent;uitstroom\n2026;50;11;3\n")
    value = Indicatorwaarde.objects.get(
        indicator__afspraak__afsprakenset=kader, indicator__omschrijving="aantal opgeleverde woningen", jaar=2026
    )
    assert (
        value.waarde == Decimal(12)
        and value.berekening == "opgeleverd_netto"
        and "Berekend door Driehoek" in value.bron
    )
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    suggestion, _target = suggestion_for(b)
    assert suggestion.realised == Decimal(12) and suggestion.kleur == "oranje"

    # A value the actiehouder enters by hand wins, and the figures leave it alone from then on.
    monitoring.save_value(people["woonborg"], value.indicator, 2026, waarde=Decimal(13), versie=value.versie)
    _deliver(people["woonborg"], gemeente, "plannen", PLANS.replace("14;2", "20;2"))
    value.refresh_from_db()
    assert value.waarde == Decimal(13) and value.berekening == ""

    client.force_login(people["ahwoon"])
    response = client.get(reverse("figures:overzicht", args=[gemeente.pk]))
    html = response.content.decode()
    assert "tussen tweede aftoppingsgrens en DAEB-huurgrens" in html
    ((rents, _targets),) = response.context["rents"]
    assert [b.count for b in rents.bands] == [1, 2, 0, 1, 0]  # 477,20 and 682,96 at their limits; 731,94 one cent above
    assert rents.up_to_second == Decimal("75.0") and rents.efg == 2
    assert response.context["allocations"][2026]["aandeel_urgent"] == Decimal("22.0")
    assert "het document noemt 161, maar de rijen tellen op tot 218" in html
    assert "het document noemt 46.669, de referentie is 49.669" in html
    svg, bars, lines = response.context["additions_chart"]
    root = ET.fromstring(str(svg))
    assert root.tag.endswith("svg") and len(root.findall(".//{http://www.w3.org/2000/svg}polyline")) == 2
    # The table beside the chart holds the same numbers as the bars.
    rows = {year: (d, h, s) for year, d, _sold, h, s in response.context["additions_rows"]}
    assert rows[2026] == (18, 0, 0) and rows[2027] == (0, 6, 0) and bars[0].values[2026] == 18
    assert "<td>18</td>" in html and lines[0].values[2026] == Decimal("20.0")
    assert response.context["additions"].unknown_year == 0


def test_stock_change_is_checked_against_mutations(client, gemeente, people):
    _deliver(people["woonborg"], gemeente, "voorraad", "aantal\n400\n", peildatum=date(2025, 12, 31))
    _deliver(people["woonborg"], gemeente, "mutaties", "jaar;verkoop;sloop;aankoop\n2026;3;0;0\n")
    _deliver(people["woonborg"], gemeente, "voorraad", "aantal\n399\n", peildatum=date(2026, 12, 31))
    client.force_login(people["woonborg"])
    html = client.get(reverse("figures:overzicht", args=[gemeente.pk])).content.decode()
    assert "De voorraad ging van 400 naar 399, maar de mutaties geven 397." in html


def test_templates_download_and_upload_back(client, gemeente, people):
    client.force_login(people["woonborg"])
    for soort in uploads.SPECS:
        csv_file = client.get(reverse("figures:sjabloon", args=[soort, "csv"]))
        xlsx_file = client.get(reverse("figures:sjabloon", args=[soort, "xlsx"]))
        assert csv_file.status_code == xlsx_file.status_code == 200
        for name, content in (("sjabloon.csv", csv_file.content), ("sjabloon.xlsx", xlsx_file.content)):
            records = uploads.validate(soort, uploads.read_table(name, content))
            assert len(records) == 1 and uploads.check_rows(soort, records) == []


def test_upload_page_lists_the_problems(client, gemeente, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["volmacht"])
    url = reverse("figures:aanleveren", args=[gemeente.pk])
    bad = SimpleUploadedFile("register.csv", (REGISTER + "W-99;Gieten;fout;B;doorexploiteren\n").encode())
    response = client.post(
        url, {"aanlevering-soort": "woningregister", "aanlevering-peildatum": "2026-12-31", "aanlevering-bestand": bad}
    )
    html = response.content.decode()
    assert (
        response.status_code == 400
        and "Er is 1 fout gevonden; er is niets opgeslagen" in html
        and "Rij 6, kolom “kale_huur”" in html
    )
    good = SimpleUploadedFile("register.csv", REGISTER.encode())
    response = client.post(
        url, {"aanlevering-soort": "woningregister", "aanlevering-peildatum": "2026-12-31", "aanlevering-bestand": good}
    )
    assert response.status_code == 302
    client.force_login(people["ahwoon"])
    assert client.get(url).status_code == 403


def test_few_numbers_by_form(client, gemeente, people):
    client.force_login(people["woonborg"])
    url = reverse("figures:invoeren", args=[gemeente.pk, "toewijzingen"])
    response = client.post(
        url, {"invoer-peildatum": "2026-12-31", "invoer-jaar": "2026", "invoer-totaal": "40", "invoer-urgent": "50"}
    )
    assert response.status_code == 400 and "meer dan het totaal" in response.content.decode()
    response = client.post(
        url, {"invoer-peildatum": "2026-12-31", "invoer-jaar": "2026", "invoer-totaal": "40", "invoer-urgent": "8"}
    )
    assert response.status_code == 302
    assert Aanlevering.objects.get(soort="toewijzingen").toewijzingen.get().urgent == 8


def test_pipeline_and_labels_charts_match_their_tables(client, gemeente, people):
    _deliver(people["woonborg"], gemeente, "plannen", PLANS)
    _deliver(people["volmacht"], gemeente, "woningregister", REGISTER, peildatum=date(2025, 12, 31))
    client.force_login(people["woonborg"])
    context = client.get(reverse("figures:overzicht", args=[gemeente.pk])).context
    assert context["pipeline_kernen"] == ["Eext", "Gieten", "Rolde"]
    assert context["pipeline_rows"] == [
        ("hard", [0, 0, 6]),
        ("zacht, locatie bekend", [10, 0, 0]),
        ("opgeleverd", [0, 12, 0]),
    ]
    assert context["labels_years"] == [2025] and context["labels_rows"] == [("De Volmacht", [2])]
    for chart in (context["pipeline_chart"], context["labels_chart"]):
        root = ET.fromstring(str(chart))
        rects = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if "chart-key" not in r.get("class", "")]
        titles = [r.find("{http://www.w3.org/2000/svg}title").text for r in rects]
        assert titles and all(t for t in titles)
    assert "Rolde, hard: 6" in str(context["pipeline_chart"]) and "2025, De Volmacht: 2" in str(context["labels_chart"])


def test_the_administrator_adds_a_year_of_limits_in_the_admin(client, people):
    """National limits: the administrator's, not a municipality's secretary's (issue 15, finding 11)."""
    from django.contrib.auth import get_user_model

    from driehoek.figures.models import Referentiejaar

    data = {"jaar": 2027, "eerste_aftoppingsgrens": "700,00", "bronnen": "Rijksoverheid, november 2026"}
    secretaris = people["secretaris"]
    get_user_model().objects.filter(pk=secretaris.pk).update(is_staff=True)  # even with a staff flag
    client.force_login(get_user_model().objects.get(pk=secretaris.pk))
    assert client.post("/beheer/figures/referentiejaar/add/", data).status_code == 403
    assert not Referentiejaar.objects.filter(jaar=2027).exists()

    client.force_login(people["beheerder"])
    assert client.post("/beheer/figures/referentiejaar/add/", data).status_code == 302
    year = Referentiejaar.objects.get(jaar=2027)
    assert (
        year.eerste_aftoppingsgrens == Decimal("700.00") and year.tweede_aftoppingsgrens is None
    )  # unknown stays unknown
    client.force_login(people["woonborg"])
    assert client.get("/beheer/figures/referentiejaar/").status_code == 403  # not the administrator


def test_rents_against_the_agreements_targets(client, gemeente, people):
    # De Volmacht: at least 85% at or below the tweede aftoppingsgrens (agreement 12 of 2022).
    _deliver(people["volmacht"], gemeente, "woningregister", REGISTER, peildatum=date(2025, 12, 31))
    client.force_login(people["volmacht"])
    ((figures, targets),) = client.get(reverse("figures:overzicht", args=[gemeente.pk])).context["rents"]
    (target,) = targets
    assert target.target.afspraak.nummer == "12" and target.share == Decimal("75.0") and target.met is False
