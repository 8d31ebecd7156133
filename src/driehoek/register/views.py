from operator import attrgetter

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from driehoek.core import inbox
from driehoek.cycle.queries import disputes_about
from driehoek.monitoring.queries import lights_over_years

from . import setcache
from .forms import AfspraakFilterForm
from .history import afspraak_history, set_history
from .models import Actiehouder, Afspraak, Afsprakenset, Doelstelling, Indicator, Verantwoordelijke
from .search import group_by_theme, search_afspraken, search_lopende_afspraken, zoekvraag
from .weergave import Onderdelen


def _visible_set(request, slug: str) -> Afsprakenset:
    return Afsprakenset.objects.visible_or_404(request.user, slug)


@login_required
def start(request):
    sets = (
        Afsprakenset.objects.visible_to(request.user)
        .select_related("gemeente", "bovenliggende_set")
        .annotate(aantal_afspraken=Count("afspraken", distinct=True))
    )
    from driehoek.ondertekening.queries import start_block

    tasks = inbox.open_tasks(request.user)  # signing tasks come in through the cycle's items
    # After a save the page comes back here with the saved task's key: the next one is highlighted.
    done = request.GET.get("na", "")[:100]
    volgende = next((t for t in tasks if t.key != done), None) if done else None
    _signing, wacht = start_block(request.user)
    context = {"sets": sets, "tasks": tasks, "volgende": volgende, "ondertekening_wacht": wacht}
    return render(request, "register/start.html", context)


@login_required
def set_detail(request, slug: str):
    afsprakenset = _visible_set(request, slug)
    # Without parameters the whole list and the empty fields, the same for everyone who may see the
    # set: from the shared cache. With any, the fields show what was asked (and its errors).
    form = AfspraakFilterForm(afsprakenset, request.GET) if request.GET else None
    filters = form.filters() if form else {}
    velden, cache = None, ""
    if filters:
        resultaten = render_to_string(setcache.PARTIAL, _resultaten(afsprakenset, filters), request)
    else:
        (velden, resultaten), cache = setcache.rendered(
            request.user,
            afsprakenset,
            lambda: AfspraakFilterForm(afsprakenset, None),
            lambda: _resultaten(afsprakenset, {}),
        )
    if request.htmx:
        response = HttpResponse(resultaten)
    else:
        if form:
            velden = render_to_string(setcache.FIELDS, {"form": form}, request)
        context = {
            "afsprakenset": afsprakenset,
            "filtered": bool(filters),
            "velden": velden,
            "resultaten": resultaten,
            "deelnames": afsprakenset.deelnames.select_related("partij"),
            "ondertekenaars": afsprakenset.ondertekenaars.select_related("partij"),
        }
        response = render(request, "register/set_detail.html", context)
    response.server_timing_cache = cache  # Server-Timing says whether the cache served (core/middleware.py)
    return response


def _resultaten(afsprakenset: Afsprakenset, filters: dict) -> dict:
    """The context of the list of agreements (set_detail.html#resultaten) for these filters."""
    afspraken = list(search_afspraken(afsprakenset, **filters))
    lopend = search_lopende_afspraken(afsprakenset, q=filters.get("q", ""), thema=filters.get("thema"))
    if filters.get("partij") or filters.get("sectie"):
        lopend = lopend.none()
    onderdelen = Onderdelen()
    for afspraak in afspraken:
        afspraak.verantwoordelijken_html = onderdelen.partijen(afspraak.verantwoordelijken_lijst)
    vraag = zoekvraag(filters.get("q", ""))
    return {
        "filtered": bool(filters),
        "q": vraag.q,
        "zoekmelding": vraag.melding,
        "aantal": len(afspraken),
        "groepen": group_by_theme(
            afsprakenset.themas.all(), afspraken, lopend, keep_empty=not filters, ranked=bool(vraag.words)
        ),
    }


@login_required
def afspraak_detail(request, slug: str, nummer: str):
    # The agreement and its set in one query, among the sets the user may see (as _visible_set).
    afspraak = get_object_or_404(
        Afspraak.objects.select_related("thema", "afsprakenset__gemeente").prefetch_related(
            Prefetch("verantwoordelijkheden", Verantwoordelijke.objects.select_related("partij")),
            # The default orders (agreement or theme, then volgorde) within one agreement, without
            # joining its set and municipality for every row.
            Prefetch(
                "indicatoren",
                Indicator.objects.order_by("volgorde").prefetch_related(
                    Prefetch("actiehouderschappen", Actiehouder.objects.select_related("partij"))
                ),
            ),
            Prefetch(
                "doelstellingen",
                Doelstelling.objects.select_related("indicator").order_by("thema__volgorde", "volgorde"),
            ),
        ),
        afsprakenset__in=Afsprakenset.objects.visible_to(request.user),
        afsprakenset__slug=slug,
        nummer=nummer,
    )
    afsprakenset = afspraak.afsprakenset
    context = {
        "afsprakenset": afsprakenset,
        "afspraak": afspraak,
        "history": afspraak_history(afspraak),
        **_references(afspraak),
        "beoordelingen": lights_over_years(afspraak),
        "geschillen": disputes_about(afspraak),
    }
    return render(request, "register/afspraak_detail.html", context)


def _references(afspraak: Afspraak) -> dict[str, list[Afspraak]]:
    """The agreements this one refers to and those that refer to it, in one query for both ways;
    their links name their set, read with them. A reference stays in its set (register/consistency),
    so the default order (set, volgorde) is volgorde."""
    rows = (
        Afspraak.verwijzingen.through.objects.filter(Q(from_afspraak=afspraak) | Q(to_afspraak=afspraak))
        .select_related("from_afspraak__afsprakenset", "to_afspraak__afsprakenset")
        .order_by()
    )
    rows, by_order = list(rows), attrgetter("volgorde")
    return {
        "verwijzingen": sorted((r.to_afspraak for r in rows if r.from_afspraak_id == afspraak.pk), key=by_order),
        "verwezen_door": sorted((r.from_afspraak for r in rows if r.to_afspraak_id == afspraak.pk), key=by_order),
    }


@login_required
def geschiedenis(request, slug: str):
    """Every change in the set, for everyone who may see the set: who, when, before and after."""
    afsprakenset = _visible_set(request, slug)
    return render(
        request, "register/geschiedenis.html", {"afsprakenset": afsprakenset, "history": set_history(afsprakenset)}
    )
