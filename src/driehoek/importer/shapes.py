"""What lines look like: the patterns of headings, numbered agreements, bullets, labels ("Doel:",
"Richtingen", "Dit doen we al"), sections and responsibility lines, and the parts a structure is
made of (chapters with their agreements). Shapes only: no municipality's words."""

import re
from dataclasses import dataclass, field

# "Thema 2", "Hoofdstuk 5", "Deel A", "Artikel 3" (an agreement in articles), "§ 3" (also "§3"): a heading by
# the word or sign before its number.
HEADING_WORD = re.compile(
    r"^(?:(?:thema|hoofdstuk|deel|artikel)\s+|§\s*)(\d{1,2}(?:\.\d{1,2})*|[A-Z](?!\w))\s*[:.\-–]?\s*(.*)$", re.I
)
THEME_COLON = re.compile(r"^thema\s*[:\-–]\s*(.+)$|^(?:Thema|THEMA)\s+([A-Z][^\s:]*(?:\s+[^\s:]+){0,4})$")
NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,2}){0,2})([.)]?)\s+(\S.*)$")
# "Afspraak 4", "Afspraak 2.3", "Afspraak A1", "Afspraak A.3", "Afspraak 3a", "Afspraak 3.a"; also under another
# label word a document uses for its agreements ("Actie 3", "Prestatie 2.1", "Maatregel 4", "Toezegging 5").
AGREEMENT_WORD = re.compile(
    r"^(?:Afspraak|AFSPRAAK|Actie|Prestatie|Maatregel|Toezegging|Resultaat)\s+"
    r"((?:[A-Z]{1,3}-|[A-Z]?\.?)\d{1,3}(?:\.\d{1,2}){0,2}(?:\.?[a-z])?)(?![,;)\w])\s*[:.\-–]?\s*(.*)$"
)
BULLET = re.compile(r"^([•●○▪■◦➔➢►✓·](?=\s*\S)|[–\-*](?=\s))\s*(\S.*)$")
DOEL = re.compile(
    r"^((?:(?:Onze|Ons|De)\s+(?:doel|ambitie|opgave)|Doel|DOEL|Ambitie|Opgave)(?:stelling)?(?:en|s)?)\s*:\s*(.*)$"
)
RICHTINGEN = re.compile(
    r"^((?:Richtingen|Uitgangspunt(?:en)?|Uitgangspunten en doelen|Principes|Speerpunten|Wat we willen bereiken)|"
    r"(?:RICHTINGEN|UITGANGSPUNT(?:EN)?))\s*:?\s*(.*)$"
)
LOPEND = re.compile(
    r"^((?i:dit doen we al)\b.*|(?:Door)?(?:L|l)opende (?:afspraken|activiteiten|inzet).*|Bestaande afspraken.*|"
    r"Dit loopt (?:al|door)\b.*|Wat (?:al )?doorloopt\b.*|Wat we al doen.*|DIT DOEN WE AL.*)$"
)
SECTION = re.compile(
    r"^(?:(?:gezamenlijke|onze|concrete|nieuwe|overige)\s+)?(?:afspraken|prestaties|uitvoeringsafspraken|inzet|"
    r"bijdrage|acties|activiteiten)\b|^gezamenlijk\b|^doorkijk\b|^vooruitblik\b|^wat (?:we|wij) afspreken\b"
    r"|^afspraken (?:met|van|voor)\b",
    re.I,
)
# "Trekker: corporaties, gemeente", "Verantwoordelijk: X", "Wie: alle partijen": who carries the agreement; also after
# a field of those that help or say when ("Samen met: X | Regie: Y", "Termijn: 2026 · Trekker: Y": lead_fields.py).
RESPONSIBLE = re.compile(
    r"^(?:[→➔►>]\s*)?"
    r"(?:(?:Samen\s+met|Betrokken(?:\s+partij(?:en)?)?|Partners?|Ondersteun\w*|Termijn|Planning|Gereed|Wanneer)"
    r"\s*:[^|·•;:]{1,80}?\s*[|·•;/]\s+){0,3}"
    r"(?:(?:Kar)?Trekkers?|(?:Eerst|Hoofd|Eind)?Verantwoordelijke?(?:\s+partij(?:en)?)?"
    r"|Verantwoordelijkheid|Initiatiefnemers?|Wie(?:\s+doet\s+(?:het|wat)|\s+trekt)?"
    r"|Actiehouders?|Uitvoerders?|Uitvoering(?:\s+door)?|Uitvoerende\s+partij(?:en)?|Eigenaar|Lead|Regie|Penvoerder"
    r"|Door|Aan\s+zet|Partij(?:en)?)(?:\s*:|\s+[–-](?=\s))\s*(\S.{0,200})$",
    re.I,
)


def wraps_names(lead: str, line: str, nxt: str) -> bool:
    """A responsibility line wrapped inside its last name ("Partijen: gemeente, X, HBV" + "Noord"): the lead stops
    on a comma, a joining word, an abbreviation in capitals or an organisation word, and the next line is short,
    without a sentence's end, with the text's first sentence after it."""
    last = lead.split()[-1] if lead.split() else ""
    mid_name = (
        lead.endswith((",", "&"))
        or last in ("en", "van", "de", "der", "het")
        or bool(
            re.fullmatch(
                r"[A-Z]{2,5}|(?:Stichting|Vereniging|Huurders\w*|Bewoners\w*|\w*(?:stichting|vereniging))", last
            )
        )
    )
    return (
        mid_name
        and len(line.split()) <= 3
        and line[:1].isupper()
        and not re.search(r"[.:;!?]$", line)
        and not RESPONSIBLE.match(line)
        and len(nxt.split()) > 3
    )


YEAR_TAIL = re.compile(r"\s*\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*\.?$")
SENTENCE_END = (".", ",", ";", ":", "!", "?")


# The document's frame: chapters that hold no agreements (generic words of the genre, no document's names).
FRAME = re.compile(
    r"(?i)^(?:\W*)(?:inleiding|introductie|vooraf|voorwoord|aanleiding|leeswijzer|inhoud(?:sopgave)?|monitoring|evaluatie|"
    r"ondertekening|handtekeningen|bijlage|colofon|samenvatting|begrippen(?:lijst)?|partijen|ondertekenaars|"
    r"looptijd|slotbepalingen|geschillen|(?:algemene|overige)\s+bepalingen|begripsbepalingen)\b"
)


@dataclass
class Afspraak:
    number: str
    section: str
    section_parties: list[str]
    start: int
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line index, text); the first is the opening
    title: str = ""
    bullet: bool = False
    lead: str = ""  # a responsibility line ("Trekker: gemeente"): the parties it names are responsible
    by_heading: bool = False  # a bullet under a party heading ("Wat doet de gemeente:"): those parties
    under_lead_in: bool = False  # under a lead-in line ("De afspraken bouwen voort op:"; outline.py)

    @property
    def end(self) -> int:
        return self.lines[-1][0] if self.lines else self.start


@dataclass
class Hoofdstuk:
    number: str
    title: str
    start: int
    placeholder: bool = False
    doel: list[str] = field(default_factory=list)
    richtingen_label: str = ""
    richtingen: list[list[str]] = field(default_factory=list)
    lopende: list[list[str]] = field(default_factory=list)
    intro: list[tuple[int, str]] = field(default_factory=list)
    agreements: list[Afspraak] = field(default_factory=list)
    loose: list[tuple[int, str]] = field(default_factory=list)  # text after the last list: a next theme's intro?


@dataclass
class Structure:
    chapters: list[Hoofdstuk]
    double_spaced: bool
    notes: list[str] = field(default_factory=list)

    @property
    def themes(self) -> list[Hoofdstuk]:
        return [c for c in self.chapters if c.agreements]


# A title that is a short list in a title: "Zorg, welzijn en leefbaarheid", "Wonen, zorg & welzijn".
COMMA_LIST = re.compile(r"^[A-Z][\w-]*(?:\s[\w-]+)?(?:,\s[\w-]+(?:\s[\w-]+)?){1,3}\s(?:en|&)\s[\w-]+(?:\s[\w-]+)?$")


def comma_list(text: str) -> bool:
    """A title that lists a few subjects with commas and a last "en" ("Zorg, welzijn en leefbaarheid")."""
    return len(text.split()) <= 8 and COMMA_LIST.match(text) is not None


def is_heading_title(title: str) -> bool:
    words = title.split()
    if not words or len(words) > 10 or len(title) > 90:
        return False
    if title.rstrip("*").endswith(SENTENCE_END[1:]) or not (title[0].isupper() or title[0].isdigit()):
        return False
    return not re.search(r"[.;!?]\s", title)


def is_caps(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def double_spaced(lines: list[str]) -> bool:
    """Text extracted with a blank line after nearly every line, sentences running on over it ("... de" + blank
    + "woningen ..."); not a text whose every paragraph is one line with a blank line after it."""
    text = [k for k, line in enumerate(lines[:-1]) if line.strip() and line != "\f"]
    spaced = [k for k in text if not lines[k + 1].strip()]
    if not text or len(spaced) <= 0.85 * len(text):
        return False
    running = 0
    for k in spaced:
        nxt = next((x.strip() for x in lines[k + 1 : k + 3] if x.strip() and x != "\f"), "")
        running += nxt[:1].islower()
    return running >= 0.05 * len(spaced)
