"""No municipality or party name in the importer's code or rules (issue 17, ADR 0011): the names of
the seeds and of every corpus document, looked for in every module of the importer (its tests and
their documents aside)."""

import json
import re
from pathlib import Path

from django.conf import settings

IMPORTER = Path(__file__).resolve().parent.parent


def _names() -> set[str]:
    names: set[str] = set()
    for path in (settings.BASE_DIR / "data" / "aa-en-hunze").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for s in data.get("sets", []):
            names.add(s["municipality"])
            names |= {p["name"] for p in s["parties"]} | {p["short_name"] for p in s["parties"]}
    for path in (IMPORTER / "tests" / "corpus").glob("corpus-*.json"):
        truth = json.loads(path.read_text(encoding="utf-8"))
        names.add(truth["municipality"])
        names |= {p["name"] for p in truth["parties"]} | {p["short"] for p in truth["parties"]}
    # "Gemeente", or a short name that is one organisation word ("Huurdersraad"), is a kind of party, not a
    # name; very short names would match inside ordinary words.
    generic = re.compile(r"(?i)^(?:gemeente|\w*(?:raad|platform|stichting|vereniging|collectief|koepel|groep))$")
    return {n for n in names if len(n) >= 4 and not generic.match(n)}


def test_the_names_are_read_from_the_seeds_and_the_corpus():
    names = _names()
    assert "Aa en Hunze" in names and len(names) > 60


def test_no_municipality_or_party_name_in_the_importers_code():
    names = _names()
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])"
    )
    found = []
    for path in sorted(IMPORTER.rglob("*")):
        if "tests" in path.relative_to(IMPORTER).parts or path.suffix not in (".py", ".html", ".txt", ".json"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if m := pattern.search(line):
                found.append(f"{path.relative_to(IMPORTER)}:{number}: {m.group(0)}")
    assert found == []
