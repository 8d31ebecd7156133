"""Every list that shows agreement numbers shows them in natural order: 1, 2, …, 10 (issue 16 item 6)."""

import re

import pytest

from django.urls import reverse

from driehoek.accounts import policy
from driehoek.core.sorting import natural_key
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling

pytestmark = pytest.mark.django_db

LINK = re.compile(r'href="[^"]*/afspraken/([0-9][0-9A-Za-z.]*)/"[^>]*>([^<]*)<')
BLOCK = re.compile(r"<(ul|ol|tbody|section)\b.*?</\1>", re.S)


def _lists(html: str) -> list[list[str]]:
    """The agreement numbers of each list on the page (ul, ol, tbody, section), per kind of line: the link
    text before its number ("Voorzet maken: afspraak", …) tells the kinds of a mixed list apart."""
    lists = []
    for block in BLOCK.finditer(html):
        kinds: dict[str, list[str]] = {}
        for number, text in LINK.findall(block.group(0)):
            kind = text.split(number, 1)[0].strip()
            if number not in kinds.setdefault(kind, []):
                kinds[kind].append(number)
        lists += [numbers for numbers in kinds.values() if len(numbers) > 1]
    return lists


@pytest.mark.parametrize(
    ("who", "name", "with_year"),
    [
        ("gemeente", "register:set", False),
        ("gemeente", "monitoring:dashboard", True),
        ("gemeente", "monitoring:tabel", True),
        ("ahwoon", "monitoring:reactieronde", True),
        ("secretaris", "monitoring:vaststellen", True),
        ("woonborg", "cycle:open", False),
    ],
)
def test_agreement_numbers_are_listed_in_natural_order(client, kader, people, year_2026, who, name, with_year):
    # Voorzetten on a few agreements, so that the reaction round lists something.
    made = 0
    for b in Beoordeling.objects.filter(afspraak__afsprakenset=kader, jaar=2026):
        maker = next((u for u in people.values() if policy.can(u, policy.MAKE_VOORZET, b)), None)
        if maker is not None and made < 12:
            monitoring.make_voorzet(maker, b, kleur="groen", toelichting="Op schema.")
            made += 1
    client.force_login(people[who])
    args = [kader.slug, 2026] if with_year else [kader.slug]
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    lists = _lists(response.content.decode())
    assert lists, "no list of agreements found"
    for numbers in lists:
        assert numbers == sorted(numbers, key=natural_key), numbers


def test_the_inbox_lists_agreements_in_natural_order(client, kader, people, year_2026):
    client.force_login(people["woonborg"])
    for numbers in _lists(client.get("/").content.decode()):
        assert numbers == sorted(numbers, key=natural_key), numbers


def test_the_key_itself():
    assert sorted(["10", "2", "1", "4.10", "4.1", "4.2"], key=natural_key) == ["1", "2", "4.1", "4.2", "4.10", "10"]


DRAFT_ROW = re.compile(
    r'<th scope="row"><a href="[^"]*/jaarprogramma/\d+/afspraken/([0-9][0-9A-Za-z.]*)/">.*?</th>\s*<td>(.*?)</td>', re.S
)


def test_the_yearly_programme_draft_lists_agreements_in_natural_order(client, kader, people):
    """Red and orange first (as the draft intends), each group in natural order: 10 after 9."""
    from datetime import date

    from driehoek.jaarprogramma import services as jaarprogramma
    from driehoek.monitoring.models import Status

    # The 2026 evaluation as adopted (arranged directly: the adoption itself is tested elsewhere).
    monitoring.start_year(people["secretaris"], kader, 2026)
    for nummer, kleur in (("10", "oranje"), ("2", "oranje"), ("11", "rood"), ("1", "oranje")):
        Beoordeling.objects.filter(afspraak__afsprakenset=kader, afspraak__nummer=nummer, jaar=2026).update(
            kleur=kleur, reden="a", toelichting="Maatregel.", status=Status.VASTGESTELD
        )
    jaarprogramma.start(
        people["secretaris"], kader, 2027, reacties_uiterlijk=date(2026, 12, 1), today=date(2026, 11, 1)
    )
    client.force_login(people["woonborg"])
    html = client.get(reverse("jaarprogramma:concept", args=[kader.slug, 2027])).content.decode()
    rows = [
        (n, "rood" if "stoplicht--rood" in cell else "oranje" if "stoplicht--oranje" in cell else "")
        for n, cell in DRAFT_ROW.findall(html)
    ]
    assert len(rows) == kader.afspraken.count()
    numbers = [n for n, _light in rows]
    assert numbers[:4] == ["11", "1", "2", "10"]
    rank = {"rood": 0, "oranje": 1}
    assert rows == sorted(rows, key=lambda r: (rank.get(r[1], 2), natural_key(r[0])))
