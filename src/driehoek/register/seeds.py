"""The first real data set: Aa en Hunze's agreements, as open-data files under data/aa-en-hunze/."""

import json
from pathlib import Path

from django.conf import settings

from .opendata import import_sets


def aa_en_hunze_files() -> list[Path]:
    return sorted((settings.DATA_DIR / "aa-en-hunze").glob("*.json"))


def load_aa_en_hunze(*, skip_existing: bool = False) -> None:
    for path in aa_en_hunze_files():
        import_sets(json.loads(path.read_text(encoding="utf-8")), skip_existing=skip_existing)
