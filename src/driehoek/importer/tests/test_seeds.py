"""The aims of issue 7, measured on the two Aa en Hunze documents against their checked register
(data/aa-en-hunze/*.json). The same comparison prints the figures in `make importer-eval`."""

import json
from pathlib import Path

import pytest

from django.conf import settings

from driehoek.importer import evaluation, proposal
from driehoek.register.opendata import check

DATA = Path(settings.BASE_DIR) / "data" / "aa-en-hunze"
SEEDS = ["prestatieafspraken-2022", "kaderafspraken-2026-2031"]


def measure(name: str, pdf: bool = False) -> tuple[evaluation.Uitkomst, dict]:
    content = (DATA / "bron" / f"{name}.txt").read_bytes()
    if pdf:
        content = evaluation.text_to_pdf(content.decode("utf-8"))
    result = proposal.propose(f"{name}.{'pdf' if pdf else 'txt'}", content)
    truth = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["sets"][0]
    return evaluation.compare(result.set, truth), result.data


@pytest.mark.parametrize("name", SEEDS)
def test_every_agreement_is_found_in_its_theme_and_section(name):
    u, data = measure(name)
    check(data)  # the proposal is a valid open-data file
    assert (u.precision, u.recall, u.theme_accuracy) == (1.0, 1.0, 1.0), u.wrong
    assert u.section_accuracy == 1.0, u.wrong
    assert u.kind_accuracy >= 0.95, u.wrong
    assert u.parties_matched == u.parties_true


@pytest.mark.parametrize("name", SEEDS)
def test_parties_and_targets_per_document(name):
    u, _data = measure(name)
    assert u.party_accuracy >= 0.90, u.wrong
    assert u.target_recall >= 0.90, u.wrong


def test_aims_over_both_documents():
    results = [measure(name)[0] for name in SEEDS]
    agreements = sum(u.agreements_true for u in results)
    assert agreements == 104
    assert sum(u.parties_right for u in results) / agreements >= 0.95
    assert sum(u.targets_found for u in results) / sum(u.targets_true for u in results) >= 0.90


def test_the_monitoring_table_becomes_indicators_with_years_and_actiehouders():
    u, data = measure("kaderafspraken-2026-2031")
    assert u.indicators_found >= 0.9 * u.indicators_true
    first = data["sets"][0]["themes"][0]["agreements"][0]
    assert [i["years"] for i in first["indicators"]] == ["2026-2031", "2026-2031", "2026-2031"]
    assert first["indicators"][0]["actiehouders_label"] == "corporaties"
    assert len(first["indicators"][0]["actiehouders"]) == 3  # the three corporations the document names


def test_a_pdf_of_the_seed_gives_the_same_result():
    text, _ = measure("kaderafspraken-2026-2031")
    pdf, _ = measure("kaderafspraken-2026-2031", pdf=True)
    assert (pdf.pairs_right, pdf.parties_right, pdf.targets_found) == (
        text.pairs_right,
        text.parties_right,
        text.targets_found,
    )
