"""Page furniture: what a page carries besides the document's text (running headers and footers, page
numbers, photo credits, footnotes, a table of contents), recognised so that extract.clean leaves it out."""

import re
from collections import Counter

from .shapes import is_heading_title

BREAK = "\f"  # as extract.BREAK: where a page ended

PAGE_NUMBER = re.compile(r"^\s*(?:(?:pagina|blz\.?|page)\s*)?\d{1,3}(?:\s*(?:/|van|of)\s*\d{1,3})?\s*$", re.I)
CONTENTS_ENTRY = re.compile(r"\S.*?(?:\s?\.){4,}\s*\d{1,3}$|\S.*?…{2,}\s*\d{1,3}$")
PHOTO_CREDIT = re.compile(r"^\s*(?:bron|foto|beeld|fotografie)\s*:?\s+\S.{0,80}$", re.I)
FOOTNOTE = re.compile(r"^\s*(\d{1,2})\s{2,}(\S.*)$")
FOOTNOTE_MARKER = re.compile(r"(?<=[\)\w%])\s(\d{1,2})\s*(?=[.,;]?\s*$)")
PAGE_REFERENCE = re.compile(r"(?i)\s{2,}(?:blz|pag|pagina|p)\.?\s*\d{1,3}$")  # a contents entry's page


def footnote(page: list[str], k: int, paged: bool) -> bool:
    """A line "1  De grenzen zijn van 2021." is a footnote; not a table row ("1 | ..."), a numbered heading
    ("2  Beschikbaarheid": a short title without a full stop) or, in a text with pages, a line with body text
    below it on its page (a footnote stands at the page's foot, under it only footnotes and furniture)."""
    line = page[k].strip()
    text = FOOTNOTE.match(page[k]).group(2).strip()
    if "|" in line or (is_heading_title(text) and len(text.split()) <= 8 and not text.endswith(".")):
        return False
    if not paged:
        return True
    below = 0
    for x in page[k + 1 :]:
        below += bool(x.strip())
        if below > 8:
            return False  # bounded: a page full of such lines stays linear
    return True


def add_break(lines: list[str]) -> None:
    if not lines or lines[-1] != BREAK:
        lines.append(BREAK)


def looks_like_credit(line: str) -> bool:
    # "Bron Stichting Voorbeeld", "Foto: Jan Jansen": a name, no sentence. Not "Bron van zorg is ...".
    words = line.split()
    return len(words) <= 8 and not line.rstrip().endswith((".", ":", ";")) or line.lower().startswith("foto:")


def repeated(pages: list[list[str]]) -> set[str]:
    """Lines that open or close most pages: running headers and footers."""
    if len(pages) < 4:
        return set()
    counts = Counter()
    for page in pages:
        edge = [line.strip() for line in page if line.strip()]
        for line in set(edge[:2] + edge[-2:]):
            counts[re.sub(r"\d+", "#", line)] += 1
    repeated = {pattern for pattern, n in counts.items() if n >= max(3, len(pages) // 2)}
    found = set()
    for page in pages:
        edge = [line.strip() for line in page if line.strip()]
        for line in edge[:2] + edge[-2:]:
            if re.sub(r"\d+", "#", line) in repeated and len(line) < 120:
                found.add(line)
    return found


def running_headers(lines: list[str], removed: Counter) -> list[str]:
    """In text without page breaks: a short line that recurs beside page breaks is a running header."""
    beside = Counter()
    for k, line in enumerate(lines):
        if line == BREAK:
            for j in (k - 1, k + 1, k - 2, k + 2):
                if 0 <= j < len(lines) and lines[j] != BREAK and lines[j].strip():
                    beside[lines[j].strip()] += 1
    counts = Counter(line.strip() for line in lines if line != BREAK and line.strip())
    headers = {
        line
        for line, n in beside.items()
        if n >= 2 and counts[line] >= 2 and len(line.split()) <= 10 and not _looks_like_heading(line)
    }
    if not headers:
        return lines
    out = []
    for line in lines:
        if line.strip() in headers:
            removed["kop- of voettekst"] += 1
            add_break(out)
        else:
            out.append(line)
    return out


def contents_key(line: str) -> str:
    """A contents entry's title: without its leaders and page number ("Wonen en zorg .... 7", "Wonen en zorg   7"),
    and without the word before a chapter's number ("Hoofdstuk 2 Wonen" lists the heading "2 Wonen")."""
    key = re.sub(r"(?:\s*[.…·_]{2,}\s*|\s{2,}|\s+(?=\d{1,3}$))\d{1,3}$", "", PAGE_REFERENCE.sub("", line.strip()))
    key = re.sub(r"(?i)^(?:hoofdstuk|thema|deel)\s+(?=\d)", "", key)
    titled = key[:1].isupper() or key[:1].isdigit() or key[:1] == "§"
    # A field ("Trekker: gemeente.", "Gereed: 2027") or a sentence is no title.
    titled = titled and not re.search(r"\w:\s+\S|\.$", key)
    return " ".join(key.split()) if titled and len(re.findall(r"[^\W\d_]", key)) >= 3 and len(key.split()) <= 12 else ""


def contents(lines: list[str], removed: Counter, titles: set[str] | None = None) -> list[str]:
    """A table of contents without leaders: three or more titles in a row (blank lines aside), each once,
    that stand again further on as lines of their own, page numbers aside (the headings they list). The titles
    it lists go into `titles`."""
    keys = [contents_key(line) if line != BREAK else "" for line in lines]
    last_seen: dict[str, int] = {}
    for k, key in enumerate(keys):
        if key:
            last_seen[key] = k
    # An entry that names its page ("Hoofdstuk 2  Wonen    blz. 4") is one wherever its title stands again.
    paged = [line != BREAK and bool(PAGE_REFERENCE.search(line)) for line in lines]
    listed = [bool(key) and (last_seen[key] > k or paged[k]) for k, key in enumerate(keys)]
    drop: set[int] = set()
    run: list[int] = []
    for k, line in enumerate([*lines, "end"]):
        if k < len(lines) and listed[k]:
            run.append(k)
        elif k < len(lines) and not line.strip():
            continue
        else:
            if len(run) >= 3 and len({keys[k] for k in run}) == len(run):  # a table's column repeats itself
                drop.update(run)
            run = []
    if drop:
        removed["regel uit de inhoudsopgave"] += len(drop)
        if titles is not None:
            titles.update(keys[k] for k in drop)
    return [line for k, line in enumerate(lines) if k not in drop]


def _looks_like_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(re.match(r"^\d{1,2}(?:\.\d{1,2})*\.?\s", line)) or (bool(letters) and all(c.isupper() for c in letters))


def strip_marker(line: str, numbers: set[str]) -> str:
    if not numbers or line == BREAK:
        return line
    return FOOTNOTE_MARKER.sub(lambda m: "" if m.group(1) in numbers else m.group(0), line)
