"""Calendar files: one meeting, or everything of a user's sets, with icalendar."""

from datetime import timedelta

from icalendar import Calendar, Event

from django.urls import reverse
from django.utils import timezone

from driehoek.core.urls import site_url
from driehoek.register.models import Afsprakenset

from .models import Overleg, Planitem

MEETING_LENGTH = timedelta(hours=2)


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Driehoek//prestatieafspraken//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _meeting_event(meeting: Overleg, site: str) -> Event | None:
    if not meeting.datum:
        return None
    event = Event()
    event.add("uid", f"overleg-{meeting.pk}@driehoek")
    event.add("summary", f"{meeting.titel} ({meeting.afsprakenset.titel})")
    event.add("dtstart", meeting.datum)
    event.add("dtend", meeting.datum + MEETING_LENGTH)
    event.add("dtstamp", timezone.now())
    if meeting.plaats:
        event.add("location", meeting.plaats)
    agenda = "\n".join(f"{i}. {p.titel}" for i, p in enumerate(meeting.agendapunten.all(), start=1))
    event.add("description", agenda)
    event.add("url", site + reverse("cycle:overleg", args=[meeting.afsprakenset.slug, meeting.pk]))
    return event


def _deadline_event(item: Planitem) -> Event:
    event = Event()
    event.add("uid", f"planitem-{item.pk}@driehoek")
    event.add("summary", f"{item.titel} ({item.afsprakenset.titel})")
    event.add("dtstart", item.uiterlijk)
    event.add("dtend", item.uiterlijk + timedelta(days=1))
    event.add("dtstamp", timezone.now())
    event.add("description", item.doel or item.wanneer)
    return event


def meeting_calendar(meeting: Overleg, request=None) -> bytes:
    cal = _calendar(meeting.titel)
    event = _meeting_event(meeting, site_url(request))
    if event:
        cal.add_component(event)
    return cal.to_ical()


def user_calendar(user, request=None) -> bytes:
    """Meetings of the user's sets, and the deadlines and planned meetings not yet scheduled."""
    cal = _calendar("Driehoek")
    sets = Afsprakenset.objects.visible_to(user)
    meetings = Overleg.objects.filter(afsprakenset__in=sets, datum__isnull=False).select_related("afsprakenset")
    for meeting in meetings.prefetch_related("agendapunten"):
        cal.add_component(_meeting_event(meeting, site_url(request)))
    items = Planitem.objects.filter(
        afsprakenset__in=sets, uiterlijk__isnull=False, overleggen__isnull=True
    ).select_related("afsprakenset")
    for item in items:
        cal.add_component(_deadline_event(item))
    return cal.to_ical()
