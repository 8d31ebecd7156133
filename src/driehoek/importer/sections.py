"""Sections inside a theme: "Gezamenlijke afspraken", "Prestaties <parties>", "Doorkijk ...", and party
headings ("Wat doet de gemeente:", "Samen:", "Dit doen de corporaties"). Mixed into the structure
reader (structure.Parser)."""

import re

from .extract import BREAK
from .parties import GROUP_WORDS
from .shapes import SECTION, YEAR_TAIL

# The words a party heading puts before or after the names: "Inzet van X", "Wat gaat X doen", "X zegt toe".
PARTY_HEAD = (
    r"(?:inzet|bijdrage|rol|taken|toezeggingen|prestaties|acties|activiteiten|afspraken|opgave|aandeel)"
    r"(?:\s+(?:van|door|voor))?|wat\s+(?:gaat|gaan)|dit\s+(?:gaat|gaan)|door|voor"
)
PARTY_TAIL = (
    r"(?:zegt|zeggen)\s+toe|(?:doet|doen|levert|leveren|gaat|gaan)(?:\s+(?:het\s+volgende|doen))?|doen|aan\s+de\s+slag"
)


class SectionRules:
    def is_section(self, line: str) -> bool:
        if self.current is None or len(line.split()) > 9 or line.endswith((",", ";")):
            return False
        core = YEAR_TAIL.sub("", line).rstrip(" .:?")
        if not core or not core[0].isupper() or re.search(r"[.;!?]\s", core):
            return False
        if re.search(r"(?i)\b(?:de|het|en|of|van|voor|met)$", core) or self._continues_a_sentence():
            return False  # a sentence broken over lines, not a heading
        if SECTION.match(core):
            return True
        # A heading made of party names only: "De X en Y 2022", "Wat doet de gemeente:",
        # "Dit doen de corporaties", "Wat doen we samen?". A sentence's last line ("... en Huurdersraad Y.") is not one.
        if line.endswith("."):
            return False
        return names_only(core, self.aliases)

    def _continues_a_sentence(self) -> bool:
        """ "... betrekt de huurdersverenigingen van De" + "Deelmacht en AH Woon." is one sentence."""
        for line in reversed(self.lines[max(0, self.index - 4) : self.index]):
            line = line.strip()
            if line and line != BREAK:
                return (
                    line.endswith(",")
                    or (len(line) >= 60 and line[-1:].isalpha())  # a paragraph wrapped mid-sentence
                    or re.search(
                        r"(?i)\b(?:de|het|een|en|of|van|voor|met|aan|bij|in|op|te|door|naar|om|dat|die)$", line
                    )
                    is not None
                )
        return False

    def parties_in(self, text: str) -> list[str]:
        found: dict[str, int] = {}
        for alias in sorted(self.aliases, key=len, reverse=True):
            if m := re.search(rf"(?i)\b{re.escape(alias)}\b", text):
                name = self.aliases[alias]
                found[name] = min(found.get(name, m.start()), m.start())
        return sorted(found, key=found.get)


def names_only(core: str, aliases) -> bool:
    """A heading made of party names, group words and the words around them ("Dit doen de corporaties",
    "Wat doet de gemeente", "Inzet van X", "Samen"): nothing else is left."""
    rest = core
    for alias in sorted(aliases, key=len, reverse=True):  # names first: "Wat doet Samen Wij" is that party
        rest = re.sub(rf"(?i)\b{re.escape(alias)}\b", " ", rest)
    rest = re.sub(r"(?i)^\s*(?:wat|dit|dat)\s+(?:doen|doet)\b|\b(?:samen|we|wij)\b|\bdoen\b|\bdoet\b", " ", rest)
    # "Beide partijen zeggen toe", "Alle partijen doen": everyone, as "samen" is (not "Partijen" alone: a frame title).
    rest = re.sub(rf"(?i)^\s*(?:(?:beide|alle)\s+partijen|partijen(?=\s+(?:{PARTY_TAIL})\s*$))\b", " ", rest)
    # "Inzet van X", "Bijdrage X", "X zegt toe", "X levert": words around the names of a party heading.
    rest = re.sub(rf"(?i)^\s*{PARTY_HEAD}\b|\b{PARTY_TAIL}\s*$", " ", rest)
    for words in GROUP_WORDS.values():  # "Corporaties", "Gemeente en huurdersorganisaties"
        rest = re.sub(rf"(?i)(?<![\w-])(?:{words})(?![\w-])", " ", rest)
    return rest != core and not re.sub(r"(?i)\b(en|de|het|van|voor|,|&)\b|[,&]", " ", rest).strip()
