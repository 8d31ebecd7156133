"""Audit: every change is on the record in the same transaction, with who, when, before and after;
it is shown in the UI; nobody, the administrator included, changes or deletes it."""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

from driehoek.accounts.models import User
from driehoek.cycle import services as cycle
from driehoek.cycle.models import Besluit, Stem, Verslag
from driehoek.figures.models import Aanlevering
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde
from driehoek.register.models import Afspraak, Doelstelling, Indicator

pytestmark = pytest.mark.django_db

AUDITED = [Afspraak, Indicator, Doelstelling, Indicatorwaarde, Beoordeling, Verslag, Besluit, Stem, Aanlevering, User]


@pytest.mark.parametrize("model", AUDITED, ids=lambda m: m.__name__)
def test_every_audited_model_has_history(model):
    assert hasattr(model, "history"), model


def test_history_is_written_in_the_same_transaction_as_the_change(kader, people, year_2026):
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    before = Indicatorwaarde.history.count()

    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), transaction.atomic():
        monitoring.save_value(people["woonborg"], indicator, 2026, waarde=5, eenheid="", oordeel="", bron="")
        assert Indicatorwaarde.history.count() == before + 1
        raise Rollback
    assert Indicatorwaarde.history.count() == before  # the change and its record went together


def test_who_when_before_and_after_are_recorded_and_shown(client, kader, people, year_2026):
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b, kleur="groen", toelichting="Op koers")
    monitoring.make_voorzet(people["woonborg"], Beoordeling.objects.get(pk=b.pk), kleur="oranje", reden="a",
                            toelichting="Vertraagd")  # fmt: skip
    latest = Beoordeling.history.filter(id=b.pk).latest("history_date")
    assert latest.history_user == people["woonborg"] and latest.history_date
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(latest.prev_record).changes}
    assert changes["kleur"] == ("groen", "oranje")
    client.force_login(people["ahwoon"])
    html = client.get(reverse("register:geschiedenis", args=[kader.slug])).content.decode()
    assert "Vertraagd" in html and "Op koers" in html and str(people["woonborg"]) in html


def test_minutes_votes_and_decisions_are_recorded_with_the_acting_user(kader, people):
    overleg = cycle.plan_meeting(people["secretaris"], kader, soort="bo", titel="BO")
    cycle.write_minutes(people["secretaris"], overleg, "Concept")
    besluit, _ = cycle.record_decision(people["secretaris"], overleg, soort="overig", tekst="Besloten", jaar=2026,
                                       afspraken=[])  # fmt: skip
    geschil = cycle.report_dispute(people["ahwoon"], kader, onderwerp="Huur", omschrijving="Oneens.")
    cycle.appoint_moderator(people["secretaris"], geschil, moderator="M", deadline=date(2099, 1, 1))
    stemming = cycle.open_vote(people["secretaris"], geschil, ["ja", "nee"], today=date(2099, 1, 2))
    stem = cycle.cast_vote(people["ahwoon"], stemming, stemming.opties.first())
    assert Verslag.history.get(overleg_id=overleg.pk).history_user == people["secretaris"]
    assert Besluit.history.get(id=besluit.pk).history_user == people["secretaris"]
    assert Stem.history.get(id=stem.pk).history_user == people["ahwoon"]


def test_changes_to_users_roles_and_groups_through_the_admin_are_recorded(client, people):
    beheerder, lezer = people["beheerder"], people["lezer"]
    User.objects.filter(pk=beheerder.pk).update(is_staff=True)
    group = Group.objects.create(name="redactie")
    client.force_login(beheerder)
    url = reverse("admin:accounts_user_change", args=[lezer.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("password", "groups")}
    data.update(
        {
            "rol": "invuller",
            "partij": lezer.partij_id,
            "groups": [group.pk],
            "date_joined_0": lezer.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": lezer.date_joined.strftime("%H:%M:%S"),
            "user_permissions": [],
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    lezer.refresh_from_db()
    assert lezer.rol == "invuller" and list(lezer.groups.all()) == [group]
    latest = User.history.filter(id=lezer.pk).latest("history_date")
    assert latest.history_user == beheerder
    assert [g.group_id for g in latest.groups.all()] == [group.pk]
    html = client.get(reverse("gebruikers_geschiedenis")).content.decode()
    assert "invuller" in html and str(beheerder) in html


def test_nobody_changes_or_deletes_history_through_the_application(client, kader, people):
    beheerder = people["beheerder"]
    User.objects.filter(pk=beheerder.pk).update(is_staff=True)
    afspraak = kader.afspraken.get(nummer="1")
    record = afspraak.history.earliest("history_date")
    client.force_login(beheerder)
    url = reverse("admin:register_afspraak_simple_history", args=[afspraak.pk, record.history_id])
    count = afspraak.history.count()
    assert client.get(url).status_code == 200  # reading an old version is fine
    assert client.post(url, {"titel": "Anders", "tekst": "Anders"}).status_code == 403
    assert afspraak.history.count() == count
    # Users are deactivated, not deleted: deleting would take their name off the history.
    assert (
        client.post(reverse("admin:accounts_user_delete", args=[people["lezer"].pk]), {"post": "yes"}).status_code
        == 403
    )
    assert User.objects.filter(pk=people["lezer"].pk).exists()
    # No historical model is in the admin, so there is no page to edit or delete a record.
    from django.contrib import admin

    assert not [m for m in admin.site._registry if m.__name__.startswith("Historical")]
