"""The first real data set: Aa en Hunze's agreements, as open-data files under data/aa-en-hunze/."""

import json
from pathlib import Path

from django.conf import settings

from .opendata import import_sets


def aa_en_hunze_files() -> list[Path]:
    # cijfers.json beside them holds figures, not a register (see figures.load_document_figures).
    return sorted(p for p in (settings.DATA_DIR / "aa-en-hunze").glob("*.json") if p.name != "cijfers.json")


def load_aa_en_hunze(*, skip_existing: bool = False) -> None:
    for path in aa_en_hunze_files():
        import_sets(json.loads(path.read_text(encoding="utf-8")), skip_existing=skip_existing)
