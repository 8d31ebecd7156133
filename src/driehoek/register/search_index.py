"""The register's search index: one document per agreement (its number, title, text, indicators
and targets), searched with SQLite FTS5 or PostgreSQL's Dutch full-text search (docs/adr/0090).

The documents follow every save and delete of an agreement, indicator or target through the
signals below; bulk writes (core/synthetic.py) call `index_afspraken` themselves. The database
keeps its own index (FTS5 table or tsvector column) in step with the documents."""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Afspraak, Afsprakenset, Doelstelling, Indicator


class Zoekdocument(models.Model):
    afspraak = models.OneToOneField(Afspraak, primary_key=True, on_delete=models.CASCADE, related_name="+")
    afsprakenset = models.ForeignKey(Afsprakenset, on_delete=models.CASCADE, related_name="+")
    tekst = models.TextField()

    class Meta:
        app_label = "register"
        verbose_name = "zoekdocument"
        verbose_name_plural = "zoekdocumenten"

    def __str__(self) -> str:
        return self.tekst[:80]


def index_afspraken(ids) -> None:
    """Write the documents of these agreements (those that still exist), in three queries."""
    ids = set(ids)
    if not ids:
        return
    texts = {
        a["pk"]: [a["nummer"], a["titel"], a["tekst"]]
        for a in Afspraak.objects.filter(pk__in=ids).values("pk", "nummer", "titel", "tekst")
    }
    sets = dict(Afspraak.objects.filter(pk__in=texts).values_list("pk", "afsprakenset_id"))
    for afspraak_id, omschrijving in Indicator.objects.filter(afspraak_id__in=texts).values_list(
        "afspraak_id", "omschrijving"
    ):
        texts[afspraak_id].append(omschrijving)
    for afspraak_id, onderwerp in Doelstelling.objects.filter(afspraak_id__in=texts).values_list(
        "afspraak_id", "onderwerp"
    ):
        texts[afspraak_id].append(onderwerp)
    existing = set(Zoekdocument.objects.filter(pk__in=texts).values_list("pk", flat=True))
    for afspraak_id, parts in texts.items():
        tekst = "\n".join(p for p in parts if p)
        if afspraak_id in existing:
            Zoekdocument.objects.filter(pk=afspraak_id).update(tekst=tekst, afsprakenset_id=sets[afspraak_id])
        else:
            Zoekdocument.objects.create(afspraak_id=afspraak_id, afsprakenset_id=sets[afspraak_id], tekst=tekst)


def rebuild(afsprakenset: Afsprakenset | None = None) -> None:
    afspraken = Afspraak.objects.all() if afsprakenset is None else afsprakenset.afspraken.all()
    index_afspraken(afspraken.values_list("pk", flat=True))


@receiver(post_save, sender=Afspraak)
def _afspraak_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_afspraken([instance.pk])


@receiver(post_save, sender=Indicator)
@receiver(post_delete, sender=Indicator)
@receiver(post_save, sender=Doelstelling)
@receiver(post_delete, sender=Doelstelling)
def _part_changed(sender, instance, raw=False, **kwargs):
    # Only an existing document is rewritten: while an agreement is being deleted its document may
    # already be gone, and must not come back.
    if not raw and instance.afspraak_id and Zoekdocument.objects.filter(pk=instance.afspraak_id).exists():
        index_afspraken([instance.afspraak_id])
