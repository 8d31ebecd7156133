"""Agreement numbers sort naturally (issue 16 item 6: the open items came as 1, 10, 11, …, 19, 2)."""

import re

import pytest

from django.urls import reverse
from django.utils import translation

from driehoek.core.sorting import natural_key


def test_natural_key():
    numbers = ["10", "2", "1", "4.10", "4.2", "4.1", "19", "11"]
    assert sorted(numbers, key=natural_key) == ["1", "2", "4.1", "4.2", "4.10", "10", "11", "19"]
    assert sorted(["afspraak 10", "Afspraak 9"], key=natural_key) == ["Afspraak 9", "afspraak 10"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_open_items_list_agreements_in_natural_order(client, kader, people, year_2026, language):
    from driehoek.cycle.queries import open_items

    with translation.override(language):
        items = open_items(people["woonborg"], kader)
    by_due = {}
    for item in items:
        number = re.search(r"(?:afspraak|agreement) (\d+(?:\.\d+)*)", item.text, re.IGNORECASE)
        if number:
            by_due.setdefault((item.due, item.kind, item.text.split(":")[0]), []).append(number.group(1))
    runs = [numbers for numbers in by_due.values() if len(numbers) > 1]
    assert runs and any(len(set(r)) > 9 for r in runs)
    for numbers in runs:
        assert numbers == sorted(numbers, key=natural_key), numbers
    client.force_login(people["woonborg"])
    html = client.get(reverse("cycle:open", args=[kader.slug])).content.decode()
    shown = re.findall(r"Voorzet maken: afspraak (\d+)", html)
    assert shown == sorted(shown, key=natural_key)
