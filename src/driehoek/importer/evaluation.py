"""Measuring the importer against a register that people checked: agreements found (precision and
recall on number plus theme), theme, section, kind and responsible parties right, targets found.
Used by `manage.py importer_eval` (make importer-eval) and by a test that fails below the aims."""

import re
from dataclasses import dataclass


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", (text or "").lower()).strip()


def _section(text: str) -> str:
    return _norm(re.sub(r"\s*\b(?:19|20)\d{2}\b.*$", "", text or ""))


@dataclass
class Uitkomst:
    agreements_true: int
    agreements_found: int
    pairs_right: int
    theme_right: int
    section_right: int
    kind_right: int
    parties_right: int
    lead_right: int
    targets_true: int
    targets_found: int
    targets_proposed: int
    targets_matching: int
    indicators_true: int
    indicators_found: int
    parties_true: int
    parties_matched: int
    wrong: list[str]

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def precision(self) -> float:
        return self.ratio(self.pairs_right, self.agreements_found)

    @property
    def recall(self) -> float:
        return self.ratio(self.pairs_right, self.agreements_true)

    @property
    def theme_accuracy(self) -> float:
        return self.ratio(self.theme_right, self.agreements_true)

    @property
    def section_accuracy(self) -> float:
        return self.ratio(self.section_right, self.agreements_true)

    @property
    def kind_accuracy(self) -> float:
        return self.ratio(self.kind_right, self.agreements_true)

    @property
    def party_accuracy(self) -> float:
        return self.ratio(self.parties_right, self.agreements_true)

    @property
    def lead_accuracy(self) -> float:
        return self.ratio(self.lead_right, self.agreements_true)

    @property
    def target_recall(self) -> float:
        return self.ratio(self.targets_found, self.targets_true)

    @property
    def target_precision(self) -> float:
        return self.ratio(self.targets_matching, self.targets_proposed)


def party_map(proposed: list[dict], truth: list[dict]) -> dict[str, str]:
    """Proposed party name -> the register's name for the same party (spelling may differ)."""
    mapping = {}
    for p in proposed:
        names = {_norm(p["name"]), _norm(p.get("short_name", ""))} - {""}
        for t in truth:
            other = {_norm(t["name"]), _norm(t.get("short_name", ""))} - {""}
            same = names & other or any(a in b or b in a for a in names for b in other if len(a) > 3 and len(b) > 3)
            if same or (p["kind"] == t["kind"] == "gemeente"):
                mapping[p["name"]] = t["name"]
                break
    return mapping


def compare(proposed: dict, truth: dict) -> Uitkomst:
    mapping = party_map(proposed["parties"], truth["parties"])
    mine = {a["number"]: (t, a) for t in proposed["themes"] for a in t["agreements"]}
    theirs = {a["number"]: (t, a) for t in truth["themes"] for a in t["agreements"]}
    wrong: list[str] = []
    counts = dict.fromkeys(("pairs", "theme", "section", "kind", "parties", "lead"), 0)
    targets_true = targets_found = 0
    for number, (t_theme, t_agreement) in theirs.items():
        if number not in mine:
            wrong.append(f"afspraak {number}: niet gevonden")
            targets_true += len(t_agreement["targets"])
            continue
        m_theme, m_agreement = mine[number]
        same_theme = m_theme["number"] == t_theme["number"] and (
            _norm(m_theme["title"]) in _norm(t_theme["title"]) or _norm(t_theme["title"]) in _norm(m_theme["title"])
        )
        counts["pairs"] += m_theme["number"] == t_theme["number"]
        counts["theme"] += same_theme
        counts["section"] += _section(m_agreement["section"]) == _section(t_agreement["section"])
        counts["kind"] += m_agreement["kind"] == t_agreement["kind"]
        responsible = [mapping.get(n, n) for n in m_agreement["responsible"]]
        if set(responsible) == set(t_agreement["responsible"]):
            counts["parties"] += 1
        else:
            wrong.append(
                f"afspraak {number}: partijen {sorted(responsible)} i.p.v. {sorted(t_agreement['responsible'])}"
            )
        counts["lead"] += (
            bool(responsible) and bool(t_agreement["responsible"]) and (responsible[0] == t_agreement["responsible"][0])
        )
        found, total = _targets(m_agreement["targets"], t_agreement["targets"], wrong, f"afspraak {number}")
        targets_found += found
        targets_true += total
    for t_theme in truth["themes"]:
        m_theme = next((t for t in proposed["themes"] if t["number"] == t_theme["number"]), None)
        found, total = _targets(
            m_theme["targets"] if m_theme else [], t_theme["targets"], wrong, f"thema {t_theme['number']}"
        )
        targets_found += found
        targets_true += total
    matching = _matching(proposed, truth)
    return Uitkomst(
        agreements_true=len(theirs),
        agreements_found=len(mine),
        pairs_right=sum(1 for n, (t, _a) in mine.items() if n in theirs and theirs[n][0]["number"] == t["number"]),
        theme_right=counts["theme"],
        section_right=counts["section"],
        kind_right=counts["kind"],
        parties_right=counts["parties"],
        lead_right=counts["lead"],
        targets_true=targets_true,
        targets_found=targets_found,
        targets_proposed=sum(len(ts) for _k, ts in _owners(proposed)),
        targets_matching=matching,
        indicators_true=sum(len(a["indicators"]) for t in truth["themes"] for a in t["agreements"]),
        indicators_found=_indicators_found(proposed, truth),
        parties_true=len(truth["parties"]),
        parties_matched=len(set(mapping.values())),
        wrong=wrong,
    )


def _owners(s: dict) -> list[tuple[str, list]]:
    owners = []
    for t in s["themes"]:
        owners.append((f"thema {t['number']}", t["targets"]))
        owners += [(f"afspraak {a['number']}", a["targets"]) for a in t["agreements"]]
    return owners


def _same_unit(a: str, b: str) -> bool:
    if a.startswith("%") or b.startswith("%"):
        return a.startswith("%") and b.startswith("%")
    stems = lambda unit: {w[:5] for w in _norm(unit).split()}  # noqa: E731
    return bool(stems(a) & stems(b))


def _same_target(a: dict, b: dict) -> bool:
    return (
        float(a["value"]) == float(b["value"])
        and _same_unit(a["unit"], b["unit"])
        and (
            (a.get("value_max") is None and b.get("value_max") is None)
            or (
                a.get("value_max") is not None
                and b.get("value_max") is not None
                and float(a["value_max"]) == float(b["value_max"])
            )
        )
    )


def _targets(mine: list[dict], theirs: list[dict], wrong: list[str], where: str) -> tuple[int, int]:
    found, free = 0, list(mine)
    for target in theirs:
        # One proposed target answers for one target of the register, not for two with the same value.
        match = next((t for t in free if _same_target(t, target)), None)
        if match is not None:
            free.remove(match)
            found += 1
        else:
            wrong.append(f"{where}: doelstelling {target['value']} {target['unit']} niet gevonden")
    return found, len(theirs)


def _matching(proposed: dict, truth: dict) -> int:
    theirs = dict(_owners(truth))
    return sum(1 for key, ts in _owners(proposed) for t in ts if any(_same_target(t, x) for x in theirs.get(key, [])))


def _indicators_found(proposed: dict, truth: dict) -> int:
    mine = {a["number"]: a for t in proposed["themes"] for a in t["agreements"]}
    found = 0
    for t in truth["themes"]:
        for a in t["agreements"]:
            descriptions = [_norm(i["description"]) for i in mine.get(a["number"], {}).get("indicators", [])]
            for indicator in a["indicators"]:
                target = _norm(indicator["description"])
                found += any(d[:20] == target[:20] for d in descriptions)
    return found


def text_to_pdf(text: str) -> bytes:
    """A PDF with a real text layer, made with WeasyPrint from a text file: one paragraph a line,
    a new page at every form feed. For the harness and the tests; not used when importing."""
    from html import escape

    from weasyprint import HTML

    pages = []
    for page in text.split("\f"):
        paragraphs = "".join(f"<p>{escape(line) or '&#160;'}</p>" for line in page.split("\n"))
        pages.append(f"<section>{paragraphs}</section>")
    html = (
        "<html><head><style>@page { size: A4; margin: 2cm } body { font: 10pt 'DejaVu Sans' }"
        " p { margin: 0 } section + section { break-before: page }</style></head><body>"
        + "".join(pages)
        + "</body></html>"
    )
    return HTML(string=html).write_pdf()
