"""Reminders by e-mail: one digest per user per day, about items due within a week or overdue, and
never twice about the same item on the same day. Run by the tasks worker (manage.py db_worker)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from driehoek.bod.queries import open_bod_taken
from driehoek.core.urls import site_url
from driehoek.monitoring import rules as monitoring_rules
from driehoek.register.models import Afsprakenset

from .models import Herinnering
from .queries import OpenItem, open_items

WINDOW = timedelta(days=7)
DIGEST = "dagelijks overzicht"


@task
def send_reminders() -> int:
    """Send today's digests; returns how many were sent."""
    today = timezone.localdate()
    sent = 0
    users = get_user_model().objects.filter(is_active=True, partij__isnull=False).exclude(email="")
    for user in users.select_related("partij"):
        items = []
        for afsprakenset in Afsprakenset.objects.visible_to(user):
            for item in open_items(user, afsprakenset):
                due_soon = item.due is not None and item.due <= today + WINDOW
                # An indicator still without a value a month before the voorzet deadline is named too.
                due_soon = due_soon or (item.kind == "indicator" and monitoring_rules.is_stale(item.due, today))
                if (due_soon or item.kind == "stemming") and not Herinnering.objects.filter(
                    user=user, onderwerp=item.key, datum=today
                ).exists():
                    items.append((afsprakenset, item))
        for taak in open_bod_taken(user):  # the bod belongs to a municipality, not to a set
            due_soon = taak.deadline is not None and taak.deadline <= today + WINDOW
            if due_soon and not Herinnering.objects.filter(user=user, onderwerp=taak.key, datum=today).exists():
                items.append((None, OpenItem(taak.key, "bod", taak.titel, taak.deadline, taak.url)))
        if items and _claim(user, DIGEST, today):
            with translation.override(settings.LANGUAGE_CODE):
                body = render_to_string("cycle/herinnering.txt", {"user": user, "items": items, "site": site_url()})
            send_mail("Driehoek: wat staat er voor u open", body, None, [user.email])
            for _set, item in items:
                _claim(user, item.key, today)
            sent += 1
    return sent


def _claim(user, onderwerp: str, today) -> bool:
    try:
        with transaction.atomic():
            Herinnering.objects.create(user=user, onderwerp=onderwerp[:200], datum=today)
        return True
    except IntegrityError:
        return False
