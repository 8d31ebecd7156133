from decimal import Decimal

import pytest

from django.db import IntegrityError, transaction

from driehoek.accounts.models import Partij, User
from driehoek.register.models import Afspraak, Afsprakenset, Doelstelling, Gemeente, Indicator, Thema

pytestmark = pytest.mark.django_db


@pytest.fixture
def kader():
    # As a draft: these tests are about the database's own rules; a signed set refuses every change
    # before they are reached (register.guard, tests in test_signed_set.py).
    Afsprakenset.objects.filter(slug="aa-en-hunze-kaderafspraken-2026-2031").update(status="concept")
    return Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")


def _violates(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_agreement_number_is_unique_within_a_set_but_not_across_sets(kader):
    thema = kader.themas.first()
    _violates(
        lambda: Afspraak.objects.create(afsprakenset=kader, thema=thema, nummer="1", tekst="x", soort="gezamenlijk")
    )
    other = Afsprakenset.objects.create(
        gemeente=kader.gemeente,
        slug="ander",
        soort="jaarprogramma",
        titel="Jaarprogramma 2026",
        eerste_jaar=2026,
        laatste_jaar=2026,
    )
    other_theme = Thema.objects.create(afsprakenset=other, nummer="1", titel="Beschikbaarheid")
    Afspraak.objects.create(afsprakenset=other, thema=other_theme, nummer="1", tekst="x", soort="gezamenlijk")


def test_period_and_years_run_forward(kader):
    _violates(
        lambda: Afsprakenset.objects.create(
            gemeente=kader.gemeente,
            slug="achteruit",
            soort="kaderafspraken",
            titel="x",
            eerste_jaar=2031,
            laatste_jaar=2026,
        )
    )
    afspraak = kader.afspraken.first()
    _violates(
        lambda: Indicator.objects.create(
            afspraak=afspraak, omschrijving="x", soort="aantal", jaar_van=2030, jaar_tot=2027
        )
    )


def test_a_target_belongs_to_an_agreement_or_a_theme_not_both(kader):
    afspraak = kader.afspraken.first()
    base = {"waarde": Decimal(1), "eenheid": "%", "vergelijking": "ten_minste", "brontekst": "x"}
    _violates(lambda: Doelstelling.objects.create(**base))
    _violates(lambda: Doelstelling.objects.create(afspraak=afspraak, thema=afspraak.thema, **base))
    _violates(lambda: Doelstelling.objects.create(afspraak=afspraak, **{**base, "vergelijking": "tussen"}))
    _violates(lambda: Doelstelling.objects.create(afspraak=afspraak, **{**base, "waarde_max": Decimal(0)}))
    assert str(Doelstelling.objects.create(afspraak=afspraak, **base)) == "ten minste 1 %"


def test_cbs_code_unique_when_given():
    Gemeente.objects.create(naam="Fictief Een")
    Gemeente.objects.create(naam="Fictief Twee")  # two without a code are fine
    _violates(lambda: Gemeente.objects.create(naam="Fictief Drie", cbs_code="GM1680"))


def test_visible_to_follows_the_users_party(user_factory):
    woonzorg = user_factory(partij=Partij.objects.get(naam="Woonzorg Nederland"))
    volmacht = user_factory(partij=Partij.objects.get(naam="Woningstichting De Volmacht"), rol=User.Rol.LEZER)
    outsider = user_factory(
        partij=Partij.objects.create(naam="Fictieve Corporatie", korte_naam="FC", soort="corporatie")
    )
    beheerder = user_factory(rol=User.Rol.BEHEERDER)
    nobody = user_factory()
    slugs = lambda user: sorted(Afsprakenset.objects.visible_to(user).values_list("slug", flat=True))  # noqa: E731
    assert slugs(woonzorg) == ["aa-en-hunze-kaderafspraken-2026-2031"]
    assert slugs(volmacht) == ["aa-en-hunze-kaderafspraken-2026-2031", "aa-en-hunze-prestatieafspraken-2022"]
    assert slugs(outsider) == [] and slugs(nobody) == []
    assert len(slugs(beheerder)) == 2
    volmacht.is_active = False
    assert slugs(volmacht) == []


def test_history_records_who_changed_what(kader, user_factory):
    secretaris = user_factory(rol=User.Rol.SECRETARIS)
    afspraak = kader.afspraken.get(nummer="5")
    afspraak.titel = "Nieuwe titel"
    afspraak._history_user = secretaris
    afspraak.save()
    record = afspraak.history.first()
    assert record.history_user == secretaris
    assert record.diff_against(record.prev_record).changes[0].new == "Nieuwe titel"
