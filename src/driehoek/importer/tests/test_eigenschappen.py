"""The parser never raises on arbitrary text: it proposes a valid set, or says why it cannot."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from driehoek.importer import extract, proposal
from driehoek.register.opendata import check

LINES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "1. Afspraken",
            "Afspraken",
            "3. BESCHIKBAARHEID",
            "Thema 2: Duurzaamheid",
            "Afspraak 3.2 Iets",
            "• De gemeente doet minimaal 30% of € 1.000,- tot 2030",
            "Uitgangspunten",
            "Dit doen we al",
            "Doel: x",
            "13 Voldoende ruimte",
            "Thema Afspraak Indicator Jaar Actiehouder",
            "> 2026-2031",
            "Bron Stichting X",
            "woning-",
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=40))
def test_the_parser_never_raises(lines):
    content = "\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        result = proposal.propose("willekeurig.txt", content)
    except extract.DocumentError:
        return
    assert result.set["themes"]
    check(result.data)  # always a valid open-data file: acceptance can only fail on what a reviewer changed
