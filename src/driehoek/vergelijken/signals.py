"""Whatever changes an agreement's text or what it is scored on marks the index as stale, and so
does a publication (a set becomes comparable for other municipalities). The rebuild runs later, on
the worker, once per burst of changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from driehoek.register.models import Afspraak, Doelstelling, Indicator, Verantwoordelijke
from driehoek.reports.models import Publicatie

from .services import mark_changed

WATCHED = (Afspraak, Doelstelling, Indicator, Verantwoordelijke, Publicatie)


@receiver(post_save)
@receiver(post_delete)
def _changed(sender, raw=False, **kwargs):
    if sender in WATCHED and not raw:
        mark_changed()


@receiver(m2m_changed, sender=Afspraak.verantwoordelijken.through)
def _parties_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        mark_changed()
