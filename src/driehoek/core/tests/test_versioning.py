"""The version check on the pages of minutes, agreement texts and reactions, in the admin and in
the API: a save based on an older version is refused, shows the other change and keeps one's own
input. (Two truly simultaneous saves: test_concurrency.py; two browsers: test_browser_conflict.py.)"""

from datetime import datetime

import pytest

from django.contrib import admin
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from driehoek.cycle import services as cycle
from driehoek.cycle.models import Besluit, Overlegsoort, Verslag
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Reactie
from driehoek.register.admin import AfspraakAdmin, AfspraakAdminForm
from driehoek.register.models import Afspraak, Afsprakenset

pytestmark = pytest.mark.django_db


def _conflict_box(html: str) -> str:
    start = html.index('<div class="conflict"')
    return html[start : html.index("</div>", start)]


def _bo(kader, people):
    when = timezone.make_aware(datetime(2027, 3, 20, 14))
    return cycle.plan_meeting(people["secretaris"], kader, soort=Overlegsoort.BO, titel="BO", datum=when)


def test_minutes_saved_meanwhile_are_shown_not_overwritten(client, kader, people):
    meeting = _bo(kader, people)
    verslag = cycle.write_minutes(people["gemeente"], meeting, "1. Opening", 0)
    cycle.write_minutes(people["gemeente"], meeting, "1. Opening door de wethouder", verslag.versie)
    client.force_login(people["secretaris"])
    url = reverse("cycle:overleg", args=[kader.slug, meeting.pk])
    response = client.post(url, {"form": "verslag", "verslag-tekst": "Mijn versie", "verslag-versie": verslag.versie})
    html = response.content.decode()
    box = _conflict_box(html)
    assert response.status_code == 400
    assert "heeft dit intussen gewijzigd" in box and "1. Opening door de wethouder" in box
    assert "Mijn versie</textarea>" in html and f'name="verslag-versie" value="{verslag.versie + 1}"' in html
    assert Verslag.objects.get(overleg=meeting).tekst == "1. Opening door de wethouder"


def test_a_first_draft_made_meanwhile_is_not_overwritten(client, kader, people):
    meeting = _bo(kader, people)
    client.force_login(people["secretaris"])
    url = reverse("cycle:overleg", args=[kader.slug, meeting.pk])
    assert 'name="verslag-versie" value="0"' in client.get(url).content.decode()
    cycle.write_minutes(people["gemeente"], meeting, "Concept van de collega", 0)
    response = client.post(url, {"form": "verslag", "verslag-tekst": "Mijn concept", "verslag-versie": 0})
    assert response.status_code == 400 and "Concept van de collega" in _conflict_box(response.content.decode())
    assert Verslag.objects.get(overleg=meeting).tekst == "Concept van de collega"


def test_an_agreement_text_changed_meanwhile_by_decision(client, kader, people):
    meeting = _bo(kader, people)
    besluit, _ = cycle.record_decision(people["secretaris"], meeting, soort=Besluit.Soort.WIJZIGING, tekst="Wijziging")
    afspraak = kader.afspraken.get(nummer="14")
    client.force_login(people["secretaris"])
    url = reverse("cycle:overleg", args=[kader.slug, meeting.pk])
    html = client.get(url).content.decode()
    versies = html.split('name="wijziging-versies" value="')[1].split('"')[0]
    assert f"{afspraak.pk}:1" in versies.split(",")
    cycle.change_agreement_text(people["secretaris"], besluit, afspraak, "Tekst van de collega.", 1)
    data = {
        "form": "wijziging",
        "wijziging-besluit": besluit.pk,
        "wijziging-afspraak": afspraak.pk,
        "wijziging-tekst": "Mijn tekst.",
        "wijziging-versies": versies,
    }
    response = client.post(url, data)
    assert response.status_code == 400 and "Tekst van de collega." in _conflict_box(response.content.decode())
    afspraak.refresh_from_db()
    assert (afspraak.tekst, afspraak.versie) == ("Tekst van de collega.", 2)
    # Another agreement of the same form is not affected by that change.
    other = kader.afspraken.get(nummer="15")
    response = client.post(url, {**data, "wijziging-afspraak": other.pk})
    other.refresh_from_db()
    assert response.status_code == 302 and (other.tekst, other.versie) == ("Mijn tekst.", 2)


def test_a_reaction_to_a_voorzet_that_changed_meanwhile_is_refused(client, kader, people, year_2026):
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    b = monitoring.make_voorzet(people["woonborg"], b, kleur="groen", versie=b.versie)
    read = b.revisie
    monitoring.make_voorzet(people["woonborg"], b, kleur="rood", reden="a", toelichting="Toch vertraagd.")
    client.force_login(people["ahwoon"])
    url = reverse("monitoring:beoordeling", args=[kader.slug, 2026, "5"])
    data = {"form": "reactie", "reactie-soort": "akkoord", "reactie-revisie": read}
    response = client.post(url, data)
    assert response.status_code == 400 and "rood (a) — Toch vertraagd." in _conflict_box(response.content.decode())
    assert not Reactie.objects.filter(beoordeling=b).exists()
    client.post(url, {**data, "reactie-revisie": read + 1})  # agreeing to what one has now seen
    assert Reactie.objects.get(beoordeling=b).revisie == read + 1


def test_the_admin_refuses_a_change_based_on_an_older_version(people):
    # A draft set, in the administrator's admin (a signed set is read-only there: test_signed_set.py).
    Afsprakenset.objects.filter(slug="aa-en-hunze-kaderafspraken-2026-2031").update(status="concept")
    kader = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    afspraak = kader.afspraken.get(nummer="5")
    data = {k: v for k, v in model_to_dict(afspraak).items() if v is not None}
    data["verwijzingen"] = [a.pk for a in data.get("verwijzingen", [])]
    afspraak.titel, afspraak.versie = "Intussen door een ander", afspraak.versie + 1
    afspraak._history_user = people["beheerder"]
    afspraak.save()
    stale = AfspraakAdminForm(data={**data, "titel": "Mijn titel"}, instance=afspraak)
    assert not stale.is_valid()
    assert "heeft dit intussen gewijzigd" in " ".join(stale.non_field_errors())
    afspraak.refresh_from_db()  # a new request reads the agreement anew
    current = AfspraakAdminForm(data={**data, "titel": "Mijn titel", "versie": afspraak.versie}, instance=afspraak)
    assert afspraak.versie == 2 and current.is_valid(), current.errors
    request = RequestFactory().post("/beheer/")
    request.user = people["beheerder"]
    AfspraakAdmin(Afspraak, admin.site).save_model(request, current.save(commit=False), current, change=True)
    afspraak.refresh_from_db()
    assert (afspraak.titel, afspraak.versie, afspraak.history.first().versie) == ("Mijn titel", 3, 3)


def test_the_api_answers_409_with_the_value_stored_now(client, kader, people, year_2026):
    from driehoek.api.models import ApiToken

    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    monitoring.save_value(people["volmacht"], indicator, 2026, waarde=16, eenheid="woningen", versie=0)
    _, key = ApiToken.issue(people["woonborg"], "test")
    response = client.put(
        f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026",
        {"value": 15, "unit": "woningen", "version": 0},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 409 and "Nu opgeslagen: 16 woningen" in response.json()["detail"]


def test_minutes_that_changed_meanwhile_are_not_made_final_unseen(client, kader, people):
    meeting = _bo(kader, people)
    verslag = cycle.write_minutes(people["gemeente"], meeting, "Concept", 0)
    verslag = cycle.send_for_check(people["gemeente"], verslag, versie=verslag.versie)
    read = verslag.versie
    cycle.write_minutes(people["gemeente"], meeting, "Concept met de correctie van AH WOON", read)
    client.force_login(people["secretaris"])
    url = reverse("cycle:overleg", args=[kader.slug, meeting.pk])
    response = client.post(url, {"form": "definitief", "versie": read})
    assert response.status_code == 400
    assert "Concept met de correctie van AH WOON" in _conflict_box(response.content.decode())
    assert Verslag.objects.get(overleg=meeting).status == Verslag.Status.TER_CONTROLE
    assert f'name="versie" value="{read + 1}"' in response.content.decode()  # the button now means this text
    assert client.post(url, {"form": "definitief", "versie": read + 1}).status_code == 302
    assert Verslag.objects.get(overleg=meeting).status == Verslag.Status.DEFINITIEF
