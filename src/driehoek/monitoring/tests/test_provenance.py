"""An indicator's value says whether it was entered or computed, and from what (issue 16 item 5), in
the same words on the monitoring page, in the monitoringstabel and in its downloads: one function,
figures.linking.herkomst, that all of them read."""

import csv
import io

import pytest

from django.urls import reverse
from django.utils import timezone

from driehoek.figures.linking import herkomst
from driehoek.figures.models import Koppeling
from driehoek.figures.tests.test_services import _deliver
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Indicatorwaarde
from driehoek.register.models import Gemeente, Indicator

pytestmark = pytest.mark.django_db

PLANS = "naam;kern;status;bruto;sloop;jaar;opleverdatum\nZuid Es;Gieten;opgeleverd;14;2;2026;2026-10-01\n"
COMPUTED = "berekend uit de woningbouwplannen en de mutaties van de corporaties"


@pytest.fixture
def values(kader, people, year_2026):
    gemeente = Gemeente.objects.get(naam="Aa en Hunze")
    _deliver(people["woonborg"], gemeente, "plannen", PLANS)
    computed = Indicatorwaarde.objects.get(
        indicator__koppeling__berekening=Koppeling.Berekening.OPGELEVERD_NETTO,
        indicator__afspraak__afsprakenset=kader,
        jaar=2026,
    )
    indicator = (
        Indicator.objects.filter(afspraak__afsprakenset=kader, jaar_van__lte=2026, jaar_tot__gte=2026)
        .exclude(pk=computed.indicator_id)
        .filter(actiehouderschappen__partij=people["woonborg"].partij)
        .first()
    )
    entered = monitoring.save_value(people["woonborg"], indicator, 2026, waarde=7, eenheid="woningen")
    return computed, entered


def test_the_words_name_the_figures_or_the_party_and_the_day(values):
    computed, entered = values
    assert herkomst(computed) == COMPUTED
    today = timezone.localdate().strftime("%d-%m-%Y")
    assert herkomst(entered) == f"ingevuld door Woonborg op {today}"
    register = Indicatorwaarde(jaar=2025, berekening=Koppeling.Berekening.LABELS_EFG)
    assert herkomst(register) == "berekend uit het woningregister 2025"
    allocations = Indicatorwaarde(jaar=2026, berekening=Koppeling.Berekening.AANDEEL_URGENT)
    assert herkomst(allocations) == "berekend uit de toewijzingen 2026"


def test_the_monitoring_page_the_table_and_the_downloads_say_where_a_value_comes_from(client, values, people, kader):
    computed, entered = values
    client.force_login(people["secretaris"])
    table = client.get(reverse("monitoring:tabel", args=[kader.slug, 2026])).content.decode()
    assert f'<span class="muted herkomst">{COMPUTED}</span>' in table
    assert f'<span class="muted herkomst">{herkomst(entered)}</span>' in table
    for value in (computed, entered):
        nummer = value.indicator.afspraak.nummer
        page = client.get(reverse("monitoring:beoordeling", args=[kader.slug, 2026, nummer])).content.decode()
        assert herkomst(value) in page
    assert (
        "Berekend: <strong>"
        in client.get(
            reverse("monitoring:beoordeling", args=[kader.slug, 2026, computed.indicator.afspraak.nummer])
        ).content.decode()
    )

    download = client.get(reverse("reports:monitoringstabel", args=[kader.slug, 2026, "csv"])).content
    rows = list(csv.DictReader(io.StringIO(download.decode("utf-8-sig")), delimiter=";"))
    by_indicator = {r["Indicator"]: r for r in rows}
    assert by_indicator[computed.indicator.omschrijving]["Herkomst"] == COMPUTED
    assert by_indicator[entered.indicator.omschrijving]["Herkomst"] == herkomst(entered)
