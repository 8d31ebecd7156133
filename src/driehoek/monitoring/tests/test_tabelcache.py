"""The monitoringstabel from the shared cache (docs/adr/0125): served again only to a viewer of the
same class, in the same language, while nothing it shows has changed. Each kind of change gives the
set a new version in its own transaction, and the next table shows the change."""

import re
from datetime import date
from decimal import Decimal

import pytest

from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from driehoek.accounts import policy
from driehoek.figures.tests.test_one_number import PLANS
from driehoek.figures.tests.test_services import _deliver
from driehoek.monitoring import checks, services, tabelcache
from driehoek.monitoring.models import Beoordeling, Jaarcheck, Status, Tabelversie
from driehoek.register.models import Afsprakenset, Gemeente

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def server_timing(settings):
    settings.SERVER_TIMING = True  # the header says whether the cache served


def _table(client, kader, **params) -> tuple[str, str]:
    """(the table as served, "hit"/"miss"/"" from the Server-Timing header)."""
    response = client.get(reverse("monitoring:tabel", args=[kader.slug, 2026]), params)
    assert response.status_code == 200
    html = response.content.decode()
    # The cached part: the filters, the table and the yearly checks below it.
    table = html[html.index('<form method="get" class="filters"') : html.index("</main>")]
    cache = re.search(r"cache;desc=(\w+)", response.headers["Server-Timing"])
    return table, cache.group(1) if cache else ""


def _row(table: str, nummer: str) -> str:
    """The rows of one agreement, from its link to the next agreement's first row."""
    start = table.index(f">{nummer}. ")
    end = table.find("monitoringstabel__first", start)
    return table[start : end if end > 0 else len(table)]


def test_the_second_request_is_served_from_the_cache(client, kader, people, year_2026):
    client.force_login(people["secretaris"])
    first, cache = _table(client, kader)
    assert cache == "miss"
    second, cache = _table(client, kader)
    assert cache == "hit" and second == first
    assert first.count("monitoringstabel__first") == kader.afspraken.count()
    for afspraak in kader.afspraken.all():  # each agreement's link, made from one reverse for all rows
        assert f'href="{reverse("monitoring:beoordeling", args=[kader.slug, 2026, afspraak.nummer])}"' in first


def test_the_header_says_how_long_the_database_took_and_a_hit_asks_fewer_queries(client, kader, people, year_2026):
    client.force_login(people["secretaris"])
    url = reverse("monitoring:tabel", args=[kader.slug, 2026])
    counts = []
    for _i in range(2):
        timing = client.get(url).headers["Server-Timing"]
        counts.append(int(re.search(r"db;dur=[\d.]+;desc=(\d+)", timing).group(1)))
    miss, hit = counts
    assert 0 < hit < miss - 3  # the rows' queries and the cache's write are skipped


def test_a_filtered_table_is_made_each_time(client, kader, people, year_2026):
    client.force_login(people["secretaris"])
    _table(client, kader)
    table, cache = _table(client, kader, kleur="rood")
    assert cache == "" and "Geen regels die aan de filters voldoen" in table
    table, cache = _table(client, kader, kleur="paars")  # a wrong filter: its message shows
    assert cache == "" and "utrecht-form-field--invalid" in table


def test_viewers_of_different_classes_never_get_each_others_table(client, kader, people, year_2026):
    member, admin = people["woonborg"], people["beheerder"]
    assert policy.monitoringstabel_class(member, kader) != policy.monitoringstabel_class(admin, kader)
    client.force_login(member)
    _table(client, kader)
    assert _table(client, kader)[1] == "hit"
    client.force_login(admin)
    assert _table(client, kader)[1] == "miss"  # not the member's entry
    assert _table(client, kader)[1] == "hit"
    # Another municipality's party finds no set, cached table or not.
    client.force_login(people["buitenstaander"])
    assert policy.monitoringstabel_class(people["buitenstaander"], kader) is None
    assert client.get(reverse("monitoring:tabel", args=[kader.slug, 2026])).status_code == 404


def test_a_cached_table_reads_the_set_its_year_and_token_in_one_query(client, kader, people, year_2026):
    """docs/adr/0166: the set (through visible_to), whether the year was started and its token
    together; the viewer's class from that, with no second look at the set's parties."""
    client.force_login(people["woonborg"])
    url = reverse("monitoring:tabel", args=[kader.slug, 2026])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert "cache;desc=hit" in response.headers["Server-Timing"]
    sets = [q["sql"] for q in queries.captured_queries if '"register_afsprakenset"' in q["sql"]]
    assert len(sets) == 1 and '"monitoring_monitoringsjaar"' in sets[0] and '"monitoring_tabelversie"' in sets[0]
    assert sum('"monitoring_tabelversie"' in q["sql"] for q in queries.captured_queries) == 1
    assert client.get(reverse("monitoring:tabel", args=[kader.slug, 2027])).status_code == 404  # not started


def test_a_table_this_process_served_last_is_served_without_the_shared_caches_query(client, kader, people, year_2026):
    """The recent entries in front of the shared cache save its query; another process (here: the
    recent entries forgotten) reads the shared cache, and a change misses both."""
    client.force_login(people["secretaris"])
    url = reverse("monitoring:tabel", args=[kader.slug, 2026])
    first = _table(client, kader)[0]

    def served() -> tuple[str, int, int]:
        with CaptureQueriesContext(connection) as queries:
            table, cache = _table(client, kader)
        assert table == first
        return cache, len(queries), sum('"driehoek_cache"' in q["sql"] for q in queries.captured_queries)

    assert served()[::2] == ("hit", 0)
    here = served()[1]
    caches["recent"].clear()  # as another web process, which has not served it yet
    cache, elsewhere, reads = served()
    assert (cache, reads, elsewhere) == ("hit", 1, here + 1)
    assert served()[::2] == ("hit", 0)
    tabelcache.raise_version([kader.pk])  # as every change to what the table shows does
    assert client.get(url).headers["Server-Timing"].count("cache;desc=miss") == 1


def test_the_recent_entries_are_bounded_and_forget_the_least_recently_served():
    recent = caches["recent"]
    recent.clear()
    for n in range(40):
        recent.set(f"tabel-{n}", "<table>")
        recent.get("tabel-0")  # served again and again: the most recent
    kept = [n for n in range(40) if recent.get(f"tabel-{n}") is not None]
    assert len(kept) <= 32 and 0 in kept and 39 in kept and 1 not in kept


def test_a_set_read_for_one_viewer_is_no_pass_for_another(kader, people, year_2026):
    member, outsider = people["woonborg"], people["buitenstaander"]
    afsprakenset = tabelcache.visible_set(member, kader.slug, 2026)
    assert tabelcache.rendered(member, afsprakenset, 2026)[1] == "miss"
    with pytest.raises(PermissionDenied):  # the policy is asked again, and refuses
        tabelcache.rendered(outsider, afsprakenset, 2026)
    with pytest.raises(Http404):
        tabelcache.visible_set(outsider, kader.slug, 2026)
    with pytest.raises(PermissionDenied):  # a set not read by visible_set: the policy decides
        tabelcache.rendered(outsider, Afsprakenset.objects.get(pk=kader.pk), 2026)


def test_every_party_of_the_set_sees_the_same_table(client, kader, people, year_2026):
    """One class for all the set's parties: so their tables must be the same, made afresh."""
    tables = set()
    for name in ("secretaris", "woonborg", "ahwoon", "lezer"):
        assert policy.monitoringstabel_class(people[name], kader) == "deelnemer"
        client.force_login(people[name])
        Tabelversie.objects.filter(afsprakenset_id=kader.pk).delete()  # a new token: made, not cached
        table, cache = _table(client, kader)
        assert cache == "miss"
        tables.add(table)
    assert len(tables) == 1


def test_each_language_has_its_own_table(client, kader, people, year_2026):
    client.force_login(people["secretaris"])
    dutch, _c = _table(client, kader)
    client.cookies["django_language"] = "en"
    english, cache = _table(client, kader)
    assert cache == "miss" and "indicator rows" in english and "indicatorregels" in dutch


def _indicator(kader, nummer="1"):
    return kader.afspraken.get(nummer=nummer).indicatoren.order_by("volgorde")[0]


def _beoordeling(kader, nummer="1"):
    return Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer=nummer, jaar=2026)


def _value(kader, people):
    services.save_value(people["woonborg"], _indicator(kader), 2026, waarde=Decimal("4321"), eenheid="woningen")
    return "4.321 woningen"


def _voorzet(kader, people):
    b = _beoordeling(kader)
    services.make_voorzet(
        people["woonborg"], b, kleur="rood", reden="b", toelichting="Loopt flink achter, zie de cijfers."
    )
    return "Loopt flink achter, zie de cijfers."


def _reaction(kader, people):
    _voorzet(kader, people)
    b = _beoordeling(kader)
    services.respond(people["ahwoon"], b, soort="niet_akkoord", toelichting="Niet eens.", revisie=b.revisie)
    return str(Status.IN_BESPREKING.label)


def _adoption(kader, people):
    _voorzet(kader, people)
    b = _beoordeling(kader)
    for name in ("secretaris", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        if policy.can(people[name], policy.RESPOND, b):
            services.respond(people[name], _beoordeling(kader), soort="akkoord", revisie=b.revisie)
    services.adopt(people["secretaris"], _beoordeling(kader), datum=date(2027, 3, 1), orgaan="BO maart")
    return str(Status.VASTGESTELD.label)


def _upload(kader, people):
    _deliver(people["woonborg"], Gemeente.objects.get(naam="Aa en Hunze"), "plannen", PLANS)
    return 'aantal opgeleverde woningen<br><span class="muted">'


def _register(kader, people):
    """An agreement's title changed outside the services (the administrator, by decision)."""
    Afsprakenset.objects.filter(pk=kader.pk).update(status="concept")  # the signed-set guard is not tested here
    afspraak = kader.afspraken.get(nummer="1")
    afspraak.titel = "Een nieuwe titel voor afspraak een"
    afspraak.save()
    return "Een nieuwe titel voor afspraak een"


def _check(kader, people):
    """The yearly check of an ongoing commitment, below the table."""
    check = Jaarcheck.objects.filter(jaar=2026, lopende_afspraak__thema__afsprakenset=kader).first()
    checks.record(people["secretaris"], check, stand="gestopt", opmerking="Gestopt na overleg in maart.")
    return "Gestopt na overleg in maart."


def _target_check(kader, people):
    """The yearly check of a theme's target, below the table."""
    check = Jaarcheck.objects.filter(jaar=2026, doelstelling__thema__afsprakenset=kader).first()
    checks.record(people["secretaris"], check, stand="afgerond", opmerking="Doel van het thema gehaald.")
    return "Doel van het thema gehaald."


def _party(kader, people):
    """A party's short name: the table names actiehouders by it where no printed label is kept
    (Aa en Hunze's indicators all have one, so the name itself does not show here)."""
    partij = people["woonborg"].partij
    partij.korte_naam = "Woonborg-nieuw"
    partij.save()
    return None


CHANGES = [_value, _voorzet, _reaction, _adoption, _upload, _register, _check, _target_check, _party]


@pytest.mark.parametrize("change", CHANGES)
def test_each_kind_of_change_raises_the_version_and_shows(client, kader, people, year_2026, change):
    client.force_login(people["secretaris"])
    before, _c = _table(client, kader)
    assert _table(client, kader)[1] == "hit"
    token = tabelcache.token(kader)
    with translation.override("nl"):
        shown = change(kader, people)
    assert tabelcache.token(kader) != token
    after, cache = _table(client, kader)
    assert cache == "miss"
    if shown:
        assert after != before and shown in after
        assert shown not in before or after.count(shown) > before.count(shown)


def test_the_table_the_set_page_and_the_public_page_keep_their_entries_through_one_function(
    client, kader, people, year_2026, monkeypatch
):
    """One function makes the key (set, parts, language, token, release) and reads and writes the
    entry for every cached page (issue 18, mend c): a rule added there holds for all three."""
    from driehoek.reports import services as reports
    from driehoek.reports.tests.test_openbaar_cache import _adopt

    _adopt(kader, people, "5", "groen", "Inventarisatie afgerond.")
    reports.publish(people["secretaris"], kader, 2026)
    kept, names = tabelcache.kept, []

    def recorded(name, *args, **kwargs):
        names.append(name)
        return kept(name, *args, **kwargs)

    monkeypatch.setattr(tabelcache, "kept", recorded)
    client.force_login(people["woonborg"])
    for url in (
        reverse("monitoring:tabel", args=[kader.slug, 2026]),
        kader.get_absolute_url(),
        reverse("reports:openbaar", args=[kader.slug, 2026]),
    ):
        assert client.get(url).status_code == 200
    assert names == ["monitoringstabel", "setlijst", "openbaar"]
    from driehoek.register import setcache

    assert not hasattr(setcache, "kept")
