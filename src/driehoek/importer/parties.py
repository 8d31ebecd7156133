"""The parties of a document, found in its own text: a list of signing parties ("1. Stichting X,
rechtsgeldig vertegenwoordigd door ..., hierna te noemen: ‘X’"), or enumerations after a group word
("woningcorporaties A, B en C", "huurdersverenigingen D en E"), or names that start with an
organisation word ("Stichting Woonbelang", "Huurdersraad Zuidkust"). No party name is known in advance. The
signing list itself: signing.py; a title block and an opening sentence: title_block.py.
"""

import re
from dataclasses import dataclass, field

from . import signing

GEMEENTE, CORPORATIE, HUURDERS, ZORG, OVERIG = "gemeente", "corporatie", "huurdersorganisatie", "zorg_welzijn", "overig"

# Group words and the kind of party they stand for, in the forms documents use.
GROUP_WORDS = {
    GEMEENTE: r"gemeente|gemeentelijk|college",
    CORPORATIE: r"(?:woning|woon)?corporaties?|woningcorporatie\(s\)|corporatie\(s\)|woningstichting(?:en)?",
    HUURDERS: r"huurders(?:organisaties?|vereniging(?:en)?|belangenorganisaties?|belangenvereniging(?:en)?|raden|raad)"
    r"|huurdersorganisatie\(s\)|bewonersorganisaties?|bewonersra(?:ad|den)",
}
# An organisation word: "Stichting", or a compound that ends in one ("Woonstichting", "Huurderscollectief",
# "Bewonerskoepel", "Zorggroep"), or starts with the tenants' word ("Huurdersraad", "Bewonersraad").
ORG_PREFIX = (
    r"(?:Algemene\s+)?(?:Stichting|Vereniging|Coöperatie|"
    r"[A-Z][a-zë]*(?:stichting|corporatie|vereniging|collectief|platform|koepel|groep|federatie|coöperatie|bond)|"
    r"(?:Huurders|Bewoners)(?:raad|organisatie|belang)|Huurdersbelangenvereniging|(?:Woon|Woning)bedrijf)"
)
NAME_WORD = r"(?:(?:[A-Z]|\d+[A-Za-z])(?:[\w&'’\-]|\.(?=\w))*)"
JOINER = r"(?:\s+(?:en|aan|den|de|op|van|der|het|la)\s+(?=[A-Z])|\s+)"
NAME = rf"(?:(?:[Dd]e|[Hh]et|'t)\s+)?{NAME_WORD}(?:{JOINER}{NAME_WORD})*"
# An organisation's name: "en" joins two organisations, not two words of one name; nor does a second
# organisation word ("Woonstichting X Huurdersvereniging Y": a title block whose separators were lost).
ORG_NAME = (
    rf"(?:(?:[Dd]e|[Hh]et|'t)\s+)?{NAME_WORD}"
    rf"(?:(?:\s+(?:aan|den|de|op|van|der|het)\s+(?=[A-Z])|\s+)(?!{ORG_PREFIX}\s){NAME_WORD})*"
)
MAX_NAMES = 200  # organisation names weighed per document
# The words before a short name in brackets: "(hierna: X)", "(hierna te noemen ‘X’)", "(verder: X)".
LEAD_IN = r"(?:(?:hierna(?:\s+te\s+noemen)?|verder|kortweg)\s*:?\s*)?[‘'\"“]?"
# Words of a document's structure, not of a name: the next line after a group word may start with one.
# (A field at a line's start, "Trekker:", "Toelichting:", "Planning:", ends a name already: find() marks it.)
STRUCTURE_WORD = re.compile(r"(?i)^(?:afspraak|afspraken|thema|hoofdstuk|bijlage)\b")


@dataclass
class Partij:
    name: str
    short_name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    code: str = ""  # the code the document gives it ("hierna: X (XW)"), used in its tables' lead column

    def as_dict(self) -> dict:
        return {"name": self.name[:200], "short_name": self.short_name[:80], "kind": self.kind}


def kind_of(text: str, default: str = OVERIG) -> str:
    """The kind from the organisation words of a name: "Welzijnsstichting" is care, "Woonstichting" housing."""
    lowered = text.lower()
    if "gemeente" in lowered:
        return GEMEENTE
    if "huurder" in lowered or "bewoners" in lowered or re.search(r"\b(?:hbv|hv|hav|hr)\b", lowered):
        return HUURDERS  # also the tenants' usual abbreviations: HBV, HV (huurders(belangen)vereniging)
    if re.search(r"woon|woning|corporatie|wonen|bouwvereniging", lowered):
        return CORPORATIE
    if "zorg" in lowered or "welzijn" in lowered:
        return ZORG
    if "stichting" in lowered:
        return CORPORATIE
    return default


def find(text: str) -> tuple[list[Partij], list[signing.Ondertekening]]:
    flat = re.sub(r"\s+", " ", text)
    parties, signatories = signing.signing_list(flat)
    if len(parties) < 2:
        # A field at a line's start ("Looptijd: 2026", "Wie: corporaties") ends the sentence before it, and ends
        # at its line where it does not stop on a comma or "en": no name runs on into it or out of it.
        fielded = re.sub(r"(?m)^(\s*[A-Z][\w ]{0,25}:.*?)(?<![,\s])(?<!\ben)\s*$", r"; \1;", text)
        fielded = re.sub(r"\s+", " ", fielded)
        parties = _enumerations(fielded[: max(6000, len(fielded) // 3)], text)
        signatories = []
    _listed(parties, text)
    _from_title_block(parties, text)
    named = {id(p) for p in parties}  # named as a party (a signing or party list, a title block, an enumeration)
    _add_org_names(parties, flat, text)
    _beside_parties(parties, text)
    for p in parties:
        _complete(p, flat)
    _last_words(parties, flat)
    for p in parties:  # an alias two parties share names neither
        shared = {a for a in p.aliases for q in parties if q is not p and a in q.aliases}
        p.aliases -= shared - {p.name, p.short_name}
    _defined_short_names(parties, flat)
    # A name the text only uses is no party where the head's "tussen X en Y" and the signing block agree without it.
    signed = signing.signers(text, [p.name for p in parties])
    if signed:
        parties = [p for p in parties if p.name in signed or id(p) in named]
    return parties, signatories


def _defined_short_names(parties: list[Partij], flat: str) -> None:
    """ "Waar we 'X' schrijven, bedoelen we Wooncorporatie X": the short name the text uses."""
    defined = re.compile(r"[‘'\"“]([^’'\"”]{2,40})[’'\"”][^.;‘'\"“]{0,30}?\bbedoelen\s+we\s+([^.;,]{3,80})")
    for m in defined.finditer(flat[:20000]):
        short, full = m.group(1).strip(), m.group(2).strip().lower()
        for p in parties:
            if full.startswith(p.name.lower()) and p.kind != GEMEENTE:
                _define(parties, p, short)
    # "Stichting Thuiswonen (Thuiswonen); Huurdersraad Thuiswonen (Huurdersraad)": a name, its short one in brackets,
    # also "(hierna: Thuiswonen)", "(verder ‘Thuiswonen’)".
    for p in parties:
        m = re.search(
            rf"{re.escape(p.name)}\s*\(\s*{LEAD_IN}(?:de\s+|het\s+)?([A-Z][^()‘’'\"“”]{{1,40}}?)[’'\"”]?\s*\)",
            flat[:20000],
        )
        if m and p.kind != GEMEENTE and len(m.group(1).split()) <= 4:
            _define(parties, p, m.group(1))


def _define(parties: list[Partij], party: Partij, short: str) -> None:
    """The document's own short name for a party: it is that party's alone, and its old short name goes."""
    if party.short_name != short:
        party.aliases.discard(party.short_name)
    party.short_name = short
    party.aliases |= {short, party.name}
    for other in parties:
        if other is not party:
            other.aliases = {a for a in other.aliases if a.lower() != short.lower()}


def _enumerations(flat: str, text: str = "") -> list[Partij]:
    parties: list[Partij] = []
    # The municipality's name within one line: a title block puts the next party on the next line.
    municipality = next(
        (m for line in (text or flat).splitlines() if (m := re.search(rf"\b[Gg]emeente\s+({NAME})", line))), None
    )
    if municipality:
        # "Gemeente X en Y" is one name, but "Gemeente X en Woningstichting Y" (or a title block's "Gemeente X
        # Woonstichting Y", its separators gone) names two parties.
        name = _trim(re.split(rf"\s+(?:en\s+)?(?={ORG_PREFIX}|[Gg]emeente\b)", municipality.group(1))[0])
        parties.append(Partij(f"Gemeente {name}", "Gemeente", GEMEENTE, {f"Gemeente {name}"}))
    for kind, words in ((CORPORATIE, GROUP_WORDS[CORPORATIE]), (HUURDERS, GROUP_WORDS[HUURDERS])):
        for m in re.finditer(rf"\b(?:{words})\s+({NAME}(?:(?:,\s*|\s+en\s+){NAME})*)", flat):
            places = {re.sub(r"^Gemeente\s+", "", p.name).lower() for p in parties if p.kind == GEMEENTE}
            for raw in re.split(r",\s*|\s+en\s+(?=(?:[Dd]e\s+)?[A-Z])", m.group(1)):
                name = _trim(raw)
                if STRUCTURE_WORD.match(name):
                    continue  # "Trekker: corporaties" + the next line's "Afspraak 2.2": no party
                if name and not _known(parties, name) and len(name) > 2 and name.lower() not in places:
                    name = name[0].upper() + name[1:]
                    bare = re.sub(rf"^{ORG_PREFIX}\s+", "", name)
                    short = name if bare.lower() in places or not bare else bare
                    # "woningcorporaties A en HBV B": the name's own organisation word says more than the group's.
                    own = kind_of(name, default="") if re.match(rf"(?:{ORG_PREFIX}|HBV|HV)\s", name) else ""
                    parties.append(Partij(name, short, own if own and own != GEMEENTE else kind, {name, short}))
    return parties


def _add_org_names(parties: list[Partij], flat: str, text: str = "") -> None:
    """Names such as "Stichting Woonbelang" that a document uses at least twice. A name is taken from the
    running text and from within one line (a title block's next line, "Gemeente X", is no part of it);
    the longest first, and a name counts only where it is not part of a longer name that counts itself
    ("Huurdersraad Noord" wrapped from "Huurdersraad Noord Thuis")."""
    seen: dict[str, int] = {}
    for source in (flat, *(line.replace("\t", " ") for line in (text or "").splitlines())):
        for m in re.finditer(rf"\b({ORG_PREFIX}[ \t]+{ORG_NAME})", source):
            name = _trim(m.group(1))
            if source[m.end() : m.end() + 1] == ":":  # "... en Bewonersraad" + "Betrokken: X": a field's word
                name = name.rsplit(" ", 1)[0]
            seen[name] = seen.get(name, 0) + 1
    # Bounded: the most frequent names only, each counted once over the text (a long document stays linear).
    candidates = sorted(seen, key=seen.get, reverse=True)[:MAX_NAMES]
    places = {re.sub(r"^[Gg]emeente\s+", "", p.name).lower() for p in parties if p.kind == GEMEENTE}
    counted: dict[str, int] = {}
    for name in sorted(candidates, key=len, reverse=True):
        n = flat.count(name)
        n -= sum(c for longer, c in counted.items() if longer.startswith(name + " "))
        bare = re.sub(rf"^{ORG_PREFIX}\s+", "", name)
        if bare and bare != name and len(bare.split()) >= 2:
            n = max(n, len(re.findall(rf"\b{re.escape(bare)}\b", flat)))  # "De Nesten" on its own
        if n >= 2:
            counted[name] = n
    for name in sorted(counted, key=flat.find):
        bare = re.sub(rf"^{ORG_PREFIX}\s+", "", name)
        if not bare or bare == name or _known(parties, name) or _part_of_a_name(parties, name):
            continue
        # "Huurdersraad X" beside corporation X, or in municipality X: another party, known by its full name.
        other = next((p for p in parties if _known([p], bare)), None)
        if other is None or other.kind != kind_of(name):
            short = name if bare.lower() in places or other is not None else bare
            parties.append(Partij(name, short, kind_of(name), {name, short}))


def _from_title_block(parties: list[Partij], text: str) -> None:
    from . import title_block

    for name in title_block.names(text):
        if not _known(parties, name) and not any(p.kind == GEMEENTE for p in parties if kind_of(name) == GEMEENTE):
            bare = re.sub(rf"^{ORG_PREFIX}\s+", "", name)
            parties.append(Partij(name, bare or name, kind_of(name), {name, bare or name}))


def _beside_parties(parties: list[Partij], text: str) -> None:
    from . import title_block

    for name in title_block.beside_parties(text, lambda n: _known(parties, n) or _part_of_a_name(parties, n)):
        if not _known(parties, name):
            parties.append(Partij(name, name, kind_of(name), {name}))


def _listed(parties: list[Partij], text: str) -> None:
    """A bullet list of parties in the introduction ("• Woonstichting X (X);"): each a party, named once."""
    head = text[: max(8000, len(text) // 3)]
    bullet = re.compile(
        rf"^\s*[•●▪◦\-–*]\s+(?:de\s+)?({ORG_PREFIX}[ \t]+{ORG_NAME})(?:\s*\({LEAD_IN}([^()‘’'\"“”]{{2,40}})[’'\"”]?\))?"
    )
    for line in head.splitlines():
        m = bullet.match(line)
        if not m:
            continue
        name = _trim(m.group(1))
        bare = re.sub(rf"^{ORG_PREFIX}\s+", "", name)
        if not bare or bare == name or _known(parties, name) or _part_of_a_name(parties, name):
            continue
        short = m.group(2).strip() if m.group(2) and len(m.group(2).split()) <= 4 else bare
        if short[:3] in ("de ", "het") and short[3:4].islower():
            short = bare
        parties.append(Partij(name, short, kind_of(name), {name, short}))
    # A numbered or bulleted list that defines each party's short name ("2. X Wonen, hierna: X;"): a name without
    # an organisation word is a party where its words still say a kind ("Wonen", "Zorg").
    defining = re.compile(
        rf"^\s*(?:\d{{1,2}}[.)]|[•●▪◦\-–*])\s+(?:de\s+)?({ORG_NAME}),?\s*\(?(?:hierna(?:\s+te\s+noemen)?|verder)"
        rf"\s*:?\s*(?:de\s+|het\s+)?[‘'\"“]?([A-Z][^()‘’'\"“”;.,]{{1,40}}?)[’'\"”]?\)?\s*[;.,]?\s*$"
    )
    for line in head.splitlines():
        m = defining.match(line)
        if not m or len(m.group(1).split()) > 6:
            continue
        name, short = _trim(m.group(1)), m.group(2).strip()
        kind = kind_of(name, default="")
        if kind in ("", GEMEENTE) or _known(parties, name) or _part_of_a_name(parties, name):
            continue
        parties.append(Partij(name, short, kind, {name, short}))


def _complete(party: Partij, flat: str) -> None:
    """A full name the document also uses ("Woningstichting De X" for "De X")."""
    if party.kind == GEMEENTE:
        return
    m = re.search(rf"\b({ORG_PREFIX})\s+{re.escape(party.short_name)}\b", flat)
    if m and party.name == party.short_name:
        party.name = f"{m.group(1)} {party.short_name}"
    bare = re.sub(r"^(?:De|Het)\s+", "", party.short_name)
    party.aliases |= {party.name, party.short_name}
    if bare != party.short_name and len(bare) > 3:
        party.aliases.add(bare)


def _last_words(parties: list[Partij], flat: str) -> None:
    """ "Stichting Wonen Zuidwijk" that the text calls "Zuidwijk", "Stichting Noord Wonen" called "Noord":
    a word of the name used on its own at least twice, never in lower case (a proper name, not "wonen")
    and in no other party's name. Where the document uses it alone more often than the name, it is the
    short name."""
    for party in parties:
        words = party.short_name.split()
        if len(words) < 2 or party.kind == GEMEENTE:
            continue
        for word in reversed(words):
            if len(word) <= 3 or not word[0].isupper() or re.match(ORG_PREFIX + "$", word):
                continue
            if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", flat):
                continue
            if any(word in alias.split() for q in parties if q is not party for alias in q.aliases | {q.name}):
                continue
            alone = len(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flat))
            whole = len(re.findall(rf"(?<![\w-]){re.escape(party.short_name)}(?![\w-])", flat))
            if alone - whole >= 2:
                party.aliases.add(word)
                if alone - whole > whole:
                    party.short_name = word  # the name the document uses
                break


def _trim(name: str) -> str:
    name = name.strip(" .,;:()")
    # A sentence word caught at the end ("Woonstichting X Dit"), or a trailing article.
    name = re.sub(r"\s+(?:De|Het|Dit|Deze|Zij|Wij|We|In|Op|Met)$", "", name)
    return name.strip()


def _part_of_a_name(parties: list[Partij], name: str) -> bool:
    """ "Huurdersvereniging Wonen" of a known "Huurdersvereniging Wonen en Leven": no party of its own."""
    start = name.lower() + " "
    return any(a.lower().startswith(start) for p in parties for a in p.aliases | {p.name})


def _known(parties: list[Partij], name: str) -> bool:
    lowered = name.lower()
    return any(lowered in {a.lower() for a in p.aliases} or lowered == p.name.lower() for p in parties)
