"""The rent bands and labels of a municipality are counted from the index `woning_cijfers` alone,
never from the 2.3 million rows of homes (docs/performance.md): the count is COUNT(*), since the row's
id is not in that index and PostgreSQL would otherwise read every row it counts."""

from datetime import date

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from driehoek.figures import queries

from .test_services import REGISTER, _deliver, gemeente  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_homes_are_counted_from_the_covering_index(gemeente, people):  # noqa: F811
    _deliver(people["volmacht"], gemeente, "woningregister", REGISTER, peildatum=date(2025, 12, 31))
    with CaptureQueriesContext(connection) as captured:
        (figures,) = queries.rents(gemeente)
    assert figures.homes == 4 and figures.efg == 2  # E and G stay; F is demolished
    (counting,) = [q["sql"] for q in captured if '"figures_woning"' in q["sql"]]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A table this small is read whole; with that and a bitmap scan ruled out, the plan shows
            # whether the index alone can answer.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {counting}")
            assert "Index Only Scan using woning_cijfers" in "\n".join(row[0] for row in cursor.fetchall())
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {counting}")
            assert "COVERING INDEX woning_cijfers" in " ".join(str(row[-1]) for row in cursor.fetchall())
