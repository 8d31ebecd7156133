"""Issue 15, findings 1, 2 and 11a: a set stays in its municipality, figures follow the party's own
municipality, the admin is the administrator's tool, and everything in a set stays in that set."""

from datetime import date

import pytest

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from driehoek.accounts import policy
from driehoek.accounts.models import Partij, User
from driehoek.figures import services as figures
from driehoek.figures.models import Aanlevering
from driehoek.register.models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Gemeente,
    Indicator,
    Ondertekenaar,
    Thema,
    Verantwoordelijke,
)

pytestmark = pytest.mark.django_db

MARK = "Kwelderpiek"


@pytest.fixture
def other(user_factory):
    """A second municipality with a concept set, a corporation and delivered figures."""
    gemeente = Gemeente.objects.create(naam=f"Oostwold {MARK}")
    partij = Partij.objects.create(naam=f"Gemeente Oostwold {MARK}", korte_naam=MARK, soort="gemeente")
    corporatie = Partij.objects.create(naam=f"Woonstichting {MARK}", korte_naam=MARK[:5], soort="corporatie")
    s = Afsprakenset.objects.create(
        gemeente=gemeente, slug="oostwold-2027", soort="prestatieafspraken", titel=f"Afspraken {MARK}",
        eerste_jaar=2027, laatste_jaar=2027,
    )  # fmt: skip
    Deelname.objects.create(afsprakenset=s, partij=partij)
    Deelname.objects.create(afsprakenset=s, partij=corporatie, volgorde=1)
    thema = Thema.objects.create(afsprakenset=s, nummer="1", titel=f"Thema {MARK}")
    afspraak = Afspraak.objects.create(
        afsprakenset=s, thema=thema, nummer="1", tekst=f"Wij bouwen {MARK}.", soort="gezamenlijk"
    )
    indicator = Indicator.objects.create(
        afspraak=afspraak, omschrijving=f"Aantal {MARK}", soort="aantal", jaar_van=2027, jaar_tot=2027
    )
    corp_user = user_factory(username="oostwold-corporatie", partij=corporatie, rol=User.Rol.INVULLER)
    records = [{"naam": f"Plan {MARK}", "kern": MARK, "status": "hard", "bruto": 10, "sloop": 0,
                "jaar": (2027, False), "opleverdatum": None}]  # fmt: skip
    figures.store(corp_user, gemeente, corporatie, "plannen", date(2026, 12, 31), records, bestandsnaam="p.csv")
    return {"gemeente": gemeente, "set": s, "thema": thema, "afspraak": afspraak, "indicator": indicator}


# --- finding 1: a set stays in its municipality; figures follow the party's own municipality ------


def test_parties_belong_to_the_municipalities_of_their_sets(kader, other):
    woonborg = Partij.objects.get(naam="Woonborg")
    assert list(woonborg.gemeenten.all()) == [kader.gemeente]
    assert set(Partij.objects.get(naam=f"Woonstichting {MARK}").gemeenten.all()) == {other["gemeente"]}


def test_a_set_moved_into_another_municipality_opens_none_of_its_figures(kader, people, other, client):
    """The attack of finding 1: a set of Aa en Hunze's secretary sits in Oostwold (as the admin's
    free dropdown or an import could put it). Its parties still may not read or deliver Oostwold's
    figures: those follow the party's own municipality, not "some visible set there"."""
    gemeente = other["gemeente"]
    eigen = Afsprakenset.objects.create(
        gemeente=kader.gemeente, slug="verhuisd", soort="jaarprogramma", titel="Verhuisd", eerste_jaar=2027,
        laatste_jaar=2027,
    )  # fmt: skip
    for naam in ("Gemeente Aa en Hunze", "Woonborg"):
        Deelname.objects.create(afsprakenset=eigen, partij=Partij.objects.get(naam=naam))
    Afsprakenset.objects.filter(pk=eigen.pk).update(gemeente=gemeente)  # the move, bypassing every form

    assert Afsprakenset.objects.visible_to(people["secretaris"]).filter(gemeente=gemeente).exists()
    for name in ("secretaris", "woonborg", "gemeente", "ahwoon"):
        assert not policy.can(people[name], policy.VIEW_FIGURES, gemeente), name
        assert not policy.can(people[name], policy.UPLOAD_FIGURES, gemeente), name
    client.force_login(people["secretaris"])
    assert client.get(reverse("figures:overzicht", args=[gemeente.pk])).status_code == 404
    client.force_login(people["woonborg"])
    assert client.get(reverse("figures:overzicht", args=[gemeente.pk])).status_code == 404
    before = Aanlevering.objects.filter(gemeente=gemeente).count()
    with pytest.raises(Exception):  # noqa: B017, PT011 -- PermissionDenied from the service
        figures.deliver(
            people["woonborg"], gemeente, "voorraad", date(2026, 12, 31), filename="v.csv", content=b"aantal\n1\n"
        )
    assert Aanlevering.objects.filter(gemeente=gemeente).count() == before


def test_figures_follow_the_partys_own_role_in_the_municipality(kader, people, other):
    aeh = kader.gemeente
    assert policy.can(people["woonborg"], policy.VIEW_FIGURES, aeh)
    assert policy.can(people["woonborg"], policy.UPLOAD_FIGURES, aeh)
    assert policy.can(people["ahwoon"], policy.VIEW_FIGURES, aeh)
    assert not policy.can(people["ahwoon"], policy.UPLOAD_FIGURES, aeh)  # a tenant association delivers none
    assert not policy.can(people["secretaris"], policy.UPLOAD_FIGURES, aeh)
    assert policy.can(people["beheerder"], policy.VIEW_FIGURES, other["gemeente"])
    # The administrator links Woonborg to Oostwold (it starts working there): now it may deliver there.
    Partij.objects.get(naam="Woonborg").gemeenten.add(other["gemeente"])
    assert policy.can(people["woonborg"], policy.UPLOAD_FIGURES, other["gemeente"])
    assert not policy.can(people["volmacht"], policy.VIEW_FIGURES, other["gemeente"])


# --- finding 2: the admin is the administrator's tool ----------------------------------------------


NON_ADMINS = ("secretaris", "gemeente", "bestuurder", "woonborg", "ahwoon", "lezer")


@pytest.mark.parametrize("name", NON_ADMINS)
def test_the_admin_is_closed_to_everyone_but_the_administrator(name, people, other, client):
    user = people[name]
    User.objects.filter(pk=user.pk).update(is_staff=True)  # even a staff flag left over opens nothing
    client.force_login(User.objects.get(pk=user.pk))
    for url in (
        reverse("admin:index"),
        reverse("admin:register_afspraak_changelist"),
        reverse("admin:register_indicator_add"),
        reverse("admin:register_afspraak_change", args=[other["afspraak"].pk]),
        reverse("admin:figures_referentiejaar_changelist"),
        reverse("admin:autocomplete"),
    ):
        assert client.get(url).status_code == 403, url  # logged in, so not sent to log in again
    # Finding 2's POST: an indicator added to another municipality's agreement.
    before = Indicator.objects.count()
    client.post(
        reverse("admin:register_indicator_add"),
        {"afspraak": other["afspraak"].pk, "omschrijving": "Geplant", "soort": "aantal", "jaar_van": 2027,
         "jaar_tot": 2027, "volgorde": 0},
    )  # fmt: skip
    assert Indicator.objects.count() == before
    assert not policy.can(user, policy.USE_ADMIN, None)
    assert not policy.can(user, policy.EDIT_REFERENCE_DATA, None)


def test_the_administrator_uses_the_admin(people, client):
    client.force_login(people["beheerder"])
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:register_afspraak_changelist")).status_code == 200


# --- finding 2: everything in a set stays in that set, whoever writes ------------------------------


def test_the_models_refuse_a_row_that_points_into_another_set(kader, other):
    afspraak = kader.afspraken.get(nummer="1")
    concept = Afsprakenset.objects.create(
        gemeente=kader.gemeente, slug="aeh-concept", soort="jaarprogramma", titel="Concept", eerste_jaar=2027,
        laatste_jaar=2027,
    )  # fmt: skip
    Deelname.objects.create(afsprakenset=concept, partij=Partij.objects.get(naam="Gemeente Aa en Hunze"))
    thema = Thema.objects.create(afsprakenset=concept, nummer="1", titel="Eigen")
    eigen = Afspraak.objects.create(afsprakenset=concept, thema=thema, nummer="1", tekst="Eigen.", soort="gezamenlijk")
    eigen_indicator = Indicator.objects.create(
        afspraak=eigen, omschrijving="Eigen", soort="aantal", jaar_van=2027, jaar_tot=2027
    )
    stranger = Partij.objects.get(naam=f"Woonstichting {MARK}")

    attempts = [
        Afspraak(afsprakenset=concept, thema=other["thema"], nummer="2", tekst="x", soort="gezamenlijk"),
        Doelstelling(
            afspraak=eigen, indicator=other["indicator"], waarde=1, eenheid="w", vergelijking="gelijk", brontekst="x"
        ),  # fmt: skip
        Verantwoordelijke(afspraak=eigen, partij=stranger),
        Actiehouder(indicator=eigen_indicator, partij=stranger),
        Ondertekenaar(afsprakenset=concept, partij=stranger, persoon="Iemand"),
        Afsprakenset(
            gemeente=kader.gemeente,
            slug="x",
            soort="jaarprogramma",
            titel="x",
            eerste_jaar=2027,
            laatste_jaar=2027,
            bovenliggende_set=other["set"],
        ),  # fmt: skip
    ]
    for row in attempts:
        with pytest.raises(ValidationError):
            row.full_clean()
        with pytest.raises(ValidationError):
            row.save()
        assert row.pk is None or not type(row).objects.filter(pk=row.pk).exists()
    # (A many-to-many add runs in its caller's transaction: a savepoint here, a request's in the admin.)
    with pytest.raises(ValidationError), transaction.atomic():
        eigen.verwijzingen.add(other["afspraak"])
    with pytest.raises(ValidationError), transaction.atomic():
        other["afspraak"].verwezen_door.add(eigen)
    assert not eigen.verwijzingen.exists()
    with pytest.raises(ValidationError), transaction.atomic():
        eigen_indicator.actiehouders.add(stranger)  # in bulk, through the many-to-many manager
    with pytest.raises(ValidationError), transaction.atomic():
        stranger.afspraken.add(eigen)
    # Inside the set it works.
    Verantwoordelijke.objects.create(afspraak=eigen, partij=Partij.objects.get(naam="Gemeente Aa en Hunze"))
    second = Afspraak.objects.create(afsprakenset=concept, thema=thema, nummer="2", tekst="Twee.", soort="doorkijk")
    eigen.verwijzingen.add(second)
    assert afspraak.afsprakenset_id != concept.pk


def test_the_admin_offers_only_rows_of_the_same_set_and_refuses_the_rest(kader, people, other, client):
    """Even for the administrator: a change form's lists hold only the set's own rows, and a POST
    that names another set's row is refused with the form's message."""
    concept = other["set"]
    afspraak = other["afspraak"]
    client.force_login(people["beheerder"])
    url = reverse("admin:register_afspraak_change", args=[afspraak.pk])
    form = client.get(url).context["adminform"].form
    assert set(form.fields["thema"].queryset) == {other["thema"]}
    assert set(form.fields["verwijzingen"].queryset) <= set(concept.afspraken.all())
    kader_thema = kader.themas.first()
    kader_afspraak = kader.afspraken.get(nummer="1")
    data = {
        "thema": kader_thema.pk, "nummer": "1", "tekst": afspraak.tekst, "soort": "gezamenlijk", "volgorde": 0,
        "versie": afspraak.versie, "verwijzingen": [kader_afspraak.pk],
        "verantwoordelijkheden-TOTAL_FORMS": 0, "verantwoordelijkheden-INITIAL_FORMS": 0,
        "doelstellingen-TOTAL_FORMS": 0, "doelstellingen-INITIAL_FORMS": 0,
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["adminform"].form.errors
    afspraak.refresh_from_db()
    assert afspraak.thema_id == other["thema"].pk and not afspraak.verwijzingen.exists()

    # An indicator added to an agreement is there to stay: it cannot be moved to another set's.
    iurl = reverse("admin:register_indicator_change", args=[other["indicator"].pk])
    assert "afspraak" not in client.get(iurl).context["adminform"].form.fields


def test_the_database_refuses_what_bypasses_the_models(kader, other):
    """Triggers (migration register 0005): a bulk update or raw write that points an agreement at
    another set's theme, a reference across sets, or a target at another set's indicator."""
    from django.db import DatabaseError

    afspraak = other["afspraak"]
    with pytest.raises(DatabaseError), transaction.atomic():
        Afspraak.objects.filter(pk=afspraak.pk).update(thema=kader.themas.first())
    with pytest.raises(DatabaseError), transaction.atomic():
        Afspraak.verwijzingen.through.objects.bulk_create(
            [Afspraak.verwijzingen.through(from_afspraak=afspraak, to_afspraak=kader.afspraken.first())]
        )
    target = Doelstelling.objects.filter(afspraak__afsprakenset=kader, indicator__isnull=False).first()
    with pytest.raises(DatabaseError), transaction.atomic():
        Doelstelling.objects.filter(pk=target.pk).update(indicator=other["indicator"])
    afspraak.refresh_from_db()
    assert afspraak.thema_id == other["thema"].pk and not afspraak.verwijzingen.exists()


def _as_submitted(response) -> dict:
    """The POST a browser sends when a person saves the admin's change form without touching it."""
    data = {}

    def put(form, name):
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            return
        if value is True:
            data[key] = "on"
        elif isinstance(value, (list, tuple)):
            data[key] = [str(v) for v in value]
        else:
            data[key] = str(value)

    form = response.context["adminform"].form
    for name in form.fields:
        put(form, name)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            put(formset.management_form, name)
        for f in formset.forms:
            for name in f.fields:
                put(f, name)
    return data


def test_every_register_form_submitted_unchanged_changes_nothing(other, people, client):
    """The administrator opens each register change form of a concept set with its stored data and
    saves it as it is: accepted, and nothing changes (no new version, no other row)."""
    from driehoek.register import opendata

    s, afspraak, indicator = other["set"], other["afspraak"], other["indicator"]
    corporatie = Partij.objects.get(naam=f"Woonstichting {MARK}")
    Verantwoordelijke.objects.create(afspraak=afspraak, partij=corporatie)
    Actiehouder.objects.create(indicator=indicator, partij=corporatie)
    Doelstelling.objects.create(afspraak=afspraak, indicator=indicator, waarde=10, eenheid="woningen",
                                vergelijking="ten_minste", brontekst="Ten minste 10 woningen.")  # fmt: skip
    before = opendata.export_set(Afsprakenset.objects.get(pk=s.pk))
    client.force_login(people["beheerder"])
    for model, row in ((Afsprakenset, s), (Thema, other["thema"]), (Afspraak, afspraak), (Indicator, indicator)):
        url = reverse(f"admin:register_{model._meta.model_name}_change", args=[row.pk])
        page = client.get(url)
        assert page.status_code == 200 and page.context["has_change_permission"], model
        response = client.post(url, _as_submitted(page))
        assert response.status_code == 302, (model, response.context and response.context["adminform"].form.errors)
    assert opendata.export_set(Afsprakenset.objects.get(pk=s.pk)) == before
    afspraak.refresh_from_db()
    assert afspraak.versie == 1
