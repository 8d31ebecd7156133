"""The rendered monitoringstabel in the shared cache (docs/adr/0125).

Django's database cache, which every web process shares. The key names the set, the year, the
viewer's class of visibility (`policy.monitoringstabel_class`), the language, the set's
`Tabelversie` token and the release (a hash of the code and templates). Every write to a row the
table shows gives the set a new token in the same transaction (the signal handlers below: services,
the admin, decisions, uploads and imports alike), so a table cached before a change is never found
again; old entries expire.

The token is read before the table's rows, so a table cached under a token is never older than
that token's state.

A cached request reads the set, its token and whether the year was started in one query
(`visible_set`, docs/adr/0166), through `visible_to(user)`: the viewer's class then needs no
second look at the set's parties.
"""

import hashlib
import uuid
from functools import cache as once
from pathlib import Path

from django.core.cache import cache, caches
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from driehoek.accounts import policy
from driehoek.accounts.models import Partij
from driehoek.register.models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Indicator,
    Jaardoel,
    LopendeAfspraak,
    Thema,
    Verantwoordelijke,
)

from . import checks, queries
from .forms import TabelFilterForm
from .models import Beoordeling, Delegatie, Indicatorwaarde, Jaarcheck, Monitoringsjaar, Reactie, Tabelversie

TIMEOUT = 24 * 3600  # an entry of an old token is never read again; this only bounds its stay


@once
def release() -> str:
    """The code and templates this process renders with: a new release never serves a table that
    the old code rendered (read once per process; the same in every process of a release)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html", ".mo") and "tests" not in path.parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def token(afsprakenset) -> str:
    """The set's current token; a set without one gets one (a generated or imported set)."""
    versie, _new = Tabelversie.objects.get_or_create(
        afsprakenset_id=afsprakenset.pk, defaults={"token": uuid.uuid4().hex}
    )
    return versie.token


def visible_set(user, slug: str, jaar: int) -> Afsprakenset:
    """The set with this slug if `user` may see it and its monitoring of `jaar` was started, else
    404; with its token (`tabel_token`, None before its first view) and the viewer's class
    (`tabel_viewer`), in one query."""
    versie = Tabelversie.objects.filter(afsprakenset_id=OuterRef("pk")).values("token")
    # A join rather than EXISTS for the year: one year per set and number (a unique constraint), and
    # cheaper to build, which is most of this query's cost on a page served from the cache.
    sets = Afsprakenset.objects.visible_to(user).filter(monitoringsjaren__jaar=jaar).select_related("gemeente")
    afsprakenset = get_object_or_404(sets.annotate(tabel_token=Subquery(versie)), slug=slug)
    # Read through visible_to(user) just now: this viewer may see it (policy.monitoringstabel_class).
    afsprakenset.tabel_viewer = (user, policy.monitoringstabel_class_of_viewer(user))
    return afsprakenset


def raise_version(afsprakenset_ids) -> None:
    for pk in set(afsprakenset_ids):
        Tabelversie.objects.update_or_create(afsprakenset_id=pk, defaults={"token": uuid.uuid4().hex})


def render(afsprakenset, jaar: int, form=None, path: str = "") -> str:
    """The filters, the table and the yearly checks, made now: the rows of `form`'s filters (none:
    the whole table, with an empty form) in monitoring/_tabel.html."""
    form = form or TabelFilterForm(afsprakenset, None)
    filters = form.filters()
    # One reverse for all rows: each agreement's link is this plus its number (a reverse per row was
    # a tenth of the table's rendering).
    link = reverse("monitoring:beoordeling", args=[afsprakenset.slug, jaar, "0"]).removesuffix("0/")
    context = {
        "afsprakenset": afsprakenset,
        "jaar": jaar,
        "form": form,
        "filtered": bool(filters),
        "path": path,
        "rows": queries.monitoringstabel(afsprakenset, jaar, **filters),
        "checks": checks.for_year(afsprakenset, jaar),
        "beoordeling_url": link,
    }
    return render_to_string("monitoring/_tabel.html", context)


def rendered(user, afsprakenset, jaar: int) -> tuple[str, str]:
    """(the unfiltered HTML of render(), "hit" or "miss"): from the cache, or made and then kept."""
    viewer, klasse = getattr(afsprakenset, "tabel_viewer", (None, None))
    if viewer is not user:  # not read by visible_set for this viewer: ask the policy
        klasse = policy.monitoringstabel_class(user, afsprakenset)
    if klasse is None:  # the view refused already; never cache what a viewer may not see
        raise PermissionDenied
    versie = getattr(afsprakenset, "tabel_token", None)  # read with the set by visible_set
    make = lambda: render(afsprakenset, jaar)  # noqa: E731
    return kept("monitoringstabel", afsprakenset, (jaar, klasse), make, versie=versie, local=True)


def kept(name: str, afsprakenset, parts, make, *, versie: str | None = None, local: bool = False):
    """(what `make()` made, "hit" or "miss"): the entry `name` of the set under `parts` (which must
    name the viewer's class), the language, the set's token and the release; `make()` on a miss.
    The one keeper of the monitoringstabel, the set page's list (register/setcache.py) and the
    public page (reports/views.py). `versie` is the set's token where the caller read it already;
    the token is read before anything `make()` reads, so an entry is never older than its token's state.
    `local`: look in this process's recent entries first (the monitoringstabel, whose throughput
    is a goal of `make bench`; keyed alike, such an entry is as fresh as the shared cache's)."""
    versie = versie or token(afsprakenset)
    key = ":".join(map(str, (name, afsprakenset.pk, *parts, translation.get_language(), versie, release())))
    recent = caches["recent"]  # this process's own (settings.CACHES), keyed alike: never stale either
    made = recent.get(key) if local else None
    if made is not None:
        return made, "hit"
    made = cache.get(key)
    served = "hit" if made is not None else "miss"
    if made is None:
        made = make()
        cache.set(key, made, TIMEOUT)
    if local:
        recent.set(key, made)
    return made, served


# --- every road that changes what the table shows ---------------------------------------------


def _sets_of_afspraak(afspraak_id):
    return Afspraak.objects.filter(pk=afspraak_id).values_list("afsprakenset_id", flat=True)


def _sets_of_indicator(indicator_id):
    return Indicator.objects.filter(pk=indicator_id).values_list("afspraak__afsprakenset_id", flat=True)


def _sets_of_beoordeling(beoordeling_id):
    return Beoordeling.objects.filter(pk=beoordeling_id).values_list("afspraak__afsprakenset_id", flat=True)


def _sets_of_thema(thema_id):
    return Thema.objects.filter(pk=thema_id).values_list("afsprakenset_id", flat=True)


def _sets_of_doelstelling(d):
    return {*_sets_of_afspraak(d.afspraak_id), *_sets_of_thema(d.thema_id)}


def _sets_of_jaarcheck(c):
    if c.lopende_afspraak_id:
        return LopendeAfspraak.objects.filter(pk=c.lopende_afspraak_id).values_list("thema__afsprakenset_id", flat=True)
    pairs = Doelstelling.objects.filter(pk=c.doelstelling_id).values_list(
        "afspraak__afsprakenset_id", "thema__afsprakenset_id"
    )
    return {pk for pair in pairs for pk in pair if pk}  # none when the target went first in a cascade


def _sets_of_partij(partij_id):
    named = set(
        Actiehouder.objects.filter(partij_id=partij_id).values_list("indicator__afspraak__afsprakenset_id", flat=True)
    )
    named |= set(
        Verantwoordelijke.objects.filter(partij_id=partij_id).values_list("afspraak__afsprakenset_id", flat=True)
    )
    named |= set(Deelname.objects.filter(partij_id=partij_id).values_list("afsprakenset_id", flat=True))
    return named


SETS = {
    Thema: lambda t: [t.afsprakenset_id],
    Afspraak: lambda a: [a.afsprakenset_id],
    Beoordeling: lambda b: _sets_of_afspraak(b.afspraak_id),
    Verantwoordelijke: lambda v: _sets_of_afspraak(v.afspraak_id),
    Indicator: lambda i: _sets_of_afspraak(i.afspraak_id),
    Indicatorwaarde: lambda w: _sets_of_indicator(w.indicator_id),
    Actiehouder: lambda a: _sets_of_indicator(a.indicator_id),
    Jaardoel: lambda d: _sets_of_indicator(d.indicator_id),  # a yearly programme's target shows in its framework
    Partij: lambda p: _sets_of_partij(p.pk),  # actiehouders' short names, the filter's party names
    Deelname: lambda d: [d.afsprakenset_id],  # the filter's parties
    # The yearly checks below the table: ongoing commitments and the themes' targets.
    Jaarcheck: _sets_of_jaarcheck,
    LopendeAfspraak: lambda lopend: _sets_of_thema(lopend.thema_id),
    Doelstelling: _sets_of_doelstelling,
    # What the dashboard keeps besides (monitoring/dashboardcache.py): who is asked for a value, the
    # reactions each party gave, the year's deadlines.
    Delegatie: lambda d: _sets_of_indicator(d.indicator_id),
    Reactie: lambda r: _sets_of_beoordeling(r.beoordeling_id),
    Monitoringsjaar: lambda m: [m.afsprakenset_id],
}


def _changed(sender, instance, **kwargs) -> None:
    raise_version(SETS[sender](instance))


for _model in SETS:
    post_save.connect(_changed, sender=_model, dispatch_uid=f"tabelcache-save-{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"tabelcache-delete-{_model.__name__}")
