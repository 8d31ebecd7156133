"""Headings by their type in a PDF (pdf_fonts.py): where the numbering alone is ambiguous, a line set
larger than the body text, or bold, is a heading. The same document as a text file shows the ambiguity.
And in a text file, a short title between two paragraphs ends the agreement before it."""

from html import escape

import pytest

from driehoek.importer import extract, proposal

LARGER, BOLD = "font-size: 14pt", "font-size: 10pt; font-weight: bold"

LINES = [
    ("h", "1 Inleiding"),
    ("p", "Deze afspraken maken de gemeente en de corporaties samen."),
    ("h", "2 Afspraken"),
    ("h", "Thema 1 – Wonen"),
    ("p", "Afspraak 1: De gemeente wijst twee locaties aan voor flexwoningen."),
    ("p", "Afspraak 2: De corporaties bouwen 40 woningen."),
    ("h", "Thema 2 – Zorg"),
    ("p", "Afspraak 3: De gemeente stelt een woonzorgvisie op."),
    ("h", "Thema 3 – Leefbaarheid"),
    ("p", "Afspraak 4: De corporaties houden twee keer per jaar een wijkschouw."),
    ("h", "3 Monitoring"),
    ("p", "De gemeente verzamelt de cijfers en bespreekt ze jaarlijks met alle partijen."),
    ("h", "Ondertekening"),
    ("p", "Aldus overeengekomen en ondertekend te Proefdorp."),
]


def _pdf(heading: str = LARGER) -> bytes:
    from weasyprint import HTML

    body = "".join(f"<h2>{escape(text)}</h2>" if kind == "h" else f"<p>{escape(text)}</p>" for kind, text in LINES)
    html = (
        "<html><head><style>@page { size: A4; margin: 2cm } body { font: 10pt 'DejaVu Sans' }"
        f" h2 {{ {heading}; margin: 6pt 0 }} p {{ margin: 0 }}</style></head><body>"
        "<p>Prestatieafspraken 2026 gemeente Proefdorp</p>" + body + "</body></html>"
    )
    return HTML(string=html).write_pdf()


def _last_text(result) -> str:
    return result.set["themes"][-1]["agreements"][-1]["text"]


def test_the_type_of_a_pdf_marks_its_larger_and_its_bold_lines():
    document = extract.read("proef.pdf", _pdf())
    assert document.type.larger("3 Monitoring") and document.type.larger("Ondertekening")
    assert not document.type.larger("Afspraak 4: De corporaties houden twee keer per jaar een wijkschouw.")
    bold = extract.read("proef.pdf", _pdf(BOLD)).type
    assert bold.bold("3 Monitoring") and not bold.larger("3 Monitoring")
    assert not bold.bold("Afspraak 4: De corporaties houden twee keer per jaar een wijkschouw.")


@pytest.mark.parametrize("heading", [LARGER, BOLD])
def test_a_heading_set_larger_or_bold_ends_the_agreement_where_the_numbering_is_ambiguous(heading):
    text = "Prestatieafspraken 2026 gemeente Proefdorp\n" + "\n".join(line for _kind, line in LINES)
    from_text = proposal.propose("proef.txt", text.encode())
    assert "Monitoring" in _last_text(from_text)  # the text alone: "3 Monitoring" after "Thema 3" is no heading

    from_pdf = proposal.propose("proef.pdf", _pdf(heading))
    assert _last_text(from_pdf) == "De corporaties houden twee keer per jaar een wijkschouw."
    themes = [(t["title"], [a["number"] for a in t["agreements"]]) for t in from_pdf.set["themes"]]
    assert themes == [("Wonen", ["1", "2"]), ("Zorg", ["3"]), ("Leefbaarheid", ["4"])]


def test_a_title_between_paragraphs_ends_the_last_bullet_in_a_text_file():
    text = (
        "Prestatieafspraken 2026 gemeente Proefdorp\n\n2 Wonen\nDoel: genoeg woningen.\n"
        "Wat doet de gemeente:\n- Wijst twee locaties aan voor\nflexwoningen.\n"
        "Uitvoering en monitoring\nWe volgen de uitvoering van de afspraken met\neen monitor per jaar.\n"
    )
    result = proposal.propose("proef.txt", text.encode())
    assert [a["text"] for t in result.set["themes"] for a in t["agreements"]] == [
        "Wijst twee locaties aan voor flexwoningen."
    ]
