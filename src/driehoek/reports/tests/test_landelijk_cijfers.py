"""The national figures of the overview, stored per class of viewer and filter (reports/national_cache.py,
docs/adr/0150): read again while nothing changed, never stale after a change, never crossing from
one class of viewer to another, and only for the classes that share them."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from driehoek.accounts.models import User
from driehoek.register.models import Afsprakenset, Gemeente
from driehoek.reports import national, national_cache
from driehoek.reports.models import Jaaroverzicht, NationalFigures, SummaryVersion
from driehoek.reports.services import publish

from .test_samenvatting import _adopt

pytestmark = pytest.mark.django_db
URL = reverse("reports:landelijk")
PUBLIC = reverse("reports:landelijk_openbaar")


def _figures(response) -> tuple:
    return response.context["theme_lights"], response.context["totals"]


def _direct(sets, **filters) -> tuple:
    """The figures computed now, without anything stored."""
    _page, _rows, themes, totals = national.overview(sets, **filters)
    return themes, totals


def _queries(client, url, params=None) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries), response


def test_the_second_request_reads_the_stored_figures_with_fewer_queries(client, people, kader, year_2026):
    _adopt(people, kader, "1", "groen")
    client.force_login(people["beheerder"])
    first, response = _queries(client, URL)
    second, again = _queries(client, URL)
    assert _figures(again) == _figures(response) == _direct(Afsprakenset.objects.all())
    assert second < first and NationalFigures.objects.filter(key="beheerder||").count() == 1


def test_an_adoption_a_publication_and_a_new_province_are_seen_at_once(client, people, kader, year_2026):
    client.force_login(people["beheerder"])
    client.get(PUBLIC)
    before = _figures(client.get(URL))
    _adopt(people, kader, "1", "groen")  # writes the summaries: raises the version
    after = _figures(client.get(URL))
    assert after != before and after == _direct(Afsprakenset.objects.all())
    assert sum(sum(counts) for _thema, counts in after[0]) == sum(sum(counts) for _thema, counts in before[0]) + 1

    public_before = _figures(client.get(PUBLIC))
    publish(people["secretaris"], kader, 2026)
    public_after = _figures(client.get(PUBLIC))
    assert public_after != public_before
    assert public_after == _direct(Afsprakenset.objects.published(), public=True)

    provincie = "Zeeland" if kader.gemeente.provincie != "Zeeland" else "Limburg"
    empty = _figures(client.get(URL, {"provincie": provincie}))
    gemeente = Gemeente.objects.get(pk=kader.gemeente_id)
    gemeente.provincie = provincie
    gemeente.save()  # which sets a province holds changed
    moved = _figures(client.get(URL, {"provincie": provincie}))
    assert moved != empty and moved == _direct(Afsprakenset.objects.all(), provincie=provincie)


def test_a_deleted_set_leaves_the_figures(client, people, kader):
    elders = Gemeente.objects.create(naam="Elders", provincie="Zeeland")
    extra = Afsprakenset.objects.create(
        gemeente=elders, slug="weg", soort="prestatieafspraken", titel="Weg", eerste_jaar=2026,
        laatste_jaar=2027,
    )  # fmt: skip
    Jaaroverzicht.objects.create(afsprakenset=extra, jaar=2026, doel=999_999)  # as a service would keep it
    client.force_login(people["beheerder"])
    before = _figures(client.get(URL))
    assert before[1]["target"] >= 999_999
    version = SummaryVersion.objects.get().number
    extra.delete()
    assert SummaryVersion.objects.get().number > version
    after = _figures(client.get(URL))
    assert after != before and after == _direct(Afsprakenset.objects.all())


def test_the_public_never_gets_the_administrators_figures(client, people, kader, year_2026):
    _adopt(people, kader, "1", "groen")  # adopted, not published: the administrator sees it, the public not
    client.force_login(people["beheerder"])
    beheerder = _figures(client.get(URL))
    client.logout()
    public = _figures(client.get(PUBLIC))
    assert public != beheerder and public == _direct(Afsprakenset.objects.published(), public=True)
    assert set(NationalFigures.objects.values_list("key", flat=True)) == {"beheerder||", "openbaar||"}


def test_a_party_s_user_and_a_corporation_search_are_never_stored(client, people, kader, year_2026):
    _adopt(people, kader, "1", "groen")
    client.force_login(people["secretaris"])
    response = client.get(URL)
    mine = Afsprakenset.objects.visible_to(people["secretaris"])
    assert _figures(response) == _direct(mine)
    client.force_login(people["beheerder"])
    client.get(URL, {"corporatie": "Woonborg"})
    assert not NationalFigures.objects.exists()


def test_the_classes_of_viewer():
    beheerder = User(username="b", rol=User.Rol.BEHEERDER)
    assert national_cache.viewer_class(beheerder, public=False) == "beheerder"
    assert national_cache.viewer_class(beheerder, public=True) == "openbaar"
    assert national_cache.viewer_class(User(username="s", rol=User.Rol.SECRETARIS), public=False) is None
    assert (
        national_cache.viewer_class(User(username="b", rol=User.Rol.BEHEERDER, is_active=False), public=False) is None
    )


def test_the_administrators_class_sees_every_set(people):
    """The class shares figures because its members see the same sets: every set."""
    every = set(Afsprakenset.objects.values_list("pk", flat=True))
    for user in User.objects.filter(is_active=True):
        if national_cache.viewer_class(user, public=False) == "beheerder":
            assert set(Afsprakenset.objects.visible_to(user).values_list("pk", flat=True)) == every


def test_without_the_version_row_nothing_is_stored(client, people, kader, year_2026):
    SummaryVersion.objects.all().delete()
    _adopt(people, kader, "1", "groen")
    client.force_login(people["beheerder"])
    assert _figures(client.get(URL)) == _direct(Afsprakenset.objects.all())
    assert not NationalFigures.objects.exists()


def test_figures_of_an_old_version_are_removed_when_new_ones_are_stored(client, people, kader, year_2026):
    client.force_login(people["beheerder"])
    client.get(URL)
    client.get(URL, {"jaar": 2026})
    _adopt(people, kader, "1", "groen", jaar=2026)
    client.get(URL)
    assert list(NationalFigures.objects.values_list("key", flat=True)) == ["beheerder||"]
    assert NationalFigures.objects.get().version == SummaryVersion.objects.get().number
