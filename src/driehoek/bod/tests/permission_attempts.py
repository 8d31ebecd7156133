"""The bod's attempts for the permissions table test (accounts/tests/test_permission_table.py):
per action the requests a user makes and whether they took effect."""

from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse

from driehoek.bod import services
from driehoek.bod.models import Bod, Bodcijfer, Bodreactie


def _attempt(*args, **kwargs):
    from driehoek.accounts.tests.test_permission_table import Attempt

    return Attempt(*args, **kwargs)


def _concept(w, jaar: int) -> Bod:
    return concept_bod(w.people, w.kader.gemeente, jaar)


def concept_bod(people, gemeente, jaar: int) -> Bod:
    today = date.today()
    return services.start_bod(people["woonborg"], gemeente, jaar, uiterlijk=today + timedelta(days=30))


def submitted_bod(people, gemeente) -> Bod:
    """Woonborg's bod for next year, submitted (also used by core's every-page tests)."""
    bod = concept_bod(people, gemeente, date.today().year + 1)
    bod = services.save_bod(
        people["woonborg"],
        bod,
        cijfers={("nieuwbouw_sociaal", bod.jaar): Decimal(12)},
        teksten={"beschikbaarheid": "Nieuwbouw in Gieten."},
        uiterlijk=bod.uiterlijk,
        reacties_uiterlijk=bod.uiterlijk + timedelta(days=30),
        versie=bod.versie,
    )
    return services.submit_bod(people["woonborg"], bod, bod.versie)


def _submitted(w) -> Bod:
    return submitted_bod(w.people, w.kader.gemeente)


def attempt_view_bod(w):
    bod = _submitted(w)
    return _attempt(
        [lambda c: c.get(reverse("bod:lijst", args=[w.kader.gemeente_id])), lambda c: c.get(bod.get_absolute_url())]
    )


def attempt_write_bod(w):
    today = date.today()
    start_year, other = today.year + 1, _concept(w, today.year + 2)
    start = {"start-jaar": start_year, "start-uiterlijk": (today + timedelta(days=20)).isoformat()}
    edit = {
        "form": "bod",
        "bod-versie": other.versie,
        "bod-uiterlijk": other.uiterlijk.isoformat(),
        f"bod-c_verkoop_{other.jaar}": "4",
    }

    def happened():
        effects = {
            Bod.objects.filter(jaar=start_year).exists(),
            Bodcijfer.objects.filter(bod=other, onderwerp="verkoop").exists(),
        }
        assert len(effects) == 1, "half of the attempt took effect"
        return effects.pop()

    return _attempt(
        [
            lambda c: c.post(reverse("bod:lijst", args=[w.kader.gemeente_id]), start),
            lambda c: c.post(reverse("bod:bewerken", args=[other.pk]), edit),
        ],
        happened,
    )


def attempt_react_bod(w):
    bod = _submitted(w)
    data = {"form": "reactie", "reactie-tekst": "Wij missen nieuwbouw in Annen.", "reactie-versie": 0}
    return _attempt(
        [lambda c: c.post(bod.get_absolute_url(), data)],
        lambda: Bodreactie.objects.filter(bod=bod, tekst__startswith="Wij missen").exists(),
    )


ATTEMPTS = {name.removeprefix("attempt_"): f for name, f in globals().items() if name.startswith("attempt_")}
