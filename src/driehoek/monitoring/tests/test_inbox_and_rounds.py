"""Issue 20 and issue 16 items 8 and 9: the inbox on the start page, the reaction round on one page
and the secretary's adoption list."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from driehoek.core import inbox
from driehoek.cycle.models import Agendapunt, Besluit
from driehoek.monitoring import batch, jaarstand, services
from driehoek.monitoring.models import Beoordeling, Reactie, Status

pytestmark = pytest.mark.django_db

RESPONDING = ["gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"]


def _b(kader, nummer):
    return Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer=nummer, jaar=2026)


def _voorzet(people, kader, nummer, kleur="groen"):
    return services.make_voorzet(people["woonborg"], _b(kader, nummer), kleur=kleur, toelichting="Op schema.")


def _consensus(people, kader, nummer):
    b = _voorzet(people, kader, nummer)
    for name in RESPONDING:
        services.respond(people[name], b, soort="akkoord")
    b.refresh_from_db()
    assert b.status == Status.CONSENSUS
    return b


# --- the inbox ---------------------------------------------------------------------------------


def test_only_the_lead_party_is_asked_for_an_indicator(kader, people, year_2026):
    # Agreement 17's indicator names Gemeente first, then the corporations: Woonborg is not asked.
    woonborg = {i.afspraak.nummer for i in jaarstand.inbox(people["woonborg"], kader, 2026).to_fill}
    gemeente = {i.afspraak.nummer for i in jaarstand.inbox(people["gemeente"], kader, 2026).to_fill}
    assert "17" in gemeente and "17" not in woonborg
    assert "1" in woonborg and "1" not in gemeente
    assert not woonborg & gemeente  # nobody is asked twice for the same indicator


def test_start_page_lists_every_task_soonest_first_one_click_away(client, kader, people, year_2026):
    _voorzet(people, kader, "1")
    client.force_login(people["ahwoon"])
    html = client.get(reverse("start")).content.decode()
    round_url = reverse("monitoring:reactieronde", args=[kader.slug, 2026])
    assert "Wat wacht op u" in html and f'href="{round_url}"' in html and "Reageren op 1 voorzet" in html
    assert html.index("Wat wacht op u") < html.index("Afsprakensets")  # the sets below

    tasks = inbox.open_tasks(people["woonborg"])
    assert [t.title for t in tasks][:2] == [
        "Afspraak 1: waarden invullen",  # its voorzet is made, its values are not
        "Afspraak 2: waarden invullen en voorzet maken",
    ]
    deadlines = [t.deadline for t in tasks if t.deadline]
    assert deadlines == sorted(deadlines)
    assert all(t.url.startswith("/sets/") for t in tasks)


def test_inbox_sources_are_a_registry(people, kader, year_2026):
    assert "driehoek.monitoring.taken.open_monitoring_taken" in inbox.SOURCES
    only_cycle = inbox.open_tasks(people["woonborg"], sources=["driehoek.cycle.taken.open_cycle_taken"])
    assert all(t.kind not in ("voorzet", "reactie") for t in only_cycle)


def test_after_a_save_the_next_task_is_highlighted(client, kader, people, year_2026):
    client.force_login(people["woonborg"])
    first = inbox.open_tasks(people["woonborg"])[0]
    html = client.get(reverse("start") + f"?na={first.key}").content.decode()
    second = inbox.open_tasks(people["woonborg"])[1]
    assert 'id="volgende"' in html
    assert html.index('id="volgende"') < html.index(f'href="{second.url}"') < html.index(f'href="{first.url}"') or (
        html.index(f'href="{first.url}"') < html.index('id="volgende"') < html.index(f'href="{second.url}"')
    )


def test_the_beheerder_is_not_told_about_his_party(client, kader, people, year_2026):
    client.force_login(people["beheerder"])
    for url in (reverse("start"), reverse("cycle:open", args=[kader.slug])):
        html = client.get(url).content.decode()
        assert "uw partij" not in html.replace("Uw partij neemt", ""), url


def test_dashboard_tells_the_secretary_what_waits_for_adoption(client, kader, people, year_2026):
    _consensus(people, kader, "1")
    client.force_login(people["secretaris"])
    html = client.get(reverse("monitoring:dashboard", args=[kader.slug, 2026])).content.decode()
    assert "1 afspraak vast te stellen" in html
    assert reverse("monitoring:vaststellen", args=[kader.slug, 2026]) in html
    assert any(t.kind == "vaststellen" for t in inbox.open_tasks(people["secretaris"]))


# --- the reaction round ------------------------------------------------------------------------


def test_reaction_round_sends_the_choices_made_and_leaves_the_rest_open(client, kader, people, year_2026):
    b1, b5, b6 = (_voorzet(people, kader, n) for n in ("1", "5", "6"))
    client.force_login(people["ahwoon"])
    url = reverse("monitoring:reactieronde", args=[kader.slug, 2026])
    html = client.get(url).content.decode()
    assert html.count('type="radio"') == 6 and " checked" not in html  # nothing preselected
    response = client.post(
        url,
        {
            f"r{b1.pk}-soort": "akkoord",
            f"r{b1.pk}-revisie": b1.revisie,
            f"r{b5.pk}-soort": "niet_akkoord",
            f"r{b5.pk}-toelichting": "Te rooskleurig.",
            f"r{b5.pk}-revisie": b5.revisie,
            f"r{b6.pk}-revisie": b6.revisie,  # left open
        },
    )
    assert response.status_code == 302 and response.url.startswith(reverse("start") + "?na=reacties:")
    assert list(
        Reactie.objects.filter(partij__korte_naam="AH WOON")
        .order_by("beoordeling__afspraak__volgorde")
        .values_list("soort", "toelichting")
    ) == [
        ("akkoord", ""),
        ("niet_akkoord", "Te rooskleurig."),
    ]
    assert [b.afspraak.nummer for b in jaarstand.inbox(people["ahwoon"], kader, 2026).to_respond] == ["6"]
    assert _b(kader, "1").history.filter(history_change_reason="reactie").exists()  # same history as one by one


def test_reaction_round_keeps_the_others_when_one_row_is_refused(client, kader, people, year_2026):
    b1, b5, b6 = (_voorzet(people, kader, n) for n in ("1", "5", "6"))
    client.force_login(people["ahwoon"])
    url = reverse("monitoring:reactieronde", args=[kader.slug, 2026])
    read = {b.pk: b.revisie for b in (b1, b5, b6)}
    services.make_voorzet(people["woonborg"], _b(kader, "5"), kleur="oranje", reden="a", toelichting="Vertraagd.")
    response = client.post(
        url,
        {
            f"r{b1.pk}-soort": "akkoord",
            f"r{b1.pk}-revisie": read[b1.pk],
            f"r{b5.pk}-soort": "akkoord",  # its voorzet changed after the page was read
            f"r{b5.pk}-revisie": read[b5.pk],
            f"r{b6.pk}-soort": "niet_akkoord",  # without a reason
            f"r{b6.pk}-revisie": read[b6.pk],
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "De voorzet is intussen gewijzigd" in html and "Geef de reden" in html
    assert "1 reactie is opgeslagen" in html
    assert "oranje (a)" in html  # the new voorzet, read again with its reason
    assert list(Reactie.objects.filter(partij__korte_naam="AH WOON").values_list("beoordeling_id", flat=True)) == [
        b1.pk
    ]
    assert f'value="niet_akkoord" id="r{b6.pk}-niet" checked' in html  # the choice comes back
    assert f'value="akkoord" id="r{b5.pk}-akkoord" checked' not in html  # a changed voorzet is read again


def test_reaction_round_without_a_choice_says_so(client, kader, people, year_2026):
    _voorzet(people, kader, "1")
    client.force_login(people["ahwoon"])
    response = client.post(reverse("monitoring:reactieronde", args=[kader.slug, 2026]), {})
    assert response.status_code == 400 and "Kies bij minstens één voorzet" in response.content.decode()
    assert not Reactie.objects.exists()


# --- the adoption list -------------------------------------------------------------------------


def test_adoption_list_adopts_all_at_consensus_in_one_decision(client, kader, people, year_2026):
    b1, b5 = _consensus(people, kader, "1"), _consensus(people, kader, "5")
    b6 = _voorzet(people, kader, "6")
    services.respond(people["ahwoon"], b6, soort="niet_akkoord", toelichting="Nee.")
    client.force_login(people["secretaris"])
    url = reverse("monitoring:vaststellen", args=[kader.slug, 2026])
    html = client.get(url).content.decode()
    assert "2 afspraken met consensus" in html
    assert "Niet akkoord: AH WOON." in html and "Wacht op de reactie van Gemeente" in html
    assert "Er is nog geen voorzet." in html
    response = client.post(url, {"beoordeling": [b1.pk, b5.pk], "overleg": ""})
    assert response.status_code == 302
    besluit = Besluit.objects.get()
    assert besluit.soort == Besluit.Soort.EVALUATIE and besluit.overleg.soort == "bo"
    assert sorted(besluit.afspraken.values_list("nummer", flat=True)) == ["1", "5"]
    assert "afspraken 1, 5" in besluit.tekst
    assert set(Beoordeling.objects.filter(vastgesteld_bij=besluit).values_list("pk", flat=True)) == {b1.pk, b5.pk}
    assert _b(kader, "6").status == Status.IN_BESPREKING
    titles = list(Agendapunt.objects.filter(overleg=besluit.overleg).values_list("titel", flat=True))
    assert "Vaststelling beoordeling 2026: afspraak 1 (groen)" in titles


def test_adoption_is_all_or_nothing_when_the_list_changed(client, kader, people, year_2026):
    b1 = _consensus(people, kader, "1")
    _consensus(people, kader, "5")  # reached consensus after the secretary read the list
    with pytest.raises(Exception, match="intussen veranderd"):
        batch.adopt_at_consensus(people["secretaris"], kader, 2026, expected={b1.pk})
    assert not Besluit.objects.exists() and not Beoordeling.objects.filter(status=Status.VASTGESTELD).exists()


def test_only_the_secretary_has_the_adoption_list(client, kader, people, year_2026):
    client.force_login(people["woonborg"])
    assert client.get(reverse("monitoring:vaststellen", args=[kader.slug, 2026])).status_code == 403
    with pytest.raises(PermissionDenied):
        batch.adopt_at_consensus(people["woonborg"], kader, 2026, expected=set())
