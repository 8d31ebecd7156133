from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render

from driehoek.core import inbox
from driehoek.cycle.queries import disputes_about
from driehoek.monitoring.queries import lights_over_years

from .forms import AfspraakFilterForm
from .history import afspraak_history, set_history
from .models import Actiehouder, Afspraak, Afsprakenset, Indicator
from .search import group_by_theme, search_afspraken, search_lopende_afspraken, zoekvraag


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
    form = AfspraakFilterForm(afsprakenset, request.GET or None)
    filters = form.filters()
    afspraken = search_afspraken(afsprakenset, **filters)
    lopend = search_lopende_afspraken(afsprakenset, q=filters.get("q", ""), thema=filters.get("thema"))
    if filters.get("partij") or filters.get("sectie"):
        lopend = lopend.none()
    afspraken = list(afspraken)
    vraag = zoekvraag(filters.get("q", ""))
    context = {
        "afsprakenset": afsprakenset,
        "form": form,
        "filtered": bool(filters),
        "q": vraag.q,
        "zoekmelding": vraag.melding,
        "aantal": len(afspraken),
        "groepen": group_by_theme(
            afsprakenset.themas.all(), afspraken, lopend, keep_empty=not filters, ranked=bool(vraag.words)
        ),
        "deelnames": afsprakenset.deelnames.select_related("partij"),
        "ondertekenaars": afsprakenset.ondertekenaars.select_related("partij"),
    }
    template = "register/set_detail.html#resultaten" if request.htmx else "register/set_detail.html"
    return render(request, template, context)


@login_required
def afspraak_detail(request, slug: str, nummer: str):
    afsprakenset = _visible_set(request, slug)
    afspraak = get_object_or_404(
        Afspraak.objects.select_related("thema").prefetch_related(
            "verantwoordelijkheden__partij",
            "verwijzingen",
            "verwezen_door",
            Prefetch(
                "indicatoren",
                Indicator.objects.prefetch_related(
                    Prefetch("actiehouderschappen", Actiehouder.objects.select_related("partij"))
                ),
            ),
            "doelstellingen__indicator",
        ),
        afsprakenset=afsprakenset,
        nummer=nummer,
    )
    context = {
        "afsprakenset": afsprakenset,
        "afspraak": afspraak,
        "history": afspraak_history(afspraak),
        "beoordelingen": lights_over_years(afspraak),
        "geschillen": disputes_about(afspraak),
    }
    return render(request, "register/afspraak_detail.html", context)


@login_required
def geschiedenis(request, slug: str):
    """Every change in the set, for everyone who may see the set: who, when, before and after."""
    afsprakenset = _visible_set(request, slug)
    return render(
        request, "register/geschiedenis.html", {"afsprakenset": afsprakenset, "history": set_history(afsprakenset)}
    )
