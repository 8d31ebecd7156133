"""Who is responsible for an agreement, read from its sentences and its section.

A party named as actor counts ("De gemeente organiseert ... met de corporaties"); a party after a
preposition that makes it a recipient or a place does not ("advies bij de huurdersvereniging", "in de
gemeente", "aan de huurdersorganisaties"). "Partijen", and "we" in the opening sentence, mean every
party. With nobody named, the section's parties answer, then the monitoring table's actiehouders.
"""

import re

from .parties import CORPORATIE, GEMEENTE, GROUP_WORDS, HUURDERS, Partij

EXCLUDING = (
    r"bij|aan|in|binnen|van|naar|uit|conform|richting|tot|over|onder|via|tussen|"
    r"in\s+(?:samenwerking|overleg|gesprek|afstemming)\s+met|\w*ge\w+[dt]\s+samen\s+met"  # help: "opgesteld samen met"
)
# A finite verb whose object is a party: "De gemeente informeert de corporaties", "betrekt zij de huurders".
OBJECT_VERB = (
    r"(?:informeert|informeren|nodigt|nodigen|betrekt|betrekken|ondersteunt|ondersteunen|adviseert|verwijst|"
    r"verstrekt)(?:\s+(?:zij|hij|ze|jaarlijks|tijdig|actief|ook|ieder\s+kwartaal))*"
)
PASSIVE = re.compile(
    r"^[^.;:]{0,40}?\b(?:worden|wordt|zijn|is)\s+(?:\w+\s+){0,3}?"
    r"(?:betrokken|geïnformeerd|bijgepraat|uitgenodigd|gevraagd|gehoord|geraadpleegd)\b",
    re.I,
)
ALL = re.compile(r"(?<![\w-])(?:alle\s+)?partijen\b|\b(?:we|wij|ons|onze)\b", re.I)
PARTIES_WORD = re.compile(r"(?<![\w-])(?:de\s+|alle\s+)?partijen\b", re.I)
WE = re.compile(r"\b(?:we|wij)\b", re.I)


def _acting_parties(text: str) -> bool:
    """ "Partijen ontwikkelen ...": all parties act; "... bespreekt dit met de andere partijen" does not say so."""
    for m in PARTIES_WORD.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if not re.search(rf"(?i)\b(?:{EXCLUDING}|met|voor|door|andere)\s+(?:de\s+|alle\s+|andere\s+)*$", before):
            return True
    return False


class Matcher:
    def __init__(self, parties: list[Partij]):
        self.parties = parties
        terms: list[tuple[str, list[str]]] = []
        for p in parties:
            for alias in p.aliases:
                terms.append((re.escape(alias), [p.name]))
        for kind in (GEMEENTE, CORPORATIE, HUURDERS):
            members = [p.name for p in parties if p.kind == kind]
            if members:
                terms.append((GROUP_WORDS[kind], members))
        terms.sort(key=lambda t: len(t[0]), reverse=True)
        self.terms = terms
        self.pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(f"(?:{t})" for t, _m in terms) + r")(?![\w-])", re.I)
            if terms
            else None
        )

    def mentions(self, text: str) -> list[str]:
        """Parties named as actors, in the order the text names them."""
        if self.pattern is None:
            return []
        found: list[str] = []
        excluded_until = -1
        for m in self.pattern.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if (
                re.search(rf"(?i)\b(?:{EXCLUDING}|{OBJECT_VERB})\s+(?:de\s+|het\s+|haar\s+|hun\s+|alle\s+)?$", before)
                or re.search(r"(?i)\bconform\b[^,.;]{0,30}$", before)
                or PASSIVE.match(text[m.end() : m.end() + 80])
            ):
                excluded_until = m.end() + 1
                continue
            if m.start() <= excluded_until + 6 and re.match(
                r"(?i)^\s*(?:,|en|of)\s*(?:de\s+)?$", text[excluded_until - 1 : m.start()]
            ):
                excluded_until = m.end() + 1  # "aan de huurdersorganisaties en de gemeente"
                continue
            for name in self._names(m.group(1)):
                if name not in found:
                    found.append(name)
        return found

    def all_mentions(self, text: str) -> list[str]:
        found: list[str] = []
        for m in self.pattern.finditer(text) if self.pattern else []:
            found += [n for n in self._names(m.group(1)) if n not in found]
        return found

    def _names(self, word: str) -> list[str]:
        for term, members in self.terms:
            if re.fullmatch(term, word, re.I):
                return members
        return []

    def responsible(
        self, text: str, section_parties: list[str], kind: str, fallback: list[str], title: str = ""
    ) -> list[str]:
        everyone = [p.name for p in self.parties]
        opening = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0] if text.strip() else ""
        named = self.mentions(f"{title}. {text}" if title else text)
        collective = bool(_acting_parties(opening) or WE.search(opening))
        collective |= kind in ("gezamenlijk", "doorkijk") and bool(WE.search(text))
        collective |= not named and _acting_parties(text)
        if collective:
            # The leading party is the one the opening sentence names; otherwise the set's order.
            first = [name for name in self.mentions(opening) if name in named]
            return first + [name for name in everyone if name not in first]
        if named:
            return named
        if section_parties:
            # "Bij het vrijkomen van een woning bij X": the section's party the text is about.
            about = [name for name in self.all_mentions(text) if name in section_parties]
            return about or list(section_parties)
        if fallback:
            return list(fallback)
        if kind in ("gezamenlijk", "doorkijk") or WE.search(text):
            return everyone
        return everyone
