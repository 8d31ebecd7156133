"""Similar agreements and national search, answered from the index, within what the asker may see:
published sets of any municipality, and the sets the user's own party takes part in."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
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


def _visible_sets(user) -> set[int]:
    if user is SYSTEM:
        return set(Afsprakenset.objects.values_list("pk", flat=True))
    return set(Afsprakenset.objects.visible_to(user).values_list("pk", flat=True))


def _published_years() -> dict[int, set[int]]:
    years = defaultdict(set)
    for set_id, jaar in Publicatie.objects.values_list("afsprakenset_id", "jaar"):
        years[set_id].add(jaar)
    return years


def _results(ranked, visible: set[int], published: dict[int, set[int]], limit: int) -> list[Resultaat]:
    by_pk = Afspraak.objects.select_related("afsprakenset__gemeente", "thema").in_bulk([pk for pk, _s in ranked])
    lights = defaultdict(list)
    for b in Beoordeling.objects.filter(afspraak_id__in=by_pk, status=Status.VASTGESTELD).order_by("jaar"):
        set_id = by_pk[b.afspraak_id].afsprakenset_id
        if set_id in visible or b.jaar in published.get(set_id, ()):
            lights[b.afspraak_id].append((b.jaar, b.kleur, b.reden))
    results = []
    for pk, score in ranked:
        afspraak = by_pk.get(pk)
        if afspraak is None:  # removed since the index was built
            continue
        eigen = afspraak.afsprakenset_id in visible
        results.append(Resultaat(afspraak, score, _url(afspraak, eigen, published), eigen, lights[pk]))
    # Good examples first, each group by similarity.
    results.sort(key=lambda r: (not r.goed_voorbeeld, -r.score))
    return results[:limit]


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
    published = _published_years()
    visible = _visible_sets(user)
    elsewhere = Afsprakenset.objects.filter(pk__in=published).exclude(gemeente_id=s.gemeente_id)
    allowed = set(elsewhere.values_list("pk", flat=True))
    if not other_municipalities_only:
        own = Afsprakenset.objects.filter(pk__in=visible, gemeente_id=s.gemeente_id, eerste_jaar__lte=s.eerste_jaar)
        allowed |= set(own.exclude(pk=s.pk).values_list("pk", flat=True))
    query = index.vector(document(afspraak.titel, afspraak.tekst))
    ranked = index.ranked(query, sets=sorted(allowed), limit=POOL, exclude=afspraak.pk)
    return _results(ranked, visible, published, limit)


def similar_to_text(user, text: str, *, limit: int = 5) -> list[Resultaat]:
    """For a text being written (a proposal, an imported draft): published agreements of the
    municipalities other than the user's own."""
    index = current_index()
    if index is None or not text.strip():
        return []
    published = _published_years()
    visible = _visible_sets(user)
    own = Afsprakenset.objects.filter(pk__in=visible).values("gemeente_id")
    allowed = Afsprakenset.objects.filter(pk__in=published).exclude(gemeente_id__in=own)
    ranked = index.ranked(index.vector(text), sets=list(allowed.values_list("pk", flat=True)), limit=POOL)
    return _results(ranked, visible, published, limit)


def search(
    user, q: str, *, thema: str = "", provincie: str = "", jaar: int | None = None, kleur: str = "", limit: int = 20
) -> list[Resultaat]:
    """Published agreements (and the user's own) by free text, ranked; any word may match."""
    q = check_query(q)
    index = current_index()
    if index is None or not q:
        return []
    published = _published_years()
    visible = _visible_sets(user)
    sets = Afsprakenset.objects.filter(pk__in=set(published) | visible)
    if provincie:
        sets = sets.filter(gemeente__provincie=provincie)
    if jaar:
        sets = sets.filter(eerste_jaar__lte=jaar, laatste_jaar__gte=jaar)
    ranked = index.ranked(index.vector(q), sets=list(sets.values_list("pk", flat=True)), limit=POOL * 5)
    candidates = [pk for pk, _score in ranked]
    if thema:
        kept = set(
            Afspraak.objects.filter(pk__in=candidates, thema__titel__icontains=thema).values_list("pk", flat=True)
        )
        ranked = [(pk, score) for pk, score in ranked if pk in kept]
    if kleur:
        # Another municipality's light counts only in a year it published.
        adopted = Beoordeling.objects.filter(afspraak_id__in=candidates, status=Status.VASTGESTELD, kleur=kleur)
        if jaar:
            adopted = adopted.filter(jaar=jaar)
        kept = {
            pk
            for pk, set_id, year in adopted.values_list("afspraak_id", "afspraak__afsprakenset_id", "jaar")
            if set_id in visible or year in published.get(set_id, ())
        }
        ranked = [(pk, score) for pk, score in ranked if pk in kept]
    return _results(ranked[:POOL], visible, published, limit)


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
