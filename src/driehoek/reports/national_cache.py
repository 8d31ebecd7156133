"""The national figures of the overview, kept per class of viewer and filter (docs/adr/0150).

The totals and the lights per theme add up every municipality of the selection: their cost grows with
the country. They change only when what they are made of changes, so they are stored
(`NationalFigures`) under the number of `SummaryVersion` at the time they were computed, and read
only while that number holds. Every change to what they are made of raises the number in its own
transaction: each write of summaries (`samenvatting._write`), and a set, a municipality, a
publication or a submission saved or deleted (the signal handlers below; these decide which sets a
class of viewer sees and which years the public sees).

The number and the stored figures are read in one query, so figures found are never older than the
number they were found under; figures computed under a number that a change raised meanwhile are
stored under the old number and never read again.

Only two classes of viewer share figures: the administrator, who sees every set, and the public, who
sees the published sets. Everyone else sees their own party's sets, a selection small enough to add
up on every request; so do searches for a corporation (any text, so not a key to store under). The
key: class, province and year, which the form bounds (2 x 13 x 101 keys at most)."""

from django.db.models import F, JSONField, OuterRef, Subquery
from django.db.models.signals import post_delete, post_save

from driehoek.accounts import policy
from driehoek.ondertekening.models import Indiening
from driehoek.register.models import Afsprakenset, Gemeente

from .models import NationalFigures, Publicatie, SummaryVersion

ROW = 1  # the primary key of SummaryVersion's one row (migration reports 0004)


def viewer_class(user, *, public: bool) -> str | None:
    """The class of viewer whose national figures are the same for everyone in it: the public, or
    the administrator (who sees every set, `Afsprakenset.objects.visible_to`); None for the rest. A
    rule that shows the administrator fewer sets must end their class here."""
    if public:
        return "openbaar"
    if user.is_active and policy.is_beheerder(user):
        return "beheerder"
    return None


def raise_version() -> None:
    """In the transaction of a change: figures stored before it are never read again."""
    SummaryVersion.objects.filter(pk=ROW).update(number=F("number") + 1)


def figures(klass: str | None, *, provincie: str, corporatie: str, year: int | None, compute) -> dict:
    """The figures for this class and filter: stored ones under the current number, else `compute()`'s,
    stored for the next request when the class and filter may share them."""
    if klass is None or corporatie:
        return compute()
    key = f"{klass}|{provincie}|{year or ''}"
    stored = Subquery(
        NationalFigures.objects.filter(key=key, version=OuterRef("number")).values("figures")[:1],
        output_field=JSONField(),
    )
    found = SummaryVersion.objects.filter(pk=ROW).annotate(stored=stored).values_list("number", "stored").first()
    if found is None:  # no row (a database flushed by a test): nothing is shared
        return compute()
    number, kept = found
    if kept is not None:
        return kept
    result = compute()
    NationalFigures.objects.filter(version__lt=number).delete()  # what no request reads any more
    NationalFigures.objects.bulk_create(
        [NationalFigures(key=key, version=number, figures=result)],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["version", "figures"],
    )
    return result


def _changed(sender, instance, **kwargs) -> None:
    raise_version()


for _model in (Afsprakenset, Gemeente, Publicatie, Indiening):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"national-cache-save-{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"national-cache-delete-{_model.__name__}")
