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
