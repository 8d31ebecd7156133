"""Plain rules of the bod: what its five-year overview holds, its deadlines and its status."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

YEARS = 5  # the activity overview covers the coming five years


@dataclass(frozen=True)
class Onderwerp:
    key: str
    label: str
    eenheid: str
    minimum: Decimal = Decimal(0)
    maximum: Decimal = Decimal(100_000)
    nieuwbouw: bool = False


# The rows of the five-year table, in the order a bod gives them.
ONDERWERPEN: tuple[Onderwerp, ...] = (
    Onderwerp("nieuwbouw_sociaal", gettext_lazy("Nieuwbouw sociale huur"), gettext_lazy("woningen"), nieuwbouw=True),
    Onderwerp("nieuwbouw_middenhuur", gettext_lazy("Nieuwbouw middenhuur"), gettext_lazy("woningen"), nieuwbouw=True),
    Onderwerp("nieuwbouw_overig", gettext_lazy("Nieuwbouw overig (koop)"), gettext_lazy("woningen"), nieuwbouw=True),
    Onderwerp("verkoop", gettext_lazy("Verkoop"), gettext_lazy("woningen")),
    Onderwerp("sloop", gettext_lazy("Sloop"), gettext_lazy("woningen")),
    Onderwerp("liberalisatie", gettext_lazy("Liberalisatie"), gettext_lazy("woningen")),
    Onderwerp("verbeterd_efg", gettext_lazy("Verbeterd, van label E, F of G"), gettext_lazy("woningen")),
    Onderwerp("verbeterd_overig", gettext_lazy("Verbeterd, van label D of beter"), gettext_lazy("woningen")),
    Onderwerp(
        "huurverhoging",
        gettext_lazy("Huurbeleid: gemiddelde huurverhoging"),
        "%",
        minimum=Decimal(-100),
        maximum=Decimal(100),
    ),
)
BY_KEY = {o.key: o for o in ONDERWERPEN}

THEMAS = (
    ("beschikbaarheid", gettext_lazy("Beschikbaarheid")),
    ("betaalbaarheid", gettext_lazy("Betaalbaarheid")),
    ("duurzaamheid", gettext_lazy("Duurzaamheid en kwaliteit")),
    ("leefbaarheid", gettext_lazy("Leefbaarheid")),
    ("wonen_zorg", gettext_lazy("Wonen, welzijn en zorg")),
)
MAX_TEXT = 10_000  # characters per theme


def years(jaar: int) -> list[int]:
    """The years of a bod's overview: the year it is for and the four after it."""
    return list(range(jaar, jaar + YEARS))


def default_deadline(jaar: int) -> date:
    """The Woningwet's date: the bod for next year's agreements by 1 July of this year."""
    return date(jaar - 1, 7, 1)


def deadline_error(deadline: date | None, today: date) -> str | None:
    """A deadline in the past is refused, in words the user reads."""
    if deadline is not None and deadline < today:
        return _("Deze datum (%(d)s) ligt in het verleden. Kies vandaag of een latere datum.") % {
            "d": deadline.strftime("%d-%m-%Y")
        }
    return None


def value_error(onderwerp: Onderwerp, value: Decimal) -> str | None:
    if not onderwerp.minimum <= value <= onderwerp.maximum:
        return _("%(o)s: kies een getal tussen %(min)s en %(max)s.") % {
            "o": onderwerp.label,
            "min": onderwerp.minimum,
            "max": onderwerp.maximum,
        }
    if onderwerp.eenheid != "%" and value != value.to_integral_value():
        return _("%(o)s: een aantal woningen is een heel getal.") % {"o": onderwerp.label}
    return None


# --- status -------------------------------------------------------------------------------------

CONCEPT, INGEDIEND, GEREAGEERD, BEANTWOORD = "concept", "ingediend", "gereageerd", "beantwoord"


def status(*, ingediend: bool, expected: set[int], reacted: set[int], answered: set[int]) -> str:
    """Where a bod stands: a concept until submitted; then it waits for a reaction of each party that
    is expected to react (its tenant associations and the municipality); once all reacted it waits
    for the corporation's answer to each reaction."""
    if not ingediend:
        return CONCEPT
    if not expected <= reacted:
        return INGEDIEND
    if not reacted <= answered:
        return GEREAGEERD
    return BEANTWOORD
