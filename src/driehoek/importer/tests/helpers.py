"""Shared by the importer's tests: the made-up documents, as text and as PDF."""

import logging
from functools import cache
from pathlib import Path

from driehoek.importer.evaluation import text_to_pdf

DOCUMENTEN = Path(__file__).parent / "documenten"

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def text(name: str) -> bytes:
    return (DOCUMENTEN / f"{name}.txt").read_bytes()


@cache
def pdf(name: str) -> bytes:
    return text_to_pdf(text(name).decode("utf-8"))


def read(text: str, name: str = "proef.txt") -> list[tuple[str, str, list[str]]]:
    """The proposal's agreements as (theme title, number, responsible parties), in document order."""
    from driehoek.importer import proposal

    result = proposal.propose(name, text.encode())
    return [(t["title"], a["number"], a["responsible"]) for t in result.set["themes"] for a in t["agreements"]]
