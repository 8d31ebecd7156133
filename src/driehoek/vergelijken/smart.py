"""How concrete (SMART) an agreement is: five questions, each answered from the text and, where the
agreement is in the register, from its parties, indicators and targets.

Plain functions on strings and counts, so that the same rules serve the register, the importer's
review screen and a proposal that is still being typed. The questions are the ones national studies
ask of prestatieafspraken: is there a number or a measurable result, a year or a deadline, a
responsible party, an indicator in the monitoring, and a baseline to measure from?
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

YEAR = re.compile(r"\b(19|20)\d\d\b")
# A number that is not a year, a date part or an agreement's own reference: 40 woningen, 85%, 1.544.
NUMBER = re.compile(r"(?<![\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(%|procent|woning|huishoud|eenhed|label|\w)")
NUMBER_WORDS = re.compile(
    r"\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|honderd)"
    r"\s+(woning|huishoud|keer|bijeenkomst|overleg|locatie|project|complex)",
    re.IGNORECASE,
)
# A result you can see delivered, even without a number: an inventory made, a covenant signed, a plan
# adopted. Both the thing and the act of delivering it must be there ("maken een inventarisatie").
RESULT = re.compile(
    r"\b(inventarisatie|convenant|plan van aanpak|uitvoeringsprogramma|programma|regeling|protocol|"
    r"overzicht|rapportage|evaluatie|nulmeting|visie|beleidsregel|verordening|warmteprogramma)\b",
    re.IGNORECASE,
)
DELIVERED = re.compile(
    r"\b(opgesteld|opstellen|stelt .{0,40}op|vastgesteld|vaststellen|stelt .{0,40}vast|gemaakt|maken|maakt|"
    r"uitgevoerd|uitvoeren|voert .{0,40}uit|geëvalueerd|evalueren|opgeleverd|ondertekend|ondertekenen|sluiten|"
    r"klaar|gereed)\b",
    re.IGNORECASE,
)
DEADLINE = re.compile(
    r"\b(uiterlijk|vóór|voor het einde van|eind|begin|medio|jaarlijks|elk jaar|ieder jaar|per jaar|"
    r"halfjaarlijks|per kwartaal|t/m|tot en met|binnen \w+ (maanden|jaar|weken)|"
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b",
    re.IGNORECASE,
)
ACTOR = re.compile(
    r"\b(de gemeente|gemeente \w+|de corporaties?|woningcorporaties?|woningstichting|huurdersvereniging|"
    r"huurdersorganisaties?|de huurdersverenigingen|de partijen|partijen)\b",
    re.IGNORECASE,
)
BASELINE = re.compile(
    r"\b(nulmeting|uitgangssituatie|ten opzichte van|t\.o\.v\.|vergeleken met|van \d[\d.,]*\s*\w*\s*naar|"
    r"huidige (aantal|stand|voorraad|niveau)|momenteel|op dit moment|peildatum|per 1 januari|stand van)\b",
    re.IGNORECASE,
)
# Wording that promises effort rather than a result; shown as a hint, not counted as a question.
VAGUE = re.compile(
    r"\b(in gesprek|spannen (ons|zich) in|zetten (ons|zich) in|streven|waar mogelijk|"
    r"onderzoeken|verkennen|aandacht voor|denken .{0,20}mee|indien mogelijk|zo veel mogelijk|zoveel mogelijk)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Vraag:
    code: str
    label: str
    ontbreekt: str  # the sentence shown when the answer is no


VRAGEN = (
    Vraag(
        "meetbaar",
        _("Noemt een getal of meetbaar resultaat"),
        _("Noem een aantal, percentage of op te leveren resultaat."),
    ),
    Vraag("tijd", _("Noemt een jaar of termijn"), _("Noem het jaar of de datum waarop het resultaat er is.")),
    Vraag("verantwoordelijk", _("Noemt wie het doet"), _("Noem welke partij het doet of trekt.")),
    Vraag(
        "indicator", _("Heeft een indicator in de monitoring"), _("Leg vast waaraan de voortgang jaarlijks te zien is.")
    ),
    Vraag(
        "nulmeting", _("Noemt een nulmeting of beginstand"), _("Noem de stand van nu, zodat de voortgang te meten is.")
    ),
)
CONCREET = 4  # at least this many yeses: concrete; the national overview counts these
DEELS = 2


@dataclass
class Smartscore:
    ja: dict[str, bool]
    vaag: list[str] = field(default_factory=list)

    @property
    def punten(self) -> int:
        return sum(self.ja.values())

    @property
    def oordeel(self) -> str:
        if self.punten >= CONCREET:
            return "concreet"
        return "deels" if self.punten >= DEELS else "vaag"

    @property
    def redenen(self) -> list[tuple[Vraag, bool]]:
        return [(vraag, self.ja[vraag.code]) for vraag in VRAGEN]

    @property
    def ontbrekend(self) -> list[Vraag]:
        return [vraag for vraag in VRAGEN if not self.ja[vraag.code]]


def has_measure(text: str) -> bool:
    without_years = YEAR.sub(" ", text)
    delivered = RESULT.search(text) and DELIVERED.search(text)
    return bool(NUMBER.search(without_years) or NUMBER_WORDS.search(text) or delivered)


def has_deadline(text: str) -> bool:
    return bool(YEAR.search(text) or DEADLINE.search(text))


def has_actor(text: str) -> bool:
    return bool(ACTOR.search(text))


def has_baseline(text: str) -> bool:
    return bool(BASELINE.search(text))


def vague_phrases(text: str) -> list[str]:
    return sorted({m.group(0).lower() for m in VAGUE.finditer(text)})


def score_text(text: str, *, partijen: int = 0, indicatoren: int = 0, doelstellingen: int = 0) -> Smartscore:
    """Score a text; the counts say what the register records beside it (0 for a draft)."""
    text = text or ""
    return Smartscore(
        ja={
            "meetbaar": doelstellingen > 0 or has_measure(text),
            "tijd": has_deadline(text),
            "verantwoordelijk": partijen > 0 or has_actor(text),
            "indicator": indicatoren > 0,
            "nulmeting": has_baseline(text),
        },
        vaag=vague_phrases(text),
    )


def score_afspraak(afspraak) -> Smartscore:
    """An agreement in the register; cheap when verantwoordelijkheden, indicatoren and doelstellingen are
    prefetched, as the agreement page does."""
    return score_text(
        afspraak.tekst,
        partijen=len(afspraak.verantwoordelijkheden.all()),
        indicatoren=len(afspraak.indicatoren.all()),
        doelstellingen=len(afspraak.doelstellingen.all()),
    )
