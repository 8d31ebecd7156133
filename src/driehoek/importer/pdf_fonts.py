"""Headings by their type in a PDF: a line set larger than the body text, or bold throughout, is a
heading the layout marks. The structure reader uses this where the text alone is ambiguous: a numbered
line whose number does not continue the chapters ("3 Monitoring" after "Thema 5"), or that could be an
agreement as well as a heading. A text file has no type, and its rules stay as they are.

PDFium gives every character's font size and name (a bold face has "Bold" or "Black" in its name, or
weight 600 and more); reading the first and last character of each line costs a few milliseconds a page.
"""

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field

LARGER = 1.12  # a heading's type is at least this much larger than the body's
BOLD_NAME = re.compile(r"(?i)bold|black|heavy|semibold|demi")


@dataclass
class Type:
    """What one PDF's type says: per line (whitespace normalised) its size relative to the body, and bold."""

    lines: dict[str, tuple[float, bool]] = field(default_factory=dict)

    def larger(self, line: str) -> bool:
        size, _bold = self.lines.get(_key(line), (1.0, False))
        return size >= LARGER

    def bold(self, line: str) -> bool:
        return self.lines.get(_key(line), (1.0, False))[1]


def _key(line: str) -> str:
    return " ".join(line.split())


class Collector:
    """Gathers the lines of each page as PDFium reads them; `result()` compares them with the body size."""

    def __init__(self) -> None:
        self.found: list[tuple[str, float, bool]] = []
        self.sizes: Counter = Counter()
        self.buffer = ctypes.create_string_buffer(128)

    def page(self, textpage) -> None:
        import pypdfium2.raw as raw

        text = textpage.get_text_range()
        start = 0
        for end in [m.start() for m in re.finditer(r"[\r\n]", text)] + [len(text)]:
            line = text[start:end]
            first = start + len(line) - len(line.lstrip())
            last = start + len(line.rstrip()) - 1
            start = end + 1
            if last < first:
                continue
            size = round(raw.FPDFText_GetFontSize(textpage.raw, first), 1)
            self.sizes[size] += last - first + 1
            if last - first > 90 or len(line.split()) > 10:
                continue  # a heading is short (structure.is_heading_title)
            bold = self._bold(raw, textpage, first) and self._bold(raw, textpage, last)
            end_size = round(raw.FPDFText_GetFontSize(textpage.raw, last), 1)
            self.found.append((_key(line), min(size, end_size), bold))

    def _bold(self, raw, textpage, index: int) -> bool:
        if raw.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
            return True
        raw.FPDFText_GetFontInfo(textpage.raw, index, self.buffer, len(self.buffer), None)
        return bool(BOLD_NAME.search(self.buffer.value.decode("latin-1", "replace")))

    def result(self) -> Type:
        if not self.sizes:
            return Type()
        body = self.sizes.most_common(1)[0][0] or 1.0
        lines: dict[str, tuple[float, bool]] = {}
        for text, size, bold in self.found:
            relative = size / body
            if relative >= LARGER or bold:
                lines.setdefault(text, (relative, bold))
        return Type(lines)
