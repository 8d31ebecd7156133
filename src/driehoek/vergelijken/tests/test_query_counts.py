"""The similar agreements and the national search read a constant number of queries, however many
municipalities, sets and agreements the country has (docs/adr/0191): the sets allowed are one query of
integers, the lights of the candidates one of rows, and the agreements only for the results shown."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from driehoek.register.models import Afspraak, Gemeente
from driehoek.vergelijken import queries, services

from .test_vergelijken import DOORSTROMING, KADER, _set, storage  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


VERDUURZAMING = "De corporaties isoleren jaarlijks woningen met energielabel E, F of G tot ten minste label B."


def _municipalities(start: int, count: int, tekst: str = DOORSTROMING) -> None:
    """Each with a published set (two good years: a good example, or one red one) and an unpublished one."""
    for i in range(start, start + count):
        gemeente = Gemeente.objects.create(naam=f"Gemeente {i}", provincie="Drenthe")
        lights = [(2025, "groen"), (2026, "afgerond")] if i % 2 else [(2025, "rood")]
        _set(f"g{i}-2025", gemeente, f"{tekst} Variant {i}.", published_years=[2025, 2026], lights=lights)
        _set(f"g{i}-geheim", gemeente, f"{tekst} Geheim {i}.")


def _counts(user, afspraak) -> tuple[tuple[int, int, int, int], list]:
    counts, found = [], []
    for ask in (
        lambda: queries.similar(user, afspraak),
        lambda: queries.search(user, "doorstroming senioren"),
        lambda: queries.search(user, "doorstroming senioren", kleur="groen"),
        lambda: queries.similar_to_text(user, DOORSTROMING),
    ):
        with CaptureQueriesContext(connection) as captured:
            found.append(ask())
        counts.append(len(captured))
        # Never every set, publication or light of the country: each query is bounded by a WHERE.
        assert all(" WHERE " in q["sql"] for q in captured if "zoekindex" not in q["sql"]), captured.captured_queries
    return tuple(counts), found


@pytest.mark.usefixtures("storage")
@pytest.mark.parametrize("who", ["ahwoon", "system"])
def test_similar_and_search_read_as_many_queries_in_a_country_three_times_as_large(people, who):
    user = queries.SYSTEM if who == "system" else people[who]
    kader_4 = Afspraak.objects.select_related("afsprakenset").get(afsprakenset__slug=KADER, nummer="4")
    _municipalities(0, 6)
    services.build_index()
    small, found = _counts(user, kader_4)
    assert len(found[0]) == 10 and len(found[1]) == 20  # more candidates than shown

    _municipalities(6, 12, VERDUURZAMING)  # n-grams in at most a fifth of the texts stay in the index
    services.build_index()
    large, found = _counts(user, kader_4)
    assert large == small
    assert len(found[0]) == 10 and len(found[1]) == 20
    # Still only what the user may see: never another municipality's unpublished set.
    seen = {r.afspraak.afsprakenset.slug for results in found for r in results}
    assert who == "system" or not any(slug.endswith("-geheim") for slug in seen)
    # Good examples first, among them the most similar first.
    good = [r.goed_voorbeeld for r in found[0]]
    assert good == sorted(good, reverse=True) and any(good)
