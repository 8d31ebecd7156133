"""Building and keeping the similarity index and the SMART scores (docs/adr/0110)."""

import hashlib
import time
from collections import Counter

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from driehoek.register.models import Afspraak, Doelstelling, Indicator, Verantwoordelijke

from . import smart
from .index import Index, document
from .models import Concreetheid, Indexstand, Zoekindex

KEEP = 2  # older builds whose files stay, so a web process still reading one is not cut off
CHUNK = 2000


def _rows():
    return (
        Afspraak.objects.order_by("pk")
        .values_list("pk", "afsprakenset_id", "titel", "tekst")
        .iterator(chunk_size=CHUNK)
    )


def _counts(model, field: str = "afspraak_id") -> Counter:
    return Counter(dict(model.objects.values_list(field).annotate(n=Count("pk")).values_list(field, "n")))


def build_index(progress=None) -> Zoekindex:
    """Index every agreement and score it; the new build replaces the old in one transaction."""
    started = time.perf_counter()
    rows, scores = [], []
    partijen, indicatoren, doelen = _counts(Verantwoordelijke), _counts(Indicator), _counts(Doelstelling)
    for pk, set_id, titel, tekst in _rows():
        rows.append((pk, set_id, document(titel, tekst)))
        score = smart.score_text(tekst, partijen=partijen[pk], indicatoren=indicatoren[pk], doelstellingen=doelen[pk])
        scores.append(Concreetheid(afspraak_id=pk, punten=score.punten, ja=score.ja))
        if progress and len(rows) % CHUNK == 0:
            progress(len(rows))
    index = Index.build(rows)
    payload = index.dumps()
    name = f"index-{timezone.now():%Y%m%d%H%M%S}-{hashlib.sha256(payload).hexdigest()[:12]}.npz"
    with transaction.atomic():
        Concreetheid.objects.all().delete()
        Concreetheid.objects.bulk_create(scores, batch_size=CHUNK)
        built = Zoekindex(aantal_afspraken=len(index), bouwtijd=time.perf_counter() - started, grootte=len(payload))
        built.bestand.save(name, ContentFile(payload), save=False)
        built.save()
    _prune()
    return built


def _prune() -> None:
    for old in Zoekindex.objects.all()[KEEP:]:
        if old.bestand and default_storage.exists(old.bestand.name):
            default_storage.delete(old.bestand.name)
        old.delete()


def mark_changed() -> None:
    """Agreements changed: once the transaction commits, note when and queue one rebuild. Costs no query
    inside the transaction, and a transaction that saves a thousand agreements queues once."""
    connection = transaction.get_connection()
    if any(entry[1] is _after_commit for entry in connection.run_on_commit):
        return
    transaction.on_commit(_after_commit)


def _after_commit() -> None:
    from .tasks import rebuild_index

    now = timezone.now()
    if not Indexstand.objects.filter(pk=1).update(gewijzigd_op=now):
        Indexstand.objects.get_or_create(pk=1, defaults={"gewijzigd_op": now})
    if not _rebuild_waiting():
        rebuild_index.enqueue()


def _rebuild_waiting() -> bool:
    from django_tasks_db.models import DBTaskResult

    # Only a build that has not started yet will see this change; a running one may have read too early.
    return DBTaskResult.objects.filter(task_path="driehoek.vergelijken.tasks.rebuild_index", status="READY").exists()


def is_stale() -> bool:
    latest = Zoekindex.objects.first()
    stand = Indexstand.objects.filter(pk=1).first()
    return latest is None or (stand is not None and stand.gewijzigd_op > latest.gebouwd_op)
