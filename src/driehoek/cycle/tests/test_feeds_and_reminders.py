from datetime import datetime, timedelta

import pytest
from icalendar import Calendar

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from driehoek.cycle import services
from driehoek.cycle.models import Agendatoken, Herinnering, Overlegsoort
from driehoek.cycle.tasks import send_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(kader, people):
    items = services.generate_year(people["secretaris"], kader, 2027)
    bo = next(i for i in items if i.overlegsoort == Overlegsoort.BO)
    when = timezone.make_aware(datetime(2027, 3, 20, 14, 0))
    return services.plan_meeting(
        people["secretaris"],
        kader,
        soort=Overlegsoort.BO,
        titel="BO maart 2027",
        datum=when,
        plaats="Gieten",
        planitem=bo,
    )


def test_ics_per_meeting(client, kader, people, meeting):
    client.force_login(people["ahwoon"])
    response = client.get(reverse("cycle:overleg_ics", args=[kader.slug, meeting.pk]))
    cal = Calendar.from_ical(response.content)
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "BO maart 2027 (Kaderafspraken 2026-2031)"
    assert str(event["location"]) == "Gieten"
    assert event.decoded("dtstart") == meeting.datum
    assert "Leefbaarheid" in str(event["description"])


def test_personal_feed_with_a_secret_that_can_be_revoked(client, kader, people, meeting):
    client.force_login(people["ahwoon"])
    response = client.post(reverse("cycle:mijn_agenda"), {"form": "nieuw"})
    url = response.context["new_url"]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert not Agendatoken.objects.filter(sleutel_hash=token).exists()  # only the hash is stored
    client.logout()
    cal = Calendar.from_ical(client.get(url).content)
    summaries = sorted(str(e["summary"]) for e in cal.walk("VEVENT"))
    assert "BO maart 2027 (Kaderafspraken 2026-2031)" in summaries
    assert "Bestuurlijk overleg voor 15 december (Kaderafspraken 2026-2031)" in summaries  # deadline, not yet scheduled
    assert len(summaries) == 12  # the meeting, and the eleven planned items without a meeting
    client.force_login(people["ahwoon"])
    client.post(reverse("cycle:mijn_agenda"), {"form": "intrekken"})
    client.logout()
    assert client.get(url).status_code == 404


def test_feed_shows_only_the_users_sets(client, kader, people, meeting):
    client.force_login(people["buitenstaander"])
    url = client.post(reverse("cycle:mijn_agenda"), {"form": "nieuw"}).context["new_url"]
    assert list(Calendar.from_ical(client.get(url).content).walk("VEVENT")) == []


def test_reminder_is_sent_once_a_day_per_item(kader, people, year_2026):
    kader.monitoringsjaren.filter(jaar=2026).update(voorzet_uiterlijk=timezone.localdate() + timedelta(days=3))
    sent = send_reminders.call()
    recipients = {m.to[0] for m in mail.outbox}
    assert people["woonborg"].email in recipients and people["lezer"].email not in recipients
    assert sent == len(mail.outbox)
    woonborg = next(m for m in mail.outbox if m.to == [people["woonborg"].email])
    assert "Voorzet maken: afspraak 1" in woonborg.body and "/monitoring/2026/afspraken/1/" in woonborg.body
    assert send_reminders.call() == 0  # not again today
    assert len(mail.outbox) == sent
    assert Herinnering.objects.filter(user=people["woonborg"], onderwerp="dagelijks overzicht").count() == 1


def test_nothing_due_means_no_mail(kader, people, year_2026):
    kader.monitoringsjaren.filter(jaar=2026).update(
        voorzet_uiterlijk=timezone.localdate() + timedelta(days=60), reacties_uiterlijk=None
    )
    assert send_reminders.call() == 0 and mail.outbox == []


@pytest.mark.transactional
@pytest.mark.django_db(transaction=True)
def test_reminders_run_on_the_database_queue(aa_en_hunze_loaded, kader, people, year_2026):
    kader.monitoringsjaren.filter(jaar=2026).update(voorzet_uiterlijk=timezone.localdate() - timedelta(days=1))
    call_command("send_reminders")
    assert mail.outbox == []  # queued, not yet sent
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert any("te laat" in m.body for m in mail.outbox)


def test_open_items_page(client, kader, people, year_2026):
    client.force_login(people["woonborg"])
    html = client.get(reverse("cycle:open", args=[kader.slug])).content.decode()
    assert "Voorzet maken: afspraak 1" in html and "Indicator invullen" in html
