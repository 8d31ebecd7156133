from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from driehoek.accounts import policy
from driehoek.core.downloads import CONTENT_TYPES, as_attachment, safe_filename
from driehoek.figures import queries as figures_queries
from driehoek.monitoring import tabelcache
from driehoek.monitoring.models import Beoordeling, Status
from driehoek.register.models import Afsprakenset
from driehoek.register.weergave import Onderdelen

from . import exports, national, national_cache, services
from . import periode as period
from .forms import LandelijkForm
from .models import Publicatie, Rapport

FOUND_SHOWN = 10  # corporations named under the search field

FORMATS = {
    "xlsx": (exports.xlsx_bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": (exports.csv_bytes, "text/csv; charset=utf-8"),
    "pdf": (exports.pdf_bytes, "application/pdf"),
}


@login_required
def monitoringstabel(request, slug: str, jaar: int, fmt: str):
    afsprakenset = Afsprakenset.objects.visible_or_404(request.user, slug)
    get_object_or_404(afsprakenset.monitoringsjaren, jaar=jaar)
    if fmt not in FORMATS:
        raise Http404
    build, content_type = FORMATS[fmt]
    response = HttpResponse(build(afsprakenset, jaar), content_type=content_type)
    return as_attachment(response, f"monitoringstabel-{afsprakenset.slug}-{jaar}.{fmt}")


def openbaar(request, slug: str, jaar: int):
    """The public monitor: no log-in; only the adopted assessments of a published year, no names.
    Its content is the same for everyone, kept in the shared cache under the set's token
    (monitoring/tabelcache.kept) and the publication (published again: a new date)."""
    publicatie = get_object_or_404(
        Publicatie.objects.select_related("afsprakenset__gemeente"), afsprakenset__slug=slug, jaar=jaar
    )
    afsprakenset = publicatie.afsprakenset
    parts = (jaar, "openbaar", publicatie.pk, publicatie.gepubliceerd_op.isoformat())
    inhoud, cache = tabelcache.kept("openbaar", afsprakenset, parts, lambda: _openbaar_inhoud(publicatie))
    context = {
        "afsprakenset": afsprakenset,
        "jaar": jaar,
        "inhoud": inhoud,
        # Outside the cached content: the corporations' deliveries do not raise the set's token.
        "additions_rows": _additions_rows(afsprakenset),
    }
    response = render(request, "reports/openbaar.html", context)
    response.server_timing_cache = cache  # Server-Timing says whether the cache served (core/middleware.py)
    return response


def _additions_rows(afsprakenset) -> list[tuple[int, int, int, int]]:
    """Net additions, hard and soft planned per year of the set: the figures page's numbers (one number)."""
    additions = figures_queries.additions(afsprakenset.gemeente, afsprakenset.eerste_jaar, afsprakenset.laatste_jaar)
    return [
        (
            year,
            additions.net.get(year, 0),
            additions.planned_hard.get(year, 0),
            additions.planned_soft.get(year, 0),
        )
        for year in range(afsprakenset.eerste_jaar, afsprakenset.laatste_jaar + 1)
    ]


def _openbaar_inhoud(publicatie: Publicatie) -> str:
    afsprakenset, jaar = publicatie.afsprakenset, publicatie.jaar
    adopted = {
        b.afspraak_id: b
        for b in Beoordeling.objects.filter(afspraak__afsprakenset=afsprakenset, jaar=jaar, status=Status.VASTGESTELD)
    }
    onderdelen = Onderdelen()
    themes = []
    for t in afsprakenset.themas.prefetch_related("afspraken"):
        items = []
        for a in t.afspraken.all():
            b = adopted.get(a.pk)
            items.append((a, b, onderdelen.stoplicht(b.kleur, b.reden) if b else ""))
        themes.append((t, items))
    context = {
        "publicatie": publicatie,
        "afsprakenset": afsprakenset,
        "jaar": jaar,
        "themes": themes,
        "deelnames": afsprakenset.deelnames.select_related("partij"),
    }
    return render_to_string("reports/openbaar.html#inhoud", context)


@login_required
@require_POST
def publiceren(request, slug: str, jaar: int):
    afsprakenset = Afsprakenset.objects.visible_or_404(request.user, slug)
    if not policy.can(request.user, policy.ADOPT, afsprakenset):
        raise PermissionDenied
    try:
        services.publish(request.user, afsprakenset, jaar)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("monitoring:dashboard", slug=slug, jaar=jaar)
    messages.success(request, _("Gepubliceerd. De openbare pagina staat op een vast adres."))
    return redirect("reports:openbaar", slug=slug, jaar=jaar)


def _national(request, sets_qs, *, public: bool):
    form = LandelijkForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    sort = request.GET.get("sort", "gemeente")
    sort = sort if sort in national.SORTS else "gemeente"
    corporatie = filters.get("corporatie") or ""
    page, rows, theme_lights, totals = national.overview(
        sets_qs,
        provincie=filters.get("provincie") or "",
        corporatie=corporatie,
        year=filters.get("jaar"),
        public=public,
        sort=sort,
        page=request.GET.get("pagina", "")[:6],  # bounded: any longer number is past the last page too
        viewer=national_cache.viewer_class(request.user, public=public),
    )
    # The corporations the search found, named under the field (at most FOUND_SHOWN of them).
    found = (
        list(national.corporations_matching(sets_qs, corporatie).order_by("naam")[: FOUND_SHOWN + 1])
        if corporatie
        else []
    )
    # The badge of each light rendered once, not once per municipality and light (issue 18).
    badges = {kleur: render_to_string("components/stoplicht.html", {"kleur": kleur}) for kleur in national.LIGHTS}
    for row in rows:
        row.badges = [(badges[kleur], n) for kleur, n in row.light_counts]
    context = {
        "rows": rows,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "theme_lights": theme_lights,
        "totals": totals,
        "form": form,
        "public": public,
        "kleuren": ["groen", "oranje", "rood", "afgerond"],
        "sort": sort,
        "corporatie": corporatie,
        "found": found[:FOUND_SHOWN],
        "found_more": len(found) > FOUND_SHOWN,
    }
    return render(request, "reports/landelijk.html", context)


@login_required
def landelijk(request):
    return _national(request, Afsprakenset.objects.visible_to(request.user), public=False)


def landelijk_openbaar(request):
    return _national(request, Afsprakenset.objects.published(), public=True)


@login_required
def rapport_aanvragen(request, slug: str, jaar: int):
    afsprakenset = Afsprakenset.objects.visible_or_404(request.user, slug)
    get_object_or_404(afsprakenset.monitoringsjaren, jaar=jaar)
    if request.method == "POST":
        formaat = request.POST.get("formaat")
        if formaat not in Rapport.Formaat.values:
            raise Http404
        rapport = services.request_report(request.user, afsprakenset, jaar, formaat)
        return redirect("reports:rapport", pk=rapport.pk)
    rapporten = afsprakenset.rapporten.filter(jaar=jaar)[:10]
    return render(
        request, "reports/rapport_aanvragen.html", {"afsprakenset": afsprakenset, "jaar": jaar, "rapporten": rapporten}
    )


def _own_report(request, pk: int) -> Rapport:
    rapport = get_object_or_404(Rapport.objects.select_related("afsprakenset"), pk=pk)
    if not policy.can(request.user, policy.VIEW_SET, rapport.afsprakenset):
        raise Http404
    return rapport


@login_required
def rapport(request, pk: int):
    """The report's progress; htmx asks again every two seconds until it is ready."""
    context = {"rapport": _own_report(request, pk)}
    template = "reports/rapport.html#voortgang" if request.htmx else "reports/rapport.html"
    return render(request, template, context)


@login_required
def rapport_download(request, pk: int):
    from django.http import FileResponse

    rapport = _own_report(request, pk)
    if rapport.stand != Rapport.Stand.KLAAR:
        raise Http404
    return FileResponse(
        rapport.bestand.open("rb"),
        as_attachment=True,
        filename=safe_filename(rapport.download_name),
        content_type=CONTENT_TYPES[rapport.formaat],
    )


def _framework(request, slug: str) -> Afsprakenset:
    afsprakenset = Afsprakenset.objects.visible_or_404(request.user, slug)
    if afsprakenset.soort != Afsprakenset.Soort.KADERAFSPRAKEN:
        raise Http404
    return afsprakenset


@login_required
def periode(request, slug: str):
    """The period evaluation of a framework set: at the end of its period, or on request before."""
    return render(request, "reports/periode.html", period.gather(_framework(request, slug)))


@login_required
def periode_bestand(request, slug: str, fmt: str):
    afsprakenset = _framework(request, slug)
    builders = {"pdf": (period.pdf, CONTENT_TYPES["pdf"]), "xlsx": (period.xlsx, CONTENT_TYPES["xlsx"])}
    if fmt not in builders:
        raise Http404
    build, content_type = builders[fmt]
    response = HttpResponse(build(afsprakenset), content_type=content_type)
    return as_attachment(response, f"periode-evaluatie-{slug}.{fmt}")
