"""A responsibility line with more than one field (docs/adr/0209): who leads, who only helps, and when.

    Regie: corporaties | Samen met: gemeente
    Actiehouder: gemeente · Betrokken: X, Y · Termijn: 1 oktober 2026
    Aan zet: X (de gemeente denkt mee)

The line opens with a field of the lead family (its label matched `shapes.RESPONSIBLE`); a further field starts
after a separator ("|", "·", "•", ";", a dash, a comma or a full stop) with a label and a colon. The fields of the
lead family ("Trekker", "Regie", "Actiehouder", "Verantwoordelijk", "Eigenaar", "Penvoerder", ...) name the
responsible parties; the fields of the help family ("Samen met", "Betrokken", "Partners", "Ondersteuning",
"Adviseert", ...) name parties that work with them and are not responsible; any other field ("Termijn",
"Gereed", "Budget") names none, nor does a party marked as a helper ("corporaties (ondersteunend)"). A remark in
brackets after the names ("(de gemeente denkt mee)") is no name,
unless it marks the lead ("gemeente (trekker), corporaties"), which `agreement_facts.stated` reads.
"""

import re

LEAD_FAMILY = re.compile(
    r"(?i)^(?:(?:kar)?trekkers?|regie|actiehouders?|(?:eerst|hoofd|eind)?verantwoordelijke?(?:\s+partij(?:en)?)?|"
    r"verantwoordelijkheid|initiatiefnemers?|eigenaar|penvoerder|lead|uitvoerders?|uitvoering(?:\s+door)?|aan\s+zet|"
    r"wie)$"
)
# A label of one to four words and its colon, after a separator: where a further field starts.
FIELD = re.compile(
    r"(?:\s+[|·•–—/-]\s+|\s*[|·•;/]\s*|[,.]\s+|\s{2,})"
    r"(?P<label>[A-Za-zÀ-ÿ][\w'-]*(?:\s+[\w'-]+){0,3})\s*:\s*"
)
# A party marked as one that helps: "gemeente, corporaties (ondersteunend)", "X (betrokken)".
HELPER = re.compile(
    r"(?i)\(\s*(?:ondersteun\w*|betrokken|adviserend|adviseert|meedenkend|denkt\s+mee|denken\s+mee|partners?|helpt|"
    r"helpen|mede\w*|samen\s+met)\s*\)"
)
ASIDE = re.compile(r"\s*\((?![^()]*\b(?:trekker|lead|penvoerder|regie|\w*verantwoordelijke?)\b)[^()]*\)")
LINE_AT_MOST = 400


def responsible_part(lead: str) -> str:
    """The names the lead family's fields of a responsibility line give ("corporaties" of "corporaties | Samen met:
    gemeente"), without the other fields and without a remark in brackets."""
    lead = lead[:LINE_AT_MOST]
    kept, start, label = [], 0, ""
    for m in FIELD.finditer(lead):
        if not label or LEAD_FAMILY.match(label):
            kept.append(lead[start : m.start()])
        start, label = m.end(), m.group("label")
    if not label or LEAD_FAMILY.match(label):
        kept.append(lead[start:])
    said = ", ".join(part.strip(" ,;.") for part in kept if part.strip(" ,;."))
    pieces = [p.strip() for p in re.split(r"\s*[,;]\s*|\s+en\s+", said) if p.strip()]
    if any(HELPER.search(p) for p in pieces) and not all(HELPER.search(p) for p in pieces):
        said = ", ".join(p for p in pieces if not HELPER.search(p))
    return ASIDE.sub("", said).strip()
