"""Issue 20 item 5: an indicator without a value one month before the voorzet deadline is flagged
on the dashboard, and the reminder mail names it."""

from datetime import date, timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from driehoek.cycle.tasks import send_reminders
from driehoek.monitoring import rules

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("deadline", "flag_from"),
    [
        (date(2027, 2, 1), date(2027, 1, 1)),
        (date(2027, 3, 31), date(2027, 2, 28)),
        (date(2027, 1, 15), date(2026, 12, 15)),
    ],
)
def test_stale_from_one_month_before_the_deadline(deadline, flag_from):
    assert rules.stale_from(deadline) == flag_from
    assert rules.is_stale(deadline, flag_from) and not rules.is_stale(deadline, flag_from - timedelta(days=1))
    assert not rules.is_stale(None, flag_from)


def _deadline_in(kader, days):
    kader.monitoringsjaren.filter(jaar=2026).update(
        voorzet_uiterlijk=timezone.localdate() + timedelta(days=days), reacties_uiterlijk=None
    )


def test_dashboard_flags_stale_indicators_with_who_fills_them(client, kader, people, year_2026):
    client.force_login(people["secretaris"])
    url = reverse("monitoring:dashboard", args=[kader.slug, 2026])
    _deadline_in(kader, 60)
    assert "Blijft liggen" not in client.get(url).content.decode()
    _deadline_in(kader, 20)
    html = client.get(url).content.decode()
    assert "Blijft liggen" in html and "<details open>" in html
    assert "aantal opgeleverde woningen" in html and "(Woonborg vult in)" in html


def test_the_reminder_mail_names_a_stale_indicator(kader, people, year_2026):
    _deadline_in(kader, 20)  # not within the week of the usual reminders, but within the month
    send_reminders.call()
    woonborg = next(m for m in mail.outbox if m.to == [people["woonborg"].email])
    assert "Indicator invullen: afspraak 1, aantal opgeleverde woningen" in woonborg.body
    assert "Voorzet maken" not in woonborg.body  # the voorzet itself is not due within the week
