"""Bad input gets a clear message (or a result), never a traceback (issue 7, point 5)."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from django.core.management import CommandError, call_command

from driehoek.importer import extract, proposal
from driehoek.importer.evaluation import text_to_pdf

from .helpers import pdf, text


def test_an_encrypted_pdf_is_refused_with_a_reason():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf("zilverveen"))))
    writer.encrypt("geheim")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(extract.DocumentError, match="beveiligd met een wachtwoord"):
        proposal.propose("beveiligd.pdf", out.getvalue())


def test_a_scan_without_text_layer_is_refused_with_a_reason():
    html_only_drawing = "<svg width='400' height='300'><rect width='400' height='300' fill='#888'/></svg>"
    from weasyprint import HTML

    scan = HTML(string=f"<html><body>{html_only_drawing}</body></html>").write_pdf()
    with pytest.raises(extract.DocumentError, match="geen tekstlaag"):
        proposal.propose("scan.pdf", scan)


@pytest.mark.parametrize("content", [b"", b"   \n\n  ", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(content):
    with pytest.raises(extract.DocumentError, match="leeg"):
        proposal.propose("leeg.txt", content)


def test_a_damaged_pdf_is_refused():
    with pytest.raises(extract.DocumentError, match="beschadigd"):
        proposal.propose("kapot.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")


def test_a_document_without_agreements_says_so():
    with pytest.raises(proposal.NoAgreements, match="geen genummerde afspraken"):
        proposal.propose("brief.txt", b"Geachte heer,\n\nHierbij de notulen van het overleg.\n\nMet vriendelijke groet")


def test_a_windows_text_file_is_read_and_says_how():
    content = text("kranenmeer").decode("utf-8").encode("cp1252")  # ‘quotes’, bullets and € in Windows bytes
    result = proposal.propose("kranenmeer.txt", content)
    assert "geen UTF-8; gelezen als cp1252" in " ".join(result.notes)
    assert sum(len(t["agreements"]) for t in result.set["themes"]) == 6
    assert result.set["signatories"][1]["party"] == "Woonstichting Lindehof"


def test_a_300_page_document_is_read():
    # Three pages of agreements made by WeasyPrint, copied to 300 pages with pypdf: a long document
    # without waiting a minute for WeasyPrint. The speed is measured by make importer-eval, not here.
    topics = ["Betaalbaarheid", "Beschikbaarheid", "Leefbaarheid"]
    actors = ["De gemeente", "De corporatie", "De huurdersraad", "Partijen"]
    body = "\f".join(
        f"Thema {t}: {topics[t - 1]}\nAfspraken\n"
        + "\n".join(
            f"Afspraak {t}.{k} {actors[(k + t) % 4]} {topics[k % 3].lower()} minimaal {k} keer per jaar."
            for k in range(1, 30)
        )
        for t in range(1, 4)
    )
    reader = PdfReader(io.BytesIO(text_to_pdf(body)))
    writer = PdfWriter()
    for _ in range(100):
        for page in reader.pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    result = proposal.propose("lang.pdf", out.getvalue())
    assert result.pages >= 300
    assert result.set["themes"]


def test_the_command_gives_a_message_not_a_traceback(tmp_path):
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="leeg"):
        call_command("import_agreements", str(empty), "--format", "json")
    with pytest.raises(CommandError, match="kan het bestand niet lezen"):
        call_command("import_agreements", str(tmp_path / "bestaat-niet.pdf"))
