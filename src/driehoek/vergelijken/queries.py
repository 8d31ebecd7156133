"""Similar agreements and national search, answered from the index, within what the asker may see:
published sets of any municipality, and the sets the user's own party takes part in."""

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from driehoek.monitoring.models import Beoordeling, Status
from driehoek.register.models import Afspraak, Afsprakenset
from driehoek.reports.models import Publicatie

from .index import Index, document
from .models import Zoekindex

MAX_WORDS = 30
MAX_CHARS = 500
POOL = 200  # candidates ranked before the filters and the good examples reorder them
GOOD = {"groen", "afgerond"}
SYSTEM = None  # "the system": commands see every set

_loaded: dict = {}


def current_index() -> Index | None:
    """The newest build, read once per web process and kept while it stays the newest."""
    latest = Zoekindex.objects.only("pk", "bestand").first()
    if latest is None:
        return None
    # Keyed by the file's name, which carries the build's time and content hash: a row number can be
    # used again (a rolled-back test, a restored back-up), a name with its hash cannot.
    if _loaded.get("name") != latest.bestand.name:
        with default_storage.open(latest.bestand.name, "rb") as stored:
            _loaded.clear()
            _loaded.update(name=latest.bestand.name, index=Index.loads(stored.read()))
    return _loaded["index"]


def check_query(q: str) -> str:
    q = " ".join((q or "").split())
    if len(q) > MAX_CHARS or len(q.split()) > MAX_WORDS:
        raise ValidationError(
            _("Zoek met hoogstens %(woorden)s woorden en %(tekens)s tekens.")
            % {"woorden": MAX_WORDS, "tekens": MAX_CHARS}
        )
    return q


@dataclass
class Resultaat:
    afspraak: Afspraak
    score: float
    url: str
    eigen: bool  # in a set the user's party takes part in
    lichten: list[tuple[int, str, str]] = field(default_factory=list)  # (jaar, kleur, reden)

    @property
    def goed_voorbeeld(self) -> bool:
        """Groen or afgerond in two or more published years."""
        return sum(1 for _jaar, kleur, _reden in self.lichten if kleur in GOOD) >= 2

    def as_json(self) -> dict:
        s = self.afspraak.afsprakenset
        return {
            "set": s.slug,
            "number": self.afspraak.nummer,
            "municipality": s.gemeente.naam,
            "theme": self.afspraak.thema.titel,
            "score": round(self.score, 4),
            "good_example": self.goed_voorbeeld,
        }


def _visible(user):
    """The sets the user may see, as a query (never read whole: a country has thousands)."""
    return Afsprakenset.objects.all() if user is SYSTEM else Afsprakenset.objects.visible_to(user)


def _published():
    return Afsprakenset.objects.filter(Exists(Publicatie.objects.filter(afsprakenset=OuterRef("pk"))))


def _set_ids(sets) -> np.ndarray:
    """The primary keys of a query of sets, to filter the index by: one query, integers only."""
    return np.fromiter(sets.order_by().values_list("pk", flat=True), dtype=np.int64)


@dataclass
class _Scope:
    """What the user may see of the sets of some candidates: read for those sets only."""

    sets: dict[int, int]  # afspraak id -> its set, for the candidates still in the database
    visible: set[int]
    published: dict[int, set[int]]

    def shows(self, afspraak_id: int, jaar: int) -> bool:
        """A light is shown in the user's own sets, and elsewhere in a published year only."""
        set_id = self.sets[afspraak_id]
        return set_id in self.visible or jaar in self.published.get(set_id, ())


def _scope(user, afspraak_ids: list[int]) -> _Scope:
    sets = dict(Afspraak.objects.filter(pk__in=afspraak_ids).values_list("pk", "afsprakenset_id"))
    set_ids = set(sets.values())
    published = defaultdict(set)
    for set_id, jaar in Publicatie.objects.filter(afsprakenset_id__in=set_ids).values_list("afsprakenset_id", "jaar"):
        published[set_id].add(jaar)
    visible = set_ids  # the system sees every set
    if user is not SYSTEM:
        visible = set(_visible(user).filter(pk__in=set_ids).values_list("pk", flat=True))
    return _Scope(sets, visible, published)


def _results(user, ranked: list[tuple[int, float]], limit: int, scope: _Scope | None = None) -> list[Resultaat]:
    """The best `limit` of the ranked candidates, good examples first: the lights of every candidate
    are read as plain rows to find the good examples, the agreements themselves only for those shown."""
    scope = scope or _scope(user, [pk for pk, _s in ranked])
    ranked = [(pk, score) for pk, score in ranked if pk in scope.sets]  # not removed since the index was built
    lights = defaultdict(list)
    shown = Beoordeling.objects.filter(afspraak_id__in=[pk for pk, _s in ranked], status=Status.VASTGESTELD)
    shown = shown.order_by("jaar")
    for afspraak_id, jaar, kleur, reden in shown.values_list("afspraak_id", "jaar", "kleur", "reden"):
        if scope.shows(afspraak_id, jaar):
            lights[afspraak_id].append((jaar, kleur, reden))

    def good(pk: int) -> bool:
        return sum(1 for _jaar, kleur, _reden in lights[pk] if kleur in GOOD) >= 2

    # Good examples first, each group by similarity (a stable sort keeps the ranking's order).
    kept = sorted(ranked, key=lambda c: (not good(c[0]), -c[1]))[:limit]
    by_pk = Afspraak.objects.select_related("afsprakenset__gemeente", "thema").in_bulk([pk for pk, _s in kept])
    results = []
    for pk, score in kept:
        afspraak = by_pk.get(pk)
        if afspraak is None:  # removed in the meantime
            continue
        eigen = afspraak.afsprakenset_id in scope.visible
        results.append(Resultaat(afspraak, score, _url(afspraak, eigen, scope.published), eigen, lights[pk]))
    return results


def _url(afspraak: Afspraak, eigen: bool, published: dict[int, set[int]]) -> str:
    s = afspraak.afsprakenset
    if eigen:
        return reverse("register:afspraak", args=[s.slug, afspraak.nummer])
    jaar = max(published[s.pk])
    return reverse("reports:openbaar", args=[s.slug, jaar]) + f"#t-{afspraak.thema_id}"


def similar(user, afspraak: Afspraak, *, limit: int = 10, other_municipalities_only: bool = False) -> list[Resultaat]:
    """The agreements most like this one: in published sets of other municipalities, and in the
    municipality's own earlier sets that the user may see."""
    index = current_index()
    if index is None:
        return []
    s = afspraak.afsprakenset
    allowed = Q(pk__in=_published()) & ~Q(gemeente_id=s.gemeente_id)
    if not other_municipalities_only:
        own = Q(gemeente_id=s.gemeente_id, eerste_jaar__lte=s.eerste_jaar) & ~Q(pk=s.pk)
        if user is not SYSTEM:
            own &= Q(pk__in=_visible(user).values("pk"))
        allowed |= own
    query = index.vector(document(afspraak.titel, afspraak.tekst))
    sets = _set_ids(Afsprakenset.objects.filter(allowed))
    ranked = index.ranked(query, sets=sets, limit=POOL, exclude=afspraak.pk)
    return _results(user, ranked, limit)


def similar_to_text(user, text: str, *, limit: int = 5) -> list[Resultaat]:
    """For a text being written (a proposal, an imported draft): published agreements of the
    municipalities other than the user's own."""
    index = current_index()
    if index is None or not text.strip():
        return []
    allowed = _published().exclude(gemeente_id__in=_visible(user).values("gemeente_id"))
    ranked = index.ranked(index.vector(text), sets=_set_ids(allowed), limit=POOL)
    return _results(user, ranked, limit)


def search(
    user, q: str, *, thema: str = "", provincie: str = "", jaar: int | None = None, kleur: str = "", limit: int = 20
) -> list[Resultaat]:
    """Published agreements (and the user's own) by free text, ranked; any word may match."""
    q = check_query(q)
    index = current_index()
    if index is None or not q:
        return []
    sets = Afsprakenset.objects.all()
    if user is not SYSTEM:
        sets = sets.filter(Q(pk__in=_published()) | Q(pk__in=_visible(user).values("pk")))
    if provincie:
        sets = sets.filter(gemeente__provincie=provincie)
    if jaar:
        sets = sets.filter(eerste_jaar__lte=jaar, laatste_jaar__gte=jaar)
    allowed = _set_ids(sets) if sets.query.has_filters() else None  # the system, unfiltered: every set
    ranked = index.ranked(index.vector(q), sets=allowed, limit=POOL * 5)
    candidates = [pk for pk, _score in ranked]
    if thema:
        kept = set(
            Afspraak.objects.filter(pk__in=candidates, thema__titel__icontains=thema).values_list("pk", flat=True)
        )
        ranked = [(pk, score) for pk, score in ranked if pk in kept]
    scope = None
    if kleur:
        # Another municipality's light counts only in a year it published.
        scope = _scope(user, candidates)
        adopted = Beoordeling.objects.filter(afspraak_id__in=candidates, status=Status.VASTGESTELD, kleur=kleur)
        if jaar:
            adopted = adopted.filter(jaar=jaar)
        adopted = adopted.values_list("afspraak_id", "jaar")
        kept = {pk for pk, year in adopted if pk in scope.sets and scope.shows(pk, year)}
        ranked = [(pk, score) for pk, score in ranked if pk in kept]
    return _results(user, ranked[:POOL], limit, scope)


def stronger_example(afspraak: Afspraak, results: list[Resultaat]) -> Resultaat | None:
    """The most similar result that is more concrete than this agreement: the example shown beside
    its missing SMART sentences."""
    from .smart import score_afspraak

    return stronger_than(score_afspraak(afspraak).punten, results)


def stronger_than(mine: int, results: list[Resultaat]) -> Resultaat | None:
    from .models import Concreetheid

    scores = dict(
        Concreetheid.objects.filter(afspraak_id__in=[r.afspraak.pk for r in results]).values_list(
            "afspraak_id", "punten"
        )
    )
    better = [r for r in results if scores.get(r.afspraak.pk, 0) > mine]
    return max(better, key=lambda r: (scores[r.afspraak.pk], r.score), default=None)
