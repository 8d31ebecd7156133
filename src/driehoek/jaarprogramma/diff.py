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
    kept as it is, so the agreed wording shows exactly. Changes separated only by a space are shown
    as one change ("Eén ronde" becomes "Twee rondes"), which reads better than word by word."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    blocks: list[list] = []  # [same?, old text, new text]
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        blocks.append([op == "equal", "".join(a[i1:i2]), "".join(b[j1:j2])])
    for index in range(1, len(blocks) - 1):
        same, text, _new = blocks[index]
        if same and not text.strip() and not blocks[index - 1][0] and not blocks[index + 1][0]:
            blocks[index][0] = False  # a lone space between two changes joins them
    result: list[Segment] = []
    changed_old, changed_new = "", ""
    for same, old_text, new_text in blocks + [[True, "", ""]]:
        if not same:
            changed_old, changed_new = changed_old + old_text, changed_new + new_text
            continue
        _add(result, "del", changed_old)
        _add(result, "ins", changed_new)
        changed_old = changed_new = ""
        _add(result, "same", old_text)
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
