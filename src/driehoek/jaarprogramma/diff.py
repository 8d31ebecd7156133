"""Tracked changes: a word-level comparison of the current text and a proposed one, as segments the
template shows with <ins> and <del> (each with a visually hidden label for screen readers)."""

import difflib
import re
from dataclasses import dataclass

TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    kind: str  # "same", "ins" or "del"
    text: str


def tokens(text: str) -> list[str]:
    return TOKENS.findall(text)


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`, whole words at a time; whitespace between words is
    kept as it is, so the agreed wording shows exactly."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    result: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(result, "same", "".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            _add(result, "del", "".join(a[i1:i2]))
        if op in ("insert", "replace"):
            _add(result, "ins", "".join(b[j1:j2]))
    return result


def _add(result: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if result and result[-1].kind == kind:
        result[-1] = Segment(kind, result[-1].text + text)
    else:
        result.append(Segment(kind, text))


def changed(segments: list[Segment]) -> bool:
    return any(s.kind != "same" for s in segments)
