"""After the pass: titles of agreements where the document titles them, and numbers made unique in
a set (numbering that restarts per theme gets the theme's number in front)."""

import re

from .shapes import BULLET, RESPONSIBLE, SENTENCE_END, Afspraak, Structure

# An agreement's number in any of the usual schemes: "3", "3.2", "3.2.1", "3a", "3.a", "A3", "A.3", "(3)",
# "3a)", followed by a full stop, a bracket or a colon, or by nothing. Whether it is an agreement depends on
# the sequence (successors below), never on the scheme alone.
_NUMBER = r"\d{1,3}(?:\.\d{1,2}){0,2}(?:\.?[a-z])?|[A-Z]\.?\d{1,2}(?:\.\d{1,2})?"
# A bare letter is a number only with its bracket: "a)", "(b)".
ITEM = re.compile(
    rf"^(?:\((?P<bracketed>{_NUMBER}|[a-z])\)|(?P<number>{_NUMBER})[.):]?|(?P<letter>[a-z])\))\s+(?P<rest>\S.*)$"
)


def item(line: str) -> tuple[str, str] | None:
    """(number, rest) of a line that opens with an agreement number in any scheme, else None."""
    m = ITEM.match(line)
    if not m:
        return None
    return m.group("bracketed") or m.group("number") or m.group("letter"), m.group("rest")


def _tokens(number: str) -> list[str]:
    return re.findall(r"\d+|[A-Za-z]|[.\-]", number)  # "2026-05" -> 2026, -, 05


def _bump(token: str) -> str:
    if token.isdigit():
        return str(int(token) + 1).zfill(len(token))  # "05" -> "06"
    return chr(ord(token) + 1) if token not in "zZ" else token


def _first(token: str) -> str:
    return "1" if token.isdigit() else ("a" if token.islower() else "A")


def successors(last: str, theme: str, first_here: bool, max_number: int | None) -> set[str]:
    """The numbers that may follow `last`: its last part counted on ("2a" -> "2b", "A.3" -> "A.4", "3.2" ->
    "3.3"); where a theme has none yet, the first of a new theme ("2c" -> "3a", "2.3" -> "3.1", "1", and
    the theme's own number with a first part: "3.1", "3a", "3.a", "C1")."""
    tokens = _tokens(last)
    alnum = [k for k, t in enumerate(tokens) if t not in ".-"]
    nxt = set()
    if alnum:
        bumped = list(tokens)
        bumped[alnum[-1]] = _bump(tokens[alnum[-1]])
        nxt.add("".join(bumped))
    if max_number is not None and last.isdigit():
        nxt.add(str(max_number + 1))  # a stray number in between does not break the sequence
    if first_here:
        nxt |= {"1", "1.1", f"{theme}.1", f"{theme}a", f"{theme}.a", f"{theme}1"}
        if last == "z" or re.fullmatch(r"[a-z]", last):
            nxt.add("a")  # lettered items that start again per theme
        if len(alnum) > 1:
            reset = list(tokens)
            reset[alnum[0]] = _bump(tokens[alnum[0]])
            for k in alnum[1:]:
                reset[k] = _first(tokens[k])
            nxt.add("".join(reset))
    return nxt


def _title_of(agreement: Afspraak) -> tuple[str, int]:
    """A short first line without a full stop, followed by a new sentence, is the agreement's title."""
    if agreement.bullet or len(agreement.lines) < 2:
        return "", 0
    block, k = [agreement.lines[0][1]], 1
    while (
        k < len(agreement.lines) and (agreement.lines[k][1][:1].islower() or agreement.lines[k][1][:1] == "(") and k < 3
    ):
        block.append(agreement.lines[k][1])
        k += 1
    title = " ".join(block).strip()
    if k >= len(agreement.lines) or not title:
        return "", 0
    nxt = agreement.lines[k][1]
    if (
        len(title.split()) <= 22
        and not title.endswith(SENTENCE_END)
        and not re.search(r"[.;!?]\s", title)
        and (nxt[:1].isupper() or BULLET.match(nxt))
    ):
        return title, k
    return "", 0


def _renumber(structure: Structure) -> None:
    """Numbers must be unique in a set: numbering that restarts per theme gets the theme's number in front."""
    themes = structure.themes
    seen, clash = set(), False
    for theme in themes:
        for a in theme.agreements:
            if not a.number.startswith("#"):
                clash |= a.number in seen
                seen.add(a.number)
    for t_index, theme in enumerate(themes, start=1):
        prefix = theme.number or str(t_index)
        for a in theme.agreements:
            if a.number.startswith("#"):
                a.number = f"{prefix}.{a.number[1:]}" if len(themes) > 1 else a.number[1:]
            elif clash and "." not in a.number:
                a.number = f"{prefix}.{a.number}"
    if clash:
        structure.notes.append("restart")
    # Whatever the document did, a number stands once in a set: a repeat gets a letter (7, 7b, 7c).
    used: set[str] = set()
    for theme in themes:
        for a in theme.agreements:
            number, letter = a.number, "b"
            while number in used:
                number = f"{a.number}{letter}"
                letter = chr(ord(letter) + 1)
            a.number = number
            used.add(number)


def inline_lead(agreement: Afspraak, aliases: dict[str, str]) -> None:
    """ "... in 2027. (Trekker: gemeente)", "... [Wie: corporaties]" or "... (gemeente, X)" at an agreement's end:
    a responsibility line written inside the text, or brackets holding party names only; it leaves the text
    and names the responsible parties."""
    from .sections import names_only

    if agreement.lead or not agreement.lines:
        return
    index, last = agreement.lines[-1]
    joined = 1
    if len(agreement.lines) > 1 and re.search(r"^[^()\[\]]*[)\]]\s*\.?$", last):
        # Brackets wrapped over two lines ("... (X, Huurdersraad" + "Y)"): read as one.
        index, last, joined = agreement.lines[-2][0], f"{agreement.lines[-2][1]} {last}", 2
    m = re.search(r"[(\[]\s*([^()\[\]]{2,200}?)\s*[)\]]\s*\.?$", last)
    if not m or (len(agreement.lines) == joined and not last[: m.start()].strip()):
        return
    if label := RESPONSIBLE.match(m.group(1)):
        # "(trekker: gemeente; corporaties)": the one named before the semicolon leads, the others help.
        agreement.lead = label.group(1).split(";")[0].strip().rstrip(".")
    elif names_only(m.group(1), aliases):
        agreement.lead = m.group(1).strip()
    else:
        return
    rest = last[: m.start()].rstrip()
    agreement.lines[-joined:] = [(index, rest)] if rest else []
