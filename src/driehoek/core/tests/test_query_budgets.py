"""Each main page runs a fixed number of SQL queries, whatever the size of the data: the same count
for the smallest and the largest set of a small and a larger generated national data set (no N+1)."""

import pytest

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from driehoek.accounts.models import Partij, User
from driehoek.core.synthetic import CURRENT, Generator
from driehoek.register.models import Afsprakenset

# Queries per page. A change here is a decision: say in the commit why a page needs one more.
# Every logged-in page asks whether the user set up a second factor (accounts/twofactor.py): someone
# who switched it on must use it in every session, so this is not cached in the session. Since
# docs/adr/0165 that is asked in the query that loads the session's user, with their party (the
# header names it): one query where there were up to three (each page below one fewer).
BUDGET = {
    # The start page is the inbox (issue 20): besides its own queries (the sets being signed, the bod
    # tasks) it asks each set the user takes part in what waits there (monitoring and cycle); counted below.
    "start": 8,
    "start_cached": 8,
    # The list of agreements and the empty filter fields from the shared cache (register/setcache.py,
    # issue 18): on a miss the set's token (1; made by the table's first view before it), the read (1), the list's
    # queries (4), the filter fields' choices (3) and the write (5); served from the cache, the token and
    # the read instead of the list's and the fields' seven (docs/adr/0160).
    "set": 20,
    "set_cached": 8,
    # + the disputes about the agreement and their outcome; the agreement read with its set (one query,
    # not two), and the responsible parties and the targets with their party and indicator (likewise).
    # The references both ways in one query (16 -> 15, docs/adr/0186).
    "afspraak": 15,
    # + the yearly checks of ongoing commitments and theme targets, + the year's yearly targets; and the
    # shared cache (docs/adr/0125): the set's token (read with the set, the year and the viewer's
    # class in one query, docs/adr/0166; made on a first view, here the start page's), the cache
    # read (1) and, on a miss, its write (5: count for culling, look-up, insert).
    "tabel": 20,
    # The second request: filters, table and yearly checks from the cache, without their queries:
    # the session, the user, their verified device, the set with its token; the table from this
    # process's recent entries (monitoring/tabelcache.py `recent`; in another process + the cache read).
    "tabel_cached": 4,
    # What waits for adoption (policy, 3) and who fills a stale indicator (2). The inbox and the figures
    # read the year once for both (monitoring.jaarstand.Jaarstand: 30 -> 19, issue 18). They are kept in the
    # shared cache (monitoring/dashboardcache.py, docs/adr/0190): on a miss + the set's token (1), the
    # read (1) and the write (5); served from the cache, the token and the read instead of the year's ten.
    # The policy reads the set's visibility once per request, and the municipal secretary's
    # membership is that visibility (docs/adr/0185).
    "dashboard": 23,
    "dashboard_cached": 8,
    # + the disputes about the assessment, + the yearly targets the suggestion follows; the assessment
    # with its agreement in one query, the responsible parties with their party (29 -> 27, issue 18).
    # The set and the year in one query; the policy reads the set's visibility and the user's
    # membership (the same answer) once per request, not once per `can` (26 -> 18, docs/adr/0185).
    "beoordeling": 18,
    # Its content from the shared cache (docs/adr/0160): on a miss the token (1), the read (1), the
    # content's four queries and the write (5); served from the cache, the token and the read.
    # + the net additions per year outside the cached content (figures.queries.additions: 3, constant).
    "openbaar": 18,
    "openbaar_cached": 9,
    # + the SMART scores per municipality (vergelijken, issue 19), + homes delivered net of sales (the
    # newest delivery per pair and its Mutatie.verkoop: figures.queries.additions, issue 16): 3, constant.
    # + each municipality's public page for its name's link (published year, submitted set): issue 16.
    # Lights, targets and net additions from the kept summaries (reports/samenvatting.py, issue 18): one
    # query instead of six (adopted lights, themes, targets, and three for the net additions).
    # One page of municipalities (docs/adr/0121): + the count for the pages, + the page's sets (read
    # after its municipalities), + the lights per theme and + two national totals as SQL aggregates: 5.
    # The corporation filter searches (docs/adr/0151): no list of every corporation, - 1. The national
    # figures stored per class of viewer (docs/adr/0150): a first request reads the version (1), adds
    # them up (3), removes older ones and stores its own (2); the next reads them with the version (1).
    "landelijk_eerst": 18,
    "landelijk": 13,
    "landelijk_openbaar_eerst": 15,
    "landelijk_openbaar": 10,
}

# + 1 per set being signed: the cycle's open items carry its signing tasks (ondertekening, issue 14),
# which read the set's signing round (ondertekening.queries.taken_voor_set). The monitoring inbox reads
# the actiehouders once for who fills and who makes the voorzet (19 -> 17, issue 18).
# What waits in the monitoring is kept in the shared cache under the set's token, as the dashboard's
# inbox (monitoring.taken.waiting, docs/adr/0190): a first visit also makes the set's token (2), reads
# the cache (1) and writes it (5); from the cache the token (1) and the read (1) instead of the year's
# ten. The policy reads a set's visibility once per request, and the municipal secretary's membership
# is that visibility (docs/adr/0185): 8 per set from the cache, of which the cycle's items are 5.
START_PER_SET = 24
START_PER_SET_CACHED = 8


def _pages(afsprakenset: Afsprakenset) -> dict[str, str]:
    slug, jaar = afsprakenset.slug, CURRENT
    # An agreement with every part its pages show (a target on an indicator with a value this year),
    # the one with most indicators: a prefetch of nothing runs no query, so a bare one would ask fewer.
    afspraak = (
        afsprakenset.afspraken.filter(doelstellingen__indicator__waarden__jaar=jaar)
        .annotate(n=Count("indicatoren", distinct=True))
        .order_by("-n", "-volgorde")
        .first()
    )
    published = afsprakenset.publicaties.order_by("-jaar").first()
    return {
        "start": reverse("start"),
        "afspraak": reverse("register:afspraak", args=[slug, afspraak.nummer]),
        "tabel": reverse("monitoring:tabel", args=[slug, jaar]),
        "set": reverse("register:set", args=[slug]),  # after the table: it made the set's cache token
        "dashboard": reverse("monitoring:dashboard", args=[slug, jaar]),
        "beoordeling": reverse("monitoring:beoordeling", args=[slug, jaar, afspraak.nummer]),
        "openbaar": reverse("reports:openbaar", args=[slug, published.jaar]),
        "landelijk": reverse("reports:landelijk"),
        "landelijk_openbaar": reverse("reports:landelijk_openbaar"),
    }


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("scale", [0.002, 0.04])
def test_main_pages_run_a_fixed_number_of_queries(client, scale):
    Generator(scale=scale, seed=7, progress=None).run()
    frameworks = Afsprakenset.objects.filter(gemeente__fictief=True, soort="kaderafspraken")
    by_size = sorted(frameworks, key=lambda s: s.afspraken.count())
    smallest, largest = by_size[0], by_size[-1]
    assert largest.afspraken.count() > smallest.afspraken.count()
    counts = {}
    for afsprakenset in (smallest, largest):
        gemeente = Partij.objects.get(naam=f"Gemeente {afsprakenset.gemeente.naam}")
        user = User.objects.create(username=f"s{afsprakenset.pk}", partij=gemeente, rol=User.Rol.SECRETARIS)
        client.force_login(user)
        for name, url in _pages(afsprakenset).items():
            if name.startswith("landelijk"):
                continue
            n = _count(client, url)
            if name in ("tabel", "set", "openbaar", "dashboard"):  # a second time: from the shared cache
                counts.setdefault(f"{name}_cached", set()).add(_count(client, url))
            if name == "start":
                sets = Afsprakenset.objects.visible_to(user).count()
                n -= START_PER_SET * sets
                counts["start_cached"] = {_count(client, url) - START_PER_SET_CACHED * sets}
            counts.setdefault(name, set()).add(n)
    client.force_login(User.objects.create(username="beheerder-q", rol=User.Rol.BEHEERDER, is_superuser=True))
    for name in ("landelijk", "landelijk_openbaar"):
        if name == "landelijk_openbaar":
            client.logout()
        counts[f"{name}_eerst"] = {_count(client, reverse(f"reports:{name}"))}
        counts[name] = {_count(client, reverse(f"reports:{name}"))}
    assert counts == {name: {n} for name, n in BUDGET.items()}
