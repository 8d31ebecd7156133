"""The mark a line opens with, abstracted to its shape, and whether one number follows another: the parts of
the shape reading (shape_reading.py, docs/adr/0195), which lets a document tell its own layout.

A mark is what stands before a line's text: a number in any scheme ("3.", "2.1", "A1", "TK-1", "2026-01",
"(4)"), a word with a number ("Afspraak 4", "Actie 2.1", any capitalised word), a letter ("a)", "b."), a
Roman numeral ("II"), or a bullet sign. Its shape is the mark with every run of digits written "9" and every
capital code "A": all lines of one shape in a document are candidates for one kind of unit. No word of any
document is known here: which shape holds the agreements, the document's own repetition decides.
"""

import re
from dataclasses import dataclass

_NUM = r"(?:[A-Z]{1,3}[-.]?)?\d{1,4}(?:[.\-]\d{1,3}){0,2}[a-z]?"
MARK = re.compile(
    rf"""^(?:
        (?P<word>[A-Z][a-z]{{2,14}})\s+(?P<wnum>{_NUM})(?![\w,;)/%])\s*[:.\-–·|]?(?:\s+|$)
      | (?P<open>\()?(?P<num>{_NUM})(?P<close>[.):]?)(?P<gap>\s+)
      | (?P<lopen>\()?(?P<letter>[a-z])(?P<lclose>[.)])\s+
      | (?P<roman>[IVX]{{1,5}})[.)]?\s+(?=[A-Z])
      | (?P<bullet>[•●○▪■◦➔➢►✓·–\-*])\s*
    )(?P<rest>\S.*)?$""",
    re.X,
)


@dataclass(frozen=True)
class Mark:
    shape: str  # "9.", "9.9", "afspraak 9", "A9", "a)", "I", "•": the lines of one shape are one kind
    number: str  # as printed, without the word or the closing sign ("2.1", "A1", "b"); "" for a bullet
    rest: str  # the line's text after the mark
    # The number's parts as counts ("B2" -> (2, 2), "2026-01" -> (2026, 1)); a code of capitals is a name ("TK-3"
    # -> (3,)): "WL-1" after it starts again.
    values: tuple[int, ...] = ()


def _values(number: str) -> tuple[int, ...]:
    parts = re.findall(r"[A-Z]+|[a-z]|\d+", re.sub(r"^[A-Z]{2,}[-.]?", "", number))
    return tuple(int(p) if p.isdigit() else ord(p[-1].lower()) - ord("a") + 1 for p in parts)


def roman_value(numeral: str) -> int:
    """ "IV" -> 4: the numerals of chapters and themes (I, V and X)."""
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for k, c in enumerate(numeral):
        v = values[c]
        total += -v if k + 1 < len(numeral) and values[numeral[k + 1]] > v else v
    return total


def mark(line: str) -> Mark | None:
    """The mark `line` opens with, or None. A number without a closing sign must be followed by a capital or a
    wide gap ("3  De gemeente", not "40 woningen ..." wrapped from the line before)."""
    m = MARK.match(line.strip())
    if not m:
        return None
    rest = (m.group("rest") or "").strip()
    if m.group("word"):
        number = m.group("wnum")
        shape = f"{m.group('word').lower()} {_shape(number)}"
        return Mark(shape, number, rest, _values(number))
    if m.group("num"):
        number, close = m.group("num"), m.group("close")
        if not close and not m.group("open") and not (rest[:1].isupper() or len(m.group("gap")) >= 2):
            return None
        if re.fullmatch(r"(?:19|20)\d\d", number) and not close:
            return None  # a year opening a sentence
        shape = ("(" if m.group("open") else "") + _shape(number) + close
        return Mark(shape, number, rest, _values(number))
    if m.group("letter"):
        shape = ("(" if m.group("lopen") else "") + "a" + m.group("lclose")
        return Mark(shape, m.group("letter"), rest, _values(m.group("letter")))
    if m.group("roman"):
        return Mark("I", str(roman_value(m.group("roman"))), rest, (roman_value(m.group("roman")),))
    if not re.search(r"[^\W\d_]", rest):
        return None  # "– – 15": a matrix cell
    return Mark(m.group("bullet"), "", rest)


def _shape(number: str) -> str:
    return re.sub(r"(?<=9)\.?[a-z]$", "a", re.sub(r"[A-Z]+", "A", re.sub(r"\d+", "9", number)))


def follows(before: Mark, after: Mark) -> bool:
    """Whether `after`'s number continues `before`'s: its last part counted on ("2.3" -> "2.4", "A1" -> "A2",
    "2026-01" -> "2026-02"), or a part higher with the parts after it back at one ("2.3" -> "3.1", "A3" -> "B1",
    "2c" -> "3a"). Bullets always go on."""
    a, b = before.values, after.values
    if not b:
        return True
    if len(a) != len(b) or not a:
        return False
    return any(a[:k] == b[:k] and b[k] == a[k] + 1 and all(v == 1 for v in b[k + 1 :]) for k in range(len(a)))


OPENING_WORDS = 3  # a paragraph's first words that make its shape
OPENINGS_LEAST = 3  # paragraphs that open alike before their opening is a shape


def openings(lines: list[str], marks: list["Mark | None"], apart: set[int], blank=("",)) -> None:
    """Paragraphs that open alike ("Wij spreken af dat ...", three times or more) carry a mark of their opening
    words, as a bullet does: agreements written without any sign. A paragraph opens after a blank line, a page
    break (`blank`) or a finished sentence (its parties in brackets after it or not) with a capital, no mark and
    no heading (`apart`). Fills `marks` in place."""
    found: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        words = re.findall(r"[^\W\d_]+", line.lower())[:OPENING_WORDS]
        before = lines[i - 1] if i else ""
        if (
            len(words) == OPENING_WORDS
            and marks[i] is None
            and i not in apart
            and line[:1].isupper()
            and (not before.strip() or before in blank or before.rstrip().endswith((".", ")", "]", "!", "?")))
            and len(line.split()) > OPENING_WORDS
        ):
            found.setdefault(" ".join(words), []).append(i)
    for words, at in found.items():
        if len(at) >= OPENINGS_LEAST:
            for i in at:
                marks[i] = Mark(f"¶ {words}", "", lines[i].strip())
