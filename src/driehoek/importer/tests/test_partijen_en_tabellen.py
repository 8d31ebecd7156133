"""Rules learnt from corpus-21 and 27 (moved to the tuning set), each on a small document of its own:
short names in brackets, a name's last word used on its own, a responsibility line followed by the next
agreement's label, and a monitoring matrix after tables of agreements."""

from driehoek.importer import parties, proposal


def _responsible(result) -> dict[str, list[str]]:
    return {a["number"]: a["responsible"] for t in result.set["themes"] for a in t["agreements"]}


def test_a_short_name_in_brackets_is_that_partys_alone():
    text = (
        "De partijen zijn:\n• Gemeente Proefdorp (de gemeente);\n• Stichting Veldhuis Wonen (Veldhuis);\n"
        "• Huurdersraad Veldhuis (Huurdersraad).\nVeldhuis bouwt; de Huurdersraad adviseert.\n\n"
        "Ondertekening\nGemeente Proefdorp\nde heer A. Aal, wethouder\nStichting Veldhuis Wonen\n"
        "mevrouw B. Baars, bestuurder\nHuurdersraad Veldhuis\nde heer C. Cos, voorzitter\n"
    )
    found, _signing = parties.find(text)
    by_name = {p.name: p for p in found}
    assert by_name["Stichting Veldhuis Wonen"].short_name == "Veldhuis"
    assert by_name["Huurdersraad Veldhuis"].short_name == "Huurdersraad"
    assert "Veldhuis" not in by_name["Huurdersraad Veldhuis"].aliases


DOCUMENT = """Prestatieafspraken 2026 gemeente Proefdorp

1 Inleiding
Deze afspraken zijn gemaakt tussen de gemeente Proefdorp, woningstichting Kernhof, Stichting Wonen
Veldhuis en huurdersvereniging De Lamp. Veldhuis en Kernhof bouwen samen.

2 Beschikbaarheid
Doel: genoeg woningen.

Afspraak 2.1
Kernhof en Veldhuis bouwen 40 woningen.
Trekker: corporaties

Afspraak 2.2
Partijen maken een plan voor doorstroming.
Trekker: Veldhuis

Afspraak 2.3
De gemeente wijst twee locaties aan.
Verantwoordelijk: gemeente

3 Monitoring
| Nr | Indicator | Actiehouder | 2026 | 2027 |
|----|-----------|-------------|------|------|
| 1  | Woningen gebouwd | Veldhuis | 20 | 40 |
| 2  | Locaties | gemeente | 1 | 2 |
"""


def test_responsibility_lines_name_parties_by_the_last_word_the_document_uses():
    result = proposal.propose("proef.txt", DOCUMENT.encode())
    names = {p["name"] for p in result.set["parties"]}
    assert names == {"Gemeente Proefdorp", "Kernhof", "Stichting Wonen Veldhuis", "De Lamp"}
    short = {p["name"]: p["short_name"] for p in result.set["parties"]}
    assert short["Stichting Wonen Veldhuis"] == "Veldhuis"
    assert _responsible(result) == {
        "2.1": ["Kernhof", "Stichting Wonen Veldhuis"],
        "2.2": ["Stichting Wonen Veldhuis"],
        "2.3": ["Gemeente Proefdorp"],
    }


def test_a_monitoring_matrix_numbered_like_the_agreements_is_no_agreements():
    table = """Prestatieafspraken 2026 gemeente Proefdorp

Thema 1 – Wonen
| Nr | Afspraak | Verantwoordelijk |
|----|----------|------------------|
| 1  | De gemeente wijst twee locaties aan. | gemeente |
| 2  | De corporaties bouwen 40 woningen. | corporaties |

Thema 2 – Zorg
| Nr | Afspraak | Verantwoordelijk |
|----|----------|------------------|
| 3  | De gemeente stelt een woonzorgvisie op. | gemeente |

Bijlage 1 Monitoringsmatrix
| Nr | Indicator | Actiehouder | 2026 | 2027 |
|----|-----------|-------------|------|------|
| 1  | Locaties aangewezen | gemeente | 1 | 2 |
| 3  | Woonzorgvisie | gemeente | kwalitatief | |
"""
    result = proposal.propose("proef.txt", table.encode())
    numbers = [(t["title"], [a["number"] for a in t["agreements"]]) for t in result.set["themes"]]
    assert numbers == [("Wonen", ["1", "2"]), ("Zorg", ["3"])]
