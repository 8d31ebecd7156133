"""Full-text search (issue 15, finding 3): any word, ranked, a bounded number of words, and a cost
that does not grow with the number of words (no join per word)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak, Afsprakenset, Doelstelling, Indicator
from driehoek.register.search import MAX_WORDS, search_afspraken, zoekvraag

pytestmark = pytest.mark.django_db

KADER = "aa-en-hunze-kaderafspraken-2026-2031"
PA2022 = "aa-en-hunze-prestatieafspraken-2022"
COMMON = "woningen huurders corporaties gemeente jaar wonen huur"


@pytest.fixture(autouse=True)
def concept_sets():
    """The seeds are signed sets, which change only by decision (register.guard); these tests change
    texts to watch the index follow, so they work on the sets as concepts."""
    Afsprakenset.objects.filter(slug__in=[KADER, PA2022]).update(status="concept")


def _joins(queries) -> int:
    return sum(q["sql"].upper().count(" JOIN ") for q in queries)


def _search(slug: str, q: str):
    afsprakenset = Afsprakenset.objects.get(slug=slug)
    with CaptureQueriesContext(connection) as queries:
        found = list(search_afspraken(afsprakenset, q=q))
    return found, queries.captured_queries


def test_more_words_cost_no_more_queries_and_no_more_joins():
    _one, one = _search(PA2022, "huurders")
    _seven, seven = _search(PA2022, COMMON)
    _e, fifteen_e = _search(PA2022, " ".join(["e"] * 15))
    assert len(seven) == len(one) and len(fifteen_e) <= len(one)
    assert _joins(seven) == _joins(one)
    assert _joins(fifteen_e) <= _joins(one)


def test_any_word_matches_not_all_words():
    found, _q = _search(KADER, "aftoppingsgrens zzzonbekendzzz")
    assert "5" in [a.nummer for a in found]


def test_the_agreement_with_more_of_the_words_ranks_first():
    found, _q = _search(KADER, "aftoppingsgrens toereikend")
    assert found and found[0].nummer == "5"
    found, _q = _search(PA2022, "aftoppingsgrens")
    assert found and "aftoppingsgrens" in (found[0].tekst + found[0].titel).lower()


def test_seven_common_words_return_every_agreement_that_has_one_of_them_once():
    found, _q = _search(PA2022, COMMON)
    numbers = [a.nummer for a in found]
    assert len(numbers) == len(set(numbers)) > 30


def test_the_number_of_words_is_capped_with_a_dutch_message():
    words = " ".join(f"woord{i}" for i in range(MAX_WORDS + 5))
    vraag = zoekvraag(words)
    assert len(vraag.words) == MAX_WORDS
    assert f"alleen op de eerste {MAX_WORDS} woorden" in vraag.melding
    assert zoekvraag(" ".join(["e"] * 15)).words == []
    assert "overgeslagen" in zoekvraag(" ".join(["e"] * 15)).melding
    assert zoekvraag("5").words == ["5"]


def test_the_page_tells_which_words_were_ignored(client, user_factory):
    client.force_login(user_factory(partij=Partij.objects.get(naam="Algemene Huurdersvereniging WOON")))
    words = " ".join(f"woord{i}" for i in range(MAX_WORDS + 2))
    html = client.get(reverse("register:set", args=[KADER]), {"q": words}).content.decode()
    assert f"alleen op de eerste {MAX_WORDS} woorden" in html


def test_the_index_follows_changes_to_text_indicators_and_targets():
    afspraak = Afspraak.objects.get(afsprakenset__slug=KADER, nummer="5")
    afspraak.tekst += " kwartelkoning"
    afspraak.save()
    assert "5" in [a.nummer for a in _search(KADER, "kwartelkoning")[0]]
    indicator = Indicator.objects.filter(afspraak__afsprakenset__slug=KADER).exclude(afspraak=afspraak).first()
    indicator.omschrijving = "aantal grutto's geteld"
    indicator.save()
    assert indicator.afspraak.nummer in [a.nummer for a in _search(KADER, "grutto's")[0]]
    doel = Doelstelling.objects.filter(afspraak__afsprakenset__slug=KADER).first()
    doel.onderwerp = "ijsvogelnesten"
    doel.save()
    assert doel.afspraak.nummer in [a.nummer for a in _search(KADER, "ijsvogelnesten")[0]]
    indicator.delete()
    assert indicator.afspraak.nummer not in [a.nummer for a in _search(KADER, "grutto's")[0]]
    afspraak.delete()
    assert _search(KADER, "kwartelkoning")[0] == []


def test_search_stays_within_the_set():
    """A word that only the other set contains finds nothing in this one."""
    pa = Afspraak.objects.filter(afsprakenset__slug=PA2022).first()
    pa.tekst += " roerdomp"
    pa.save()
    assert _search(KADER, "roerdomp")[0] == []
    assert [a.nummer for a in _search(PA2022, "roerdomp")[0]] == [pa.nummer]


def test_a_user_of_another_party_cannot_search_a_set_they_do_not_see(client, user_factory):
    client.force_login(user_factory(partij=Partij.objects.get(naam="Woonzorg Nederland")))
    assert client.get(reverse("register:set", args=[PA2022]), {"q": "huurders"}).status_code == 404


def test_agreements_written_in_bulk_are_indexed_too():
    from django.core.management import call_command

    from driehoek.register.search_index import Zoekdocument

    call_command("generate_national", scale=0.002, seed=1, verbosity=0)
    assert Zoekdocument.objects.count() == Afspraak.objects.count()
