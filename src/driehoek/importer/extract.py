"""From a file to clean lines: the text layer of a PDF or a text file, with the damage of extraction
repaired (hyphenation across lines; page headers and footers, page numbers, photo credits, footnotes and contents
pages: furniture.py).

A removed piece of page furniture leaves a BREAK line behind: where a page ended is a hint for the
structure (a theme's introduction often starts on a new page).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import agreement_tables, furniture, table_themes

BREAK = "\f"
MAX_BYTES = 50 * 1024 * 1024


class DocumentError(ValueError):
    """The file cannot be read as an agreement document; the message says why, for a person."""


@dataclass
class Document:
    lines: list[str]
    pages: int = 1
    notes: list[str] = field(default_factory=list)  # what was repaired or assumed, for the reviewer
    footnotes: list[str] = field(default_factory=list)
    type: object = None  # a PDF's type (pdf_fonts.Type): which lines are set larger or bold
    leads: dict[str, str] = field(default_factory=dict)  # number -> parties, from a matrix of marks (mark_matrix)
    titles: set[str] = field(default_factory=set)  # the titles its contents page lists: its headings

    @property
    def text(self) -> str:
        return "\n".join(line for line in self.lines if line != BREAK)


def read(filename: str, content: bytes, deadline=None) -> Document:
    """Read a PDF (by its first bytes, whatever the name says) or a text file, within the limits on
    pages, characters and time (importer/limits.py)."""
    from . import limits

    deadline = deadline or limits.Deadline()
    if not content or not content.removeprefix(b"\xef\xbb\xbf").strip():
        raise DocumentError(_("Het bestand is leeg."))
    if len(content) > MAX_BYTES:
        raise DocumentError(_("Het bestand is groter dan 50 MB."))
    type_ = None
    if content.lstrip()[:5] == b"%PDF-":
        pages, type_ = _pdf_pages(content, deadline)
        notes = []
    else:
        text, notes = _decode(content)
        limits.check_characters(len(text))
        pages = text.split("\f") if "\f" in text else [text]
        limits.check_pages(len(pages))
    deadline.check()
    document = clean(pages)
    document.type = type_
    document.notes[:0] = notes
    if not any(line.strip() and line != BREAK for line in document.lines):
        raise DocumentError(_("Er staat geen leesbare tekst in het bestand."))
    return document


def _decode(content: bytes) -> tuple[str, list[str]]:
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if b"\x00" in content[:2000]:
        raise DocumentError(_("Dit lijkt geen tekstbestand of PDF te zijn."))
    # Word on Windows saves text as cp1252; latin-1 reads any byte, as the last resort.
    for encoding in ("cp1252", "latin-1"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [_("Het bestand is geen UTF-8; gelezen als %(encoding)s.") % {"encoding": encoding}]
    raise DocumentError(_("De tekenset van het bestand is onbekend."))  # pragma: no cover (latin-1 reads all)


def _pdf_pages(content: bytes, deadline):
    # PDFium (pypdfium2) reads the text layer of a page in about a millisecond: a 300-page document in seconds.
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise DocumentError(
                _("De PDF is beveiligd met een wachtwoord. Sla hem zonder beveiliging op en lees hem opnieuw in.")
            ) from e
        raise DocumentError(_("De PDF is beschadigd of onleesbaar (%(reden)s).") % {"reden": e}) from e
    from . import limits, pdf_fonts

    type_ = pdf_fonts.Collector()
    try:
        limits.check_pages(len(pdf))
        pages, characters = [], 0
        for page in pdf:
            deadline.check()
            textpage = page.get_textpage()
            type_.page(textpage)
            text = textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
            pages.append(text.replace("\x02", "-\n"))  # PDFium joins a word hyphenated at a line end with \x02
            characters += len(text)
            limits.check_characters(characters)
            textpage.close()
            page.close()
    finally:
        pdf.close()
    from . import pdf_tables

    tabled = pdf_tables.pages_with_tables(pages)
    if tabled:
        for k, text in pdf_tables.reread(content, tabled, deadline).items():
            pages[k] = text
    if len("".join(pages).split()) < 5 * max(1, len(pages)) and len("".join(pages).split()) < 50:
        raise DocumentError(
            _(
                "De PDF heeft geen tekstlaag (een scan?). Laat er eerst tekstherkenning (OCR) op los, "
                "of lees een tekstversie in."
            )
        )
    return pages, type_.result()


# --- repairing ---------------------------------------------------------------------------------

HYPHEN_END = re.compile(r"(\w)-$")
SHORT_WORDS = {"en", "of", "tot", "t/m", "en/of"}


def clean(pages: list[str]) -> Document:
    notes: list[str] = []
    page_lines = [[line.rstrip().replace("\u00ad", "") for line in page.split("\n")] for page in pages]
    # Tables of agreements first: their rows look like footnotes and their header like a running header.
    rows, marks = 0, table_themes.Marks()  # a table's theme rows over all its pages (docs/adr/0203)
    for k, page in enumerate(page_lines):
        page_lines[k], n = agreement_tables.convert(page, rows, marks)
        rows += n
    marks.apply()
    if rows:
        notes.append(_("%(n)s rijen uit een tabel van afspraken gelezen") % {"n": rows})
    repeated = furniture.repeated(page_lines)
    lines: list[str] = []
    footnotes: list[str] = []
    removed = Counter()
    titles: set[str] = set()
    for number, page in enumerate(page_lines):
        if number:
            lines.append(BREAK)
        for index, line in enumerate(page):
            stripped = line.strip()
            if stripped in repeated:
                removed["kop- of voettekst"] += 1
                furniture.add_break(lines)
            elif furniture.CONTENTS_ENTRY.search(stripped):
                removed["regel uit de inhoudsopgave"] += 1  # "Beschikbaarheid ........ 7"
                titles.add(furniture.contents_key(stripped))
            elif furniture.PAGE_NUMBER.match(stripped) and stripped:
                removed["paginanummer"] += 1
                furniture.add_break(lines)
            elif furniture.PHOTO_CREDIT.match(stripped) and furniture.looks_like_credit(stripped):
                removed["fotobijschrift"] += 1
                furniture.add_break(lines)
            elif (
                (m := furniture.FOOTNOTE.match(line))
                and len(stripped) < 300
                and furniture.footnote(page, index, len(pages) > 1)
            ):
                footnotes.append(f"{m.group(1)} {m.group(2).strip()}")
                removed["voetnoot"] += 1
            else:
                lines.append(line)
    if len(pages) == 1:
        lines = furniture.running_headers(lines, removed)
    lines = furniture.contents(lines, removed, titles)
    numbers = {f.split(" ", 1)[0] for f in footnotes}
    lines = [furniture.strip_marker(line, numbers) for line in lines]
    lines = _join_hyphenated(lines, _vocabulary(lines))
    lines = [_tidy(line) for line in lines]
    lines = letter_bullets(lines)
    for what, count in sorted(removed.items()):
        notes.append(_("%(n)s × %(what)s weggelaten") % {"n": count, "what": what})
    document = Document(lines=lines, pages=max(1, len(pages)), notes=notes, footnotes=footnotes, leads=marks.leads)
    document.titles = titles - {""}
    return document


# "o" standing for a bullet: a word processor's second-level bullet saved as text or PDF ("o  jaarlijks ...").
LETTER_BULLET = re.compile(r"^o\s+(?=\S)")


def letter_bullets(lines: list[str]) -> list[str]:
    """A line opening with a lone "o" is a bullet where the document opens two lines or more so: Dutch has no
    word "o" in lower case, so the "o" is the list's sign."""
    if sum(1 for line in lines if LETTER_BULLET.match(line)) < 2:
        return lines
    return [LETTER_BULLET.sub("• ", line) for line in lines]


def _vocabulary(lines: list[str]) -> set[str]:
    return {w.strip(".,;:()‘’“”'\"").lower() for line in lines for w in line.split()}


def _join_hyphenated(lines: list[str], vocabulary: set[str]) -> list[str]:
    """Join a word broken over two lines; "zorg- en welzijn" is not broken."""
    out: list[str] = []
    lines = list(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line != BREAK and HYPHEN_END.search(line.rstrip()):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j] == BREAK) and j - i <= 3:
                j += 1
            if j < len(lines):
                nxt = lines[j].lstrip()
                first = nxt.split(" ", 1)[0] if nxt else ""
                if first and first[0].islower() and first.lower() not in SHORT_WORDS:
                    # A compound keeps its hyphen ("twee-onder-één", "Overlast-situaties"); a word split
                    # by the typesetter loses it.
                    head = line.rstrip()
                    last = head.split()[-1]
                    word = first.strip(".,;:()‘’“”'\"").lower()
                    # The document's own spelling elsewhere decides ("directeur-bestuurder"); else the hyphen
                    # was the typesetter's.
                    spelled = (last + word).lower() in vocabulary and (last[:-1] + word).lower() not in vocabulary
                    keep = "-" in first or last[:1].isupper() or "-" in last[:-1] or spelled
                    lines[j] = (head if keep else head[:-1]) + nxt  # the joined line may end in a hyphen too
                    i = j
                    continue
        out.append(line)
        i += 1
    return out


def _tidy(line: str) -> str:
    if line == BREAK:
        return line
    line = re.sub(r"(?<=[\w.,;:)])[¹²³⁴-⁹⁰]+", "", line)  # superscript footnote markers
    if line.count("|") >= 2 or line.lstrip().startswith("|") or line.rstrip().endswith("|"):
        # A table typed with pipes: cells become words; the rule under the header goes.
        line = (
            ""
            if re.fullmatch(r"[\s|:\-+=]*", line)
            else " ".join(c.strip() for c in line.strip().strip("|").split("|"))
        )
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()
