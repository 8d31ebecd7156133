"""After the outline is mapped (outline.py): which items of each theme are agreements. One kind of item per
theme, bullets only where the document has no numbers or a party heading gives them, no listing of earlier
numbers, no stray number, one sequence through a document numbered through; bullets numbered in order."""

from . import numbering
from .shapes import Hoofdstuk


def one_kind(chapter: Hoofdstuk) -> None:
    """One kind of item per theme: numbered or labelled items before bullets."""
    if any(not a.bullet for a in chapter.agreements):
        chapter.agreements = [a for a in chapter.agreements if not a.bullet]


def bullets_of_the_document(themes: list[Hoofdstuk]) -> None:
    """A bullet under a party heading is an agreement. Any other bullet is one only in a document without
    numbered agreements, and not under a lead-in that names nobody ("De afspraken bouwen voort op:")."""
    numbered = any(not a.bullet for t in themes for a in t.agreements)
    for t in themes:
        t.agreements = [a for a in t.agreements if not a.bullet or a.by_heading or not (numbered or a.under_lead_in)]


def no_listing(themes: list[Hoofdstuk]) -> None:
    """A theme whose numbers all stood before, in two or more earlier themes, lists the agreements again (a
    matrix annex, a summary): it holds none. Numbers that start again per theme stood in one theme."""
    first_theme: dict[str, int] = {}
    for k, theme in enumerate(themes):
        numbers = [a.number for a in theme.agreements if not a.bullet]
        earlier = {first_theme[n] for n in numbers if n in first_theme}
        if numbers and all(n in first_theme for n in numbers) and len(earlier) >= 2:
            theme.agreements = [a for a in theme.agreements if a.bullet]
            continue
        for n in numbers:
            first_theme.setdefault(n, k)


def no_strays(themes: list[Hoofdstuk]) -> None:
    """A number between two that follow each other ("16", "1", "17": a footnote, a figure; also at a theme's end,
    "4", "103", then "5" opening the next theme) is no agreement."""
    numbered = [(t, a) for t in themes for a in t.agreements if not a.bullet]
    stray = set()
    for (_ta, a), (_tb, b), (tc, c) in zip(numbered, numbered[1:], numbered[2:], strict=False):
        if b.number not in numbering.successors(a.number, _tb.number, _tb is not _ta, None) and (
            c.number in numbering.successors(a.number, tc.number, tc is not _ta, None)
        ):
            stray.add(id(b))
    for theme in themes:
        theme.agreements = [a for a in theme.agreements if id(a) not in stray]


def one_sequence(themes: list[Hoofdstuk]) -> None:
    """Numbers follow one sequence. Where the document numbers through its themes ("5" opens the second),
    a theme whose numbers start again (a matrix annex listing the agreements) holds none."""
    numbered = [t for t in themes if any(not a.bullet for a in t.agreements)]
    if len(numbered) < 2:
        return
    first, second = numbered[0].agreements, next(a for a in numbered[1].agreements if not a.bullet)
    last = next(a for a in reversed(first) if not a.bullet)
    if second.number not in numbering.successors(last.number, "", False, None):
        return  # numbered per theme
    for theme in numbered[1:]:
        opening = next(a for a in theme.agreements if not a.bullet)
        if opening.number not in numbering.successors(last.number, "", False, None):
            theme.agreements = [a for a in theme.agreements if a.bullet]
        else:
            last = next(a for a in reversed(theme.agreements) if not a.bullet)


def number_bullets(chapters: list[Hoofdstuk]) -> None:
    for chapter in chapters:
        count = 0
        for a in chapter.agreements:
            if a.bullet:
                count += 1
                a.number = f"#{count}"
