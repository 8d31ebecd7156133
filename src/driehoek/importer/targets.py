"""Quantitative targets in a sentence: a number with %, euro or a counted unit ("woningen", "keer per
jaar"), its comparator (minimaal, maximaal, circa, tussen, tot), a range ("120-140", "4 tot 6") and a
deadline year ("t/m 2031", "in 2028", "uiterlijk 2027")."""

import bisect
import re
from decimal import Decimal, InvalidOperation

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
WORDS = {
    "nul": 0,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
}
WORD_NUM = "|".join(WORDS)
RANGE = r"\s?(?:-|–|tot|à|á|a)\s?"
COUNTED = (
    r"(?:[\w\-]*woning(?:en)?|wooneenheden|eenheden|units|plaatsen|huishoudens|toevoegingen|projecten|"
    r"bijeenkomsten|overleggen|kamers|ligplaatsen|standplaatsen|personen|huurders|[\w\-]*trajecten|"
    r"ontruimingen|[\w\-]*avonden|spreekuren|(?:werk)?dagen|weken|maanden|"
    r"[\w\-]*(?:appartementen|bijeenkomsten|conciërges|coaches|consulenten|plekken|locaties|complexen))"
)
PERIODIC = (
    r"(?:keer|maal|dorp(?:en)?(?: of wijk(?:en)?)?|wijk(?:en)?|bijeenkomst(?:en)?|overleg(?:gen)?|rondes?)"
    r"\s+per\s+(?:jaar|kwartaal|maand)"
)
GAP = r"(?:(?:[^\W\d][\w\-]*,?)\s+){0,4}?"
PATTERNS = [
    ("%", re.compile(rf"(?P<num>{NUM})(?:{RANGE}(?P<max>{NUM}))?\s?(?:%|procent\b)")),
    ("euro", re.compile(rf"€\s?(?P<num>{NUM})(?:,-)?|(?P<num2>{NUM})\s?euro\b")),
    ("range", re.compile(rf"\btussen\s+(?P<num>{NUM})\s+en\s+(?P<max>{NUM})")),
    (
        "periodic",
        re.compile(rf"\b(?P<num>{NUM}|{WORD_NUM}|een)(?:-tal)?\s+(?P<unit>{PERIODIC})", re.I),
    ),
    (
        "count",
        re.compile(rf"\b(?P<num>{NUM})(?:{RANGE}(?P<max>{NUM}))?(?P<tal>-tal)?\s+(?P<unit>{GAP}{COUNTED})\b", re.I),
    ),
    ("zero", re.compile(r"\b(?P<unit>[\w\-]+)\s+van\s+(?P<num>nul)\b", re.I)),
    # "het aantal ontruimingen ... is in 2026 nul", "geen woningen met een E-label meer": none is the target.
    ("zero", re.compile(r"\baantal\s+(?P<unit>[\w\-]+)\b[^.;]{0,60}?\bis\b[^.;]{0,30}?\b(?P<num>nul)\b", re.I)),
    ("zero", re.compile(rf"\b(?P<num>geen)\s+(?P<unit>{GAP}{COUNTED})\b(?=[^.;]{{0,80}}\bmeer\b)", re.I)),
]
AT_LEAST = r"minimaal|ten minste|tenminste|minstens|ruim|meer dan|minimale|minimum"
AT_MOST = r"maximaal|ten hoogste|hooguit|niet meer dan|maximum|onder|afgetopt op|beperkt tot|tot"
ABOUT = r"circa|ca\.|ongeveer|rond|zo'n|bijna"
YEAR = re.compile(
    r"\b(?:in|tot|t/m|tot en met|uiterlijk(?: in)?|voor|vóór|per|eind|medio|vanaf|na)\s+((?:19|20)\d{2})\b", re.I
)


def number(text: str) -> Decimal | None:
    text = text.strip().lower()
    if text in WORDS:
        return Decimal(WORDS[text])
    if text in ("een", "geen"):
        return Decimal(text == "een")
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z€“‘(])", line) if s.strip()]
    return out


def find(text: str, *, exclude_years: bool = True) -> list[dict]:
    targets = []
    for sentence in sentences(text):
        targets += in_sentence(sentence)
    return targets


def in_sentence(sentence: str) -> list[dict]:
    """Every target in one sentence. Each number looks only at a bounded window around it (the words
    before it, its year, its subject), so the time grows with the sentence, not with its square."""
    found: list[dict] = []
    taken = bytearray(len(sentence) + 1)  # characters already inside a target
    has_percent = bool(PATTERNS[0][1].search(sentence))
    years = [(m.start(), m.end(), int(m.group(1))) for m in YEAR.finditer(sentence)]
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            start, end = m.span()
            if any(taken[start:end]):
                continue
            raw = m.groupdict().get("num") or m.groupdict().get("num2")
            value = number(raw) if raw else None
            if value is None or _is_year(raw, kind):
                continue
            if kind == "euro" and has_percent and _in_parentheses(sentence, start):
                continue  # "(€ 678)" beside a percentage names the limit the percentage is about
            if kind == "count" and _is_a_fact(sentence, start):
                continue
            maximum = number(m.group("max")) if m.groupdict().get("max") else None
            if maximum is not None and maximum < value:
                maximum = None
            if kind in ("%", "euro"):
                unit = kind
            elif kind == "range":
                unit = _word_before(sentence, start) or "waarde"
            else:
                unit = re.sub(r"\s+", " ", m.group("unit")).strip(" ,")
            comparator = _comparator(sentence, start, kind, maximum, bool(m.groupdict().get("tal")))
            taken[start:end] = b"\x01" * (end - start)
            found.append(
                {
                    "value": _plain(value),
                    "value_max": _plain(maximum) if maximum is not None else None,
                    "unit": unit[:120],
                    "comparator": comparator,
                    "year": _year(years, start, end),
                    "subject": _subject(sentence, end),
                    "indicator": None,
                    "source_text": sentence if len(sentence) <= SOURCE_MAX else _around(sentence, start, end),
                    "_start": start,
                }
            )
    found.sort(key=lambda t: t.pop("_start"))
    return found


SOURCE_MAX = 1000
WINDOW = 300  # characters before a number in which its comparator or "heeft" is looked for


def _before(sentence: str, start: int, words: int) -> str:
    return " ".join(sentence[max(0, start - WINDOW) : start].split()[-words:]).lower()


def _around(sentence: str, start: int, end: int) -> str:
    """The part of an overlong "sentence" (a table or a list without full stops) around its number."""
    half = SOURCE_MAX // 2
    return sentence[max(0, start - half) : end + half]


def _is_a_fact(sentence: str, start: int) -> bool:
    """ "X heeft 397 woningen", "-17" in a table: what is, not what is agreed."""
    if sentence[max(0, start - 1) : start] in ("-", "+", "−"):
        return True
    before = _before(sentence, start, 3)
    return re.search(r"\b(?:heeft|hebben|bezit|bezitten|telt|tellen|betreft)\b", before) is not None


def _is_year(raw: str, kind: str) -> bool:
    return kind not in ("%", "euro") and re.fullmatch(r"(?:19|20)\d{2}", raw or "") is not None


def _in_parentheses(sentence: str, start: int) -> bool:
    low = max(0, start - WINDOW)
    return sentence.rfind("(", low, start) > sentence.rfind(")", low, start)


def _comparator(sentence: str, start: int, kind: str, maximum, tal: bool) -> str:
    if maximum is not None:
        return "tussen"
    before = _before(sentence, start, 8 if kind == "euro" else 3)
    before = re.sub(r"\b(?:tot|t/m|tot en met|in|voor)\s+(?:19|20)\d{2}\b", " ", before)
    if tal:
        return "circa"
    for name, words in (("ten_minste", AT_LEAST), ("circa", ABOUT), ("ten_hoogste", AT_MOST)):
        if re.search(rf"(?:^|\s|\()(?:{words})(?:\s|$)", before + " "):
            return name
    return "gelijk"


def _year(years: list[tuple[int, int, int]], start: int, end: int) -> int | None:
    """The deadline nearest to the number: the year mentions around it, found by bisection."""
    k = bisect.bisect_left(years, (start,))
    best, distance = None, None
    for y_start, y_end, year in years[max(0, k - 2) : k + 2]:
        d = min(abs(y_start - end), abs(y_end - start))
        if distance is None or d < distance:
            best, distance = year, d
    return best


def _word_before(sentence: str, start: int) -> str:
    words = sentence[max(0, start - WINDOW) : start].split()
    return words[-1].strip(",.;:()") if words else ""


def _subject(sentence: str, end: int) -> str:
    words = sentence[end : end + WINDOW].split()[:10]
    return " ".join(words).strip(" ,.;:")[:300]


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
