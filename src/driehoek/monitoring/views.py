"""A set's monitoring per year: the years, the dashboard, the monitoringstabel and the focus list (the
assessment page of one agreement: beoordeling_views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.register.models import Afsprakenset

from . import dashboardcache, queries, rules, services, tabelcache
from .forms import StartJaarForm, TabelFilterForm


def _visible_set(request, slug: str) -> Afsprakenset:
    return Afsprakenset.objects.visible_or_404(request.user, slug)


def _year(afsprakenset: Afsprakenset, jaar: int):
    return get_object_or_404(afsprakenset.monitoringsjaren, jaar=jaar)


def _open_years(afsprakenset: Afsprakenset) -> list[int]:
    started = set(afsprakenset.monitoringsjaren.values_list("jaar", flat=True))
    return [y for y in range(afsprakenset.eerste_jaar, afsprakenset.laatste_jaar + 1) if y not in started]


@login_required
def index(request, slug: str):
    afsprakenset = _visible_set(request, slug)
    years = afsprakenset.monitoringsjaren.order_by("-jaar")
    may_start = policy.can(request.user, policy.START_YEAR, afsprakenset)
    form = StartJaarForm(_open_years(afsprakenset), request.POST or None)
    if request.method == "POST":
        if not may_start:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.start_year(request.user, afsprakenset, form.cleaned_data["jaar"])
            except ValidationError as e:
                form.add_error("jaar", e)
            else:
                messages.success(request, _("De monitoring van %(jaar)s is gestart.") % form.cleaned_data)
                return redirect("monitoring:dashboard", slug=slug, jaar=form.cleaned_data["jaar"])
    context = {"afsprakenset": afsprakenset, "years": years, "form": form, "may_start": may_start}
    return render(request, "monitoring/index.html", context)


@login_required
def dashboard(request, slug: str, jaar: int):
    afsprakenset = _visible_set(request, slug)
    monitoringsjaar = _year(afsprakenset, jaar)
    may_adopt = policy.can(request.user, policy.ADOPT, afsprakenset)
    published = afsprakenset.publicaties.filter(jaar=jaar).exists()
    # The inbox, the figures and the stale indicators from the shared cache (monitoring/dashboardcache.py).
    delen, cache = dashboardcache.parts(request.user, afsprakenset, monitoringsjaar, may_adopt)
    near = rules.is_stale(monitoringsjaar.voorzet_uiterlijk, timezone.localdate())
    context = {
        "afsprakenset": afsprakenset,
        "monitoringsjaar": monitoringsjaar,
        "jaar": jaar,
        "tab": "dashboard",
        "delen": delen,
        "published": published,
        "may_publish": may_adopt and not published,
        "stale_flagged": bool(delen["stale"]) and near,
    }
    response = render(request, "monitoring/dashboard.html", context)
    response.server_timing_cache = cache  # Server-Timing says whether the cache served (core/middleware.py)
    return response


@login_required
def tabel(request, slug: str, jaar: int):
    afsprakenset = tabelcache.visible_set(request.user, slug, jaar)  # and its token: one query
    # The filters, the table and the yearly checks from the shared cache (docs/adr/0125); with any
    # filter given (or a wrong one, whose message shows) they are made each time.
    if request.GET:
        form = TabelFilterForm(afsprakenset, request.GET)
        html, cache = tabelcache.render(afsprakenset, jaar, form=form, path=request.path), ""
    else:
        html, cache = tabelcache.rendered(request.user, afsprakenset, jaar)
    context = {
        "afsprakenset": afsprakenset,
        "jaar": jaar,
        "tab": "tabel",
        "tabel": mark_safe(html),  # rendered by the template engine, which escaped it
    }
    response = render(request, "monitoring/tabel.html", context)
    response.server_timing_cache = cache  # Server-Timing says whether the cache served (core/middleware.py)
    return response


@login_required
def focus(request, slug: str, jaar: int):
    afsprakenset = _visible_set(request, slug)
    monitoringsjaar = _year(afsprakenset, jaar)
    context = {
        "afsprakenset": afsprakenset,
        "monitoringsjaar": monitoringsjaar,
        "jaar": jaar,
        "tab": "focus",
        "beoordelingen": queries.focuslijst(afsprakenset, jaar),
    }
    return render(request, "monitoring/focus.html", context)
