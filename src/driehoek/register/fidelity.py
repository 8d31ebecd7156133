"""Check that a register text is the agreed wording of its source document.

Text extracted from a PDF carries damage: line breaks, hyphenation across lines, page headers,
page numbers, footnote markers, photo credits, and table cells dropped into a sentence. A register
text may repair that damage but never change a word. So we compare with all white space removed,
sentence by sentence, and accept a sentence that the source interrupts once with other material.
"""

import re
import sys

PHOTO_CREDIT = re.compile(r"Bron (Stichting Woonborg|Woningstichting De Volmacht)\s*")
PAGE_HEADER = re.compile(r"^\s*\d+\.\s+[A-ZËÉ ,]+\s*$", re.MULTILINE)
FOOTNOTE_MARKER = re.compile(r"(?<=\)) \d(?=\.\s*$)", re.MULTILINE)  # "(€ 678) 1." at a line end
LINE_HYPHEN = re.compile(r"(?<=[a-zà-ÿ])-\s*\n\s*(?=[a-zà-ÿ])")
SPACE = re.compile(r"\s+")
# An interruption is at most this many characters (white space removed); a table in the seeds is
# about 1.500. A phrase dropped from a register text would pass as an interruption too, so the
# tests list every interrupted sentence of the seeds by name.
MAX_INTERRUPTION = 2500
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+|\n+")


def squeeze(text: str) -> str:
    return SPACE.sub("", text)


def normalised_source(source: str) -> tuple[str, str]:
    """The source without white space, once with line-end hyphens joined and once as printed
    (a hyphen at a line end may be a real one, as in "zorg- en welzijnspartijen")."""
    source = FOOTNOTE_MARKER.sub("", PAGE_HEADER.sub("", PHOTO_CREDIT.sub("", source)))
    return squeeze(LINE_HYPHEN.sub("", source)), squeeze(source)


WHOLE, INTERRUPTED = "whole", "interrupted"


def locate(fragment: str, haystacks: tuple[str, ...]) -> str | None:
    """WHOLE when the fragment stands in the source, INTERRUPTED when the source interrupts it
    once (a footnote, page header or table in mid-sentence), None when it is not there."""
    fragment = squeeze(fragment)
    if any(fragment in haystack for haystack in haystacks):
        return WHOLE
    for haystack in haystacks:
        for cut in range(12, len(fragment) - 11):
            head = haystack.find(fragment[:cut])
            if head < 0:
                break
            tail = haystack.find(fragment[cut:], head + cut)
            if 0 <= tail - (head + cut) <= MAX_INTERRUPTION:
                return INTERRUPTED
    return None


def sentences(text: str) -> list[str]:
    # Bullets are rendered as in the document; the extraction may have lost them.
    fragments = (f.strip().lstrip("•●➔○-").strip() for f in SENTENCE_END.split(text))
    return [f for f in fragments if len(f) >= 3]


def missing_fragments(text: str, haystacks: tuple[str, ...]) -> list[str]:
    """The sentences of `text` that do not stand in the source; empty when the text is faithful."""
    return [f for f in sentences(text) if locate(f, haystacks) is None]


def register_texts(data: dict):
    """(label, text) for every agreed text in an open-data register file."""
    for register_set in data["sets"]:
        for theme in register_set["themes"]:
            yield f"doel {theme['number']}", theme.get("doel", "")
            for text in theme.get("richtingen", []):
                yield f"richting in {theme['number']}", text
            for text in theme.get("lopende_afspraken", []):
                yield f"lopend in {theme['number']}", text
            for agreement in theme["agreements"]:
                yield f"afspraak {agreement['number']}", agreement["text"]
                if agreement.get("title"):
                    yield f"titel afspraak {agreement['number']}", agreement["title"]


def main(argv: list[str]) -> int:
    import json

    data_path, source_path = argv[1], argv[2]
    with open(source_path, encoding="utf-8") as f:
        haystacks = normalised_source(f.read())
    with open(data_path, encoding="utf-8") as f:
        data = json.load(f)
    problems = 0
    for label, text in register_texts(data):
        for fragment in sentences(text):
            found = locate(fragment, haystacks)
            if found is None:
                problems += 1
                print(f"{label}: not in source: {fragment!r}")
            elif found == INTERRUPTED:
                print(f"{label}: interrupted in the source: {fragment[:60]!r}")
    print(f"{problems} fragment(s) not found in the source")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
