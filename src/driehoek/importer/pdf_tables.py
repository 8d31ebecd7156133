"""Tables of agreements in a PDF: PDFium gives a table's cells one after the other, so a page whose text
has a header such as "Nr Afspraak ... Verantwoordelijk" is read again with pdfplumber, which finds the
table by its ruling lines. Its rows come back as piped lines ("1.1 | De gemeente ... | Gemeente"),
in their place between the page's other lines, for agreement_tables.py to read.

pdfplumber lays out every character in Python (about 0.2 s a page), so only such pages are read twice,
at most MAX_PAGES of them.
"""

import io
import re

from .table_shapes import GROUP

NUMBER_WORD = re.compile(r"(?i)^(?:nr\.?|nummer|no\.?|nº|#)$")
CONTENT_WORD = re.compile(
    r"(?i)^(?:afspraak|afspraken|wat|omschrijving|prestaties?|acties?|maatregel(?:en)?|activiteit(?:en)?|indicator)$"
)
MAX_PAGES = 60


OTHER_WORD = re.compile(
    r"(?i)^(?:wie|trekkers?|actiehouders?|verantwoordelijke?|eigenaar|lead|wanneer|planning|gereed|termijn"
    r"|toelichting|opmerkingen?|thema|partij(?:en)?)$"
)


def _is_header(line: str) -> bool:
    """A table's header in any column order: a short line with a number word and an agreements word, or
    one made of header words only ("Afspraak Wie Wanneer")."""
    words = line.split()
    # "Opgave Gemeente Corporaties Huurdersorganisaties": columns of parties (party_columns.py).
    party_columns = sum(bool(GROUP.fullmatch(w)) for w in words[1:]) >= 2
    if 3 <= len(words) <= 8 and all(w[:1].isupper() for w in words) and party_columns:
        return True
    if len(words) > 12 or not any(CONTENT_WORD.match(w) for w in words):
        return False
    if any(NUMBER_WORD.match(w) for w in words):
        return True
    if len(words) >= 2 and all(CONTENT_WORD.match(w) or OTHER_WORD.match(w) for w in words):
        return True
    # "Onderwerp Wat Wie Wanneer Indicator": capitalised column names, all but one of them known.
    known = sum(1 for w in words if CONTENT_WORD.match(w) or OTHER_WORD.match(w))
    return len(words) >= 4 and known >= len(words) - 1 and all(w[:1].isupper() for w in words)


def pages_with_tables(pages: list[str]) -> list[int]:
    from .mark_matrix import on_page  # a matrix of marks ("Nr Onderwerp Gemeente X", rows "I.1 Nieuwbouw x x")

    found = [k for k, text in enumerate(pages) if any(_is_header(line) for line in text.splitlines()) or on_page(text)]
    return found[:MAX_PAGES]


def _cell(text: str | None) -> str:
    out = ""
    for part in (text or "").split("\n"):
        part = part.strip()
        out = out[:-1] + part if out.endswith("-") and part[:1].islower() else f"{out} {part}".strip()
    return out.replace("|", "/")


def reread(content: bytes, indices: list[int], deadline) -> dict[int, str]:
    """Page index -> its text with every ruled table as piped lines."""
    import pdfplumber

    texts: dict[int, str] = {}
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for k in indices:
            deadline.check()
            page = pdf.pages[k]
            tables = page.find_tables()
            if not tables:
                continue
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes):
                x, top = (obj.get("x0", 0) + obj.get("x1", 0)) / 2, (obj.get("top", 0) + obj.get("bottom", 0)) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= top <= b[3] for b in boxes)

            blocks = [(line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()]
            for table in tables:
                rows = [" | ".join(_cell(c) for c in row) for row in table.extract() if any(row)]
                blocks.append((table.bbox[1], "\n".join(rows)))
            texts[k] = "\n".join(text for _top, text in sorted(blocks, key=lambda b: b[0]))
    return texts
