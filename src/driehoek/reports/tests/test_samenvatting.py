"""The summaries behind the national overview (reports/samenvatting.py, docs/adr/0120): computed from
the source rows, kept by the services in their transaction, equal to a full rebuild after any series
of changes, and read by the overview alone."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.cycle import services as cycle_services
from driehoek.figures import services as figures
from driehoek.monitoring import batch, services
from driehoek.monitoring.models import Beoordeling, Status
from driehoek.register.models import Afsprakenset
from driehoek.reports import national, samenvatting
from driehoek.reports.models import Jaaroverzicht, Themaoverzicht
from driehoek.reports.services import publish

RESPONDING = ["gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"]
AGREEMENTS = ["1", "5", "6"]  # Woonborg makes the voorzet for each


# --- the computation, from rows ----------------------------------------------------------------


def test_lights_are_counted_per_year_in_all_and_per_theme():
    lights = [
        (2026, "Wonen", "groen"),
        (2026, "Wonen", "rood"),
        (2026, "Zorg", "groen"),
        (2027, "Wonen", "afgerond"),
    ]
    result = samenvatting.summarize(lights, [], {})
    assert result[2026] == {
        "groen": 2,
        "oranje": 0,
        "rood": 1,
        "afgerond": 0,
        "vastgesteld": 3,
        "per_thema": {"Wonen": [1, 0, 1, 0], "Zorg": [1, 0, 0, 0]},
        "doel": None,
        "netto_opgeleverd": 0,
    }
    assert (result[2027]["afgerond"], result[2027]["vastgesteld"], result[2027]["per_thema"]) == (
        1,
        1,
        {"Wonen": [0, 0, 0, 1]},
    )


def test_the_first_target_of_a_year_counts_and_net_additions_make_a_year_of_their_own():
    result = samenvatting.summarize([], [(2030, Decimal("400.00")), (2030, Decimal("999")), (2028, 150)], {2024: -3})
    assert (result[2030]["doel"], result[2028]["doel"]) == (400, 150)
    assert result[2024]["netto_opgeleverd"] == -3 and result[2024]["doel"] is None
    assert result[2030]["vastgesteld"] == 0


def test_a_year_with_nothing_in_it_has_no_summary():
    assert samenvatting.summarize([], [], {2026: 0}) == {}


# --- kept by the services ----------------------------------------------------------------------


def _b(kader, nummer, jaar=2026):
    return Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer=nummer, jaar=jaar)


def _consensus(people, kader, nummer, kleur, jaar=2026):
    b = _b(kader, nummer, jaar)
    extra = {"reden": "a", "toelichting": "Vertraagd."} if kleur in ("oranje", "rood") else {"toelichting": "Ja."}
    b = services.make_voorzet(people["woonborg"], b, kleur=kleur, **extra)
    for name in RESPONDING:
        services.respond(people[name], b, soort="akkoord")
    b.refresh_from_db()
    assert b.status == Status.CONSENSUS
    return b


def _adopt(people, kader, nummer, kleur, jaar=2026):
    b = _consensus(people, kader, nummer, kleur, jaar)
    return services.adopt(people["secretaris"], b, datum=date(jaar + 1, 3, 1), orgaan="Bestuurlijk overleg")


def _deliver(people, kader, bruto: int, jaar: int):
    """Woonborg's plan list with one delivered plan: the municipality's net additions of that year."""
    records = [
        {
            "naam": "Plan Gieten",
            "kern": "Gieten",
            "status": "opgeleverd",
            "bruto": bruto,
            "sloop": 0,
            "jaar": (jaar, False),
            "opleverdatum": None,
        }
    ]
    woonborg = Partij.objects.get(naam="Woonborg")
    figures.store(people["woonborg"], kader.gemeente, woonborg, "plannen", date(jaar, 12, 31), records)


def test_adopting_revising_and_uploading_keep_the_summary(kader, people, year_2026):
    _adopt(people, kader, "1", "groen")
    summary = Jaaroverzicht.objects.get(afsprakenset=kader, jaar=2026)
    assert (summary.groen, summary.vastgesteld) == (1, 1)
    themes = Themaoverzicht.objects.filter(afsprakenset=kader, jaar=2026)  # the theme's row (docs/adr/0152)
    assert [(t.groen, t.oranje, t.rood, t.afgerond) for t in themes] == [(1, 0, 0, 0)]
    b = _adopt(people, kader, "5", "rood")
    assert Jaaroverzicht.objects.get(afsprakenset=kader, jaar=2026).rood == 1
    services.revise(people["woonborg"], b, reden="Nieuwe cijfers.")
    summary = Jaaroverzicht.objects.get(afsprakenset=kader, jaar=2026)
    assert (summary.groen, summary.rood, summary.vastgesteld) == (1, 0, 1)
    totals = Themaoverzicht.objects.filter(afsprakenset=kader, jaar=2026).values_list("groen", "rood")
    assert sorted(totals) == [(1, 0)]  # a theme without an adopted light has no row

    _deliver(people, kader, 12, 2025)
    other_set = kader.gemeente.sets.exclude(pk=kader.pk).first()
    for s in (kader, other_set):  # the municipality's figure, in each of its sets
        assert Jaaroverzicht.objects.get(afsprakenset=s, jaar=2025).netto_opgeleverd == 12


def test_a_decision_that_adopts_keeps_the_summary(kader, people, year_2026):
    expected = {_consensus(people, kader, n, "oranje").pk for n in ("1", "6")}
    batch.adopt_at_consensus(people["secretaris"], kader, 2026, expected=expected)
    summary = Jaaroverzicht.objects.get(afsprakenset=kader, jaar=2026)
    assert (summary.oranje, summary.vastgesteld) == (2, 2)


def test_a_failed_change_leaves_the_summary_as_it_was(kader, people, year_2026):
    _adopt(people, kader, "1", "groen")
    before = samenvatting.kept()
    b = _consensus(people, kader, "5", "groen")
    with pytest.raises(ValueError), transaction.atomic():
        services.adopt(people["secretaris"], b, datum=date(2027, 3, 1), orgaan="BO")
        raise ValueError("the request fails after the adoption")
    assert samenvatting.kept() == before


# --- any series of changes: the kept summaries equal a rebuild ----------------------------------

CHANGES = st.lists(
    st.one_of(
        st.tuples(st.just("adopt"), st.sampled_from(AGREEMENTS), st.sampled_from(["groen", "oranje", "rood"])),
        st.tuples(st.just("consensus"), st.sampled_from(AGREEMENTS), st.sampled_from(["groen", "rood"])),
        st.tuples(st.just("decide"), st.just(""), st.just("")),
        st.tuples(st.just("revise"), st.sampled_from(AGREEMENTS), st.just("")),
        st.tuples(st.just("deliver"), st.integers(min_value=1, max_value=40), st.sampled_from([2024, 2026])),
    ),
    max_size=8,
)


def _apply(change, kader, people):
    kind, what, detail = change
    if kind == "deliver":
        _deliver(people, kader, what, detail)
        return
    if kind == "decide":
        at_consensus = set(
            Beoordeling.objects.filter(afspraak__afsprakenset=kader, jaar=2026, status=Status.CONSENSUS).values_list(
                "pk", flat=True
            )
        )
        if at_consensus:
            batch.adopt_at_consensus(people["secretaris"], kader, 2026, expected=at_consensus)
        return
    status = _b(kader, what).status
    if kind == "revise" and status == Status.VASTGESTELD:
        services.revise(people["woonborg"], _b(kader, what), reden="Herzien.")
    elif kind in ("adopt", "consensus") and status in (Status.OPEN, Status.VOORZET):
        (_adopt if kind == "adopt" else _consensus)(people, kader, what, detail)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=CHANGES)
def test_kept_summaries_equal_a_full_rebuild_after_any_series_of_changes(kader, people, changes):
    with transaction.atomic():
        samenvatting.rebuild()  # the state the session's data starts from
        every = Afsprakenset.objects.all()
        national.overview(every, viewer="beheerder")  # the national figures stored (docs/adr/0150)
        services.start_year(people["secretaris"], kader, 2026)
        for change in changes:
            _apply(change, kader, people)
        # The stored national figures are never those of before the changes.
        assert national.overview(every, viewer="beheerder")[2:] == national.overview(every)[2:]
        kept = samenvatting.kept()
        adopted = Beoordeling.objects.filter(status=Status.VASTGESTELD).count()
        assert sum(s["vastgesteld"] for s in kept.values()) == adopted
        samenvatting.rebuild()
        assert samenvatting.kept() == kept
        transaction.set_rollback(True)


def test_the_command_rebuilds_every_summary(kader, people, year_2026):
    _adopt(people, kader, "1", "groen")
    kept = samenvatting.kept()
    Jaaroverzicht.objects.all().delete()
    call_command("rebuild_summaries", verbosity=0)
    assert samenvatting.kept() == kept and kept


# --- the overview reads them --------------------------------------------------------------------


def test_the_overview_shows_the_summaries_and_the_public_only_published_years(client, kader, people, year_2026):
    _adopt(people, kader, "1", "groen")
    _adopt(people, kader, "5", "rood")
    _deliver(people, kader, 7, 2025)
    _page, rows, per_theme, totals = national.overview(type(kader).objects.filter(gemeente=kader.gemeente))
    (row,) = rows
    assert (row.lights["groen"], row.lights["rood"]) == (1, 1)
    assert row.delivered == 7 and totals["delivered"] == 7  # once, though the municipality has two sets
    assert sum(sum(counts) for _thema, counts in per_theme) == 2
    assert national.overview(type(kader).objects.all(), year=2025)[1][0].lights == {}

    public = reverse("reports:landelijk_openbaar")
    assert "Aa en Hunze" not in client.get(public).content.decode()  # nothing published yet
    publish(people["secretaris"], kader, 2026)
    html = client.get(public).content.decode()
    assert "Aa en Hunze" in html and "Vastgestelde beoordelingen per thema" in html
    _page, rows, per_theme, _totals = national.overview(type(kader).objects.published(), public=True)
    assert sum(rows[0].lights.values()) == 2

    services.start_year(people["secretaris"], kader, 2027)
    _adopt(people, kader, "6", "groen", jaar=2027)  # adopted, not published
    _page, public_rows, public_themes, _totals = national.overview(type(kader).objects.published(), public=True)
    assert sum(public_rows[0].lights.values()) == 2 and sum(sum(c) for _t, c in public_themes) == 2
    assert sum(national.overview(type(kader).objects.all())[1][0].lights.values()) == 3


def test_the_overview_shows_a_user_only_the_sets_they_may_see(client, kader, people, year_2026):
    _adopt(people, kader, "1", "groen")
    client.force_login(people["buitenstaander"])  # a party outside Aa en Hunze
    html = client.get(reverse("reports:landelijk")).content.decode()
    assert "Aa en Hunze" not in html and "0 gemeenten" in html
    client.force_login(people["ahwoon"])
    assert "Aa en Hunze" in client.get(reverse("reports:landelijk")).content.decode()


def test_cycle_decisions_without_adoption_leave_the_summaries_alone(kader, people, year_2026):
    before = samenvatting.kept()
    overleg = cycle_services.plan_meeting(
        people["secretaris"], kader, soort="ao", titel="Ambtelijk overleg", datum=None
    )
    cycle_services.record_decision(people["secretaris"], overleg, soort="overig", tekst="Verslag vastgesteld.")
    assert samenvatting.kept() == before


def test_a_target_the_administrator_changes_in_a_concept_set_is_kept(client, people):
    from driehoek.accounts.tests.test_boundary import _as_submitted
    from driehoek.figures.models import Koppeling
    from driehoek.register.models import Afspraak, Afsprakenset, Doelstelling, Gemeente, Indicator, Thema

    s = Afsprakenset.objects.create(
        gemeente=Gemeente.objects.create(naam="Zuidwold"), slug="zuidwold-2027", soort="prestatieafspraken",
        titel="Afspraken Zuidwold", eerste_jaar=2027, laatste_jaar=2027,
    )  # fmt: skip
    afspraak = Afspraak.objects.create(
        afsprakenset=s, thema=Thema.objects.create(afsprakenset=s, nummer="1", titel="Bouwen"), nummer="1",
        tekst="Wij bouwen.", soort="gezamenlijk",
    )  # fmt: skip
    indicator = Indicator.objects.create(
        afspraak=afspraak, omschrijving="Netto toevoeging", soort="aantal", jaar_van=2027, jaar_tot=2027
    )
    Koppeling.objects.create(indicator=indicator, berekening=Koppeling.Berekening.OPGELEVERD_NETTO)
    Doelstelling.objects.create(afspraak=afspraak, indicator=indicator, waarde=10, eenheid="woningen", jaar=2027,
                                vergelijking="ten_minste", brontekst="Ten minste 10 woningen.")  # fmt: skip
    assert not Jaaroverzicht.objects.filter(afsprakenset=s).exists()  # made outside the services
    client.force_login(people["beheerder"])
    url = reverse("admin:register_afspraak_change", args=[afspraak.pk])
    data = _as_submitted(client.get(url))
    data["doelstellingen-0-waarde"] = "25"
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert Jaaroverzicht.objects.get(afsprakenset=s, jaar=2027).doel == 25


@pytest.mark.django_db
def test_net_additions_per_year_follow_the_figures_pages_rule():
    """`net_per_year` (all municipalities at once) gives what `additions(...).net` gives one municipality,
    on a generated country with plan lists and sales, replaced deliveries included."""
    from driehoek.core.synthetic import Generator
    from driehoek.figures import queries
    from driehoek.register.models import Gemeente

    Generator(scale=0.002, seed=3, progress=None).run()
    gemeenten = list(Gemeente.objects.filter(fictief=True))
    per_year = queries.net_per_year([g.pk for g in gemeenten])
    assert any(per_year.values())
    for gemeente in gemeenten:
        expected = {y: n for y, n in queries.additions(gemeente, 2000, 2040).net.items() if n}
        assert {y: n for y, n in per_year.get(gemeente.pk, {}).items() if n} == expected, gemeente
