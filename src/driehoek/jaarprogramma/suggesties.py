"""The hook for suggestions while a party writes an agreement (mission item 10: similar agreements
elsewhere and how they fared, how SMART a text is). Not built here: this module only defines where
they plug in. A source is a function taking an Onderdeel and returning Suggestie items; the pages
show a section only when a source is registered and returns something."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestie:
    titel: str
    tekst: str
    bron: str = ""  # where it comes from (another municipality's set, a rule)
    url: str = ""


SOURCES: list[Callable[[object], list[Suggestie]]] = []


def register(source: Callable[[object], list[Suggestie]]) -> Callable[[object], list[Suggestie]]:
    SOURCES.append(source)
    return source


def for_onderdeel(onderdeel) -> list[Suggestie]:
    return [s for source in SOURCES for s in source(onderdeel)]
