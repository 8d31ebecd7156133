import csv
import io
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.bod import queries as bod_queries
from driehoek.core.downloads import as_attachment
from driehoek.register.models import Gemeente

from . import charts, queries, services, uploads
from .forms import AanleverForm, InvoerForm
from .models import Aanlevering, Koppeling, Woningbouwplan

SMALL = (Aanlevering.Soort.VOORRAAD, Aanlevering.Soort.MUTATIES, Aanlevering.Soort.TOEWIJZINGEN)


def _gemeente(request, pk: int, action: str = policy.VIEW_FIGURES) -> Gemeente:
    gemeente = get_object_or_404(Gemeente, pk=pk)
    if not policy.can(request.user, policy.VIEW_FIGURES, gemeente):
        raise Http404
    if action != policy.VIEW_FIGURES and not policy.can(request.user, action, gemeente):
        raise PermissionDenied
    return gemeente


@login_required
def overzicht(request, pk: int):
    gemeente = _gemeente(request, pk)
    sets = list(gemeente.sets.all())
    first = min(s.eerste_jaar for s in sets) if sets else 2020
    last = max(s.laatste_jaar for s in sets) if sets else 2031
    additions = queries.additions(gemeente, first, last)
    rents = queries.rents(gemeente)
    context = {
        "gemeente": gemeente,
        "may_upload": policy.can(request.user, policy.UPLOAD_FIGURES, gemeente),
        "additions": additions,
        "additions_chart": _additions_chart(gemeente, additions),
        "additions_rows": _additions_rows(additions),
        "rents": [(r, queries.rent_targets(gemeente, r)) for r in rents],
        **_pipeline_and_labels(gemeente, additions),
        "rent_chart": _rent_chart(rents),
        "allocations": queries.allocations(gemeente),
        "stock": queries.stock(gemeente),
        "checks": queries.document_checks(gemeente),
        "stock_checks": queries.stock_checks(gemeente),
        "deliveries": Aanlevering.objects.filter(gemeente=gemeente).select_related("corporatie", "geleverd_door")[:50],
        "bod_gepland": bod_queries.planned_from_bods(gemeente),
    }
    return render(request, "figures/overzicht.html", context)


def _target_band(gemeente):
    koppeling = (
        Koppeling.objects.filter(
            indicator__afspraak__afsprakenset__gemeente=gemeente, berekening=Koppeling.Berekening.OPGELEVERD_NETTO
        )
        .select_related("indicator__afspraak__afsprakenset")
        .first()
    )
    if koppeling is None:
        return None
    target = koppeling.indicator.doelstellingen.filter(jaar__isnull=False).order_by("jaar").first()
    if target is None:
        return None
    return target, koppeling.indicator.afspraak.afsprakenset.eerste_jaar - 1


def _phasing_line(target, baseline: int, shown: list[int]):
    """The phasing along the agreed yearly targets (register/fasering.py), when there are any."""
    from driehoek.monitoring.queries import yearly_targets
    from driehoek.register import fasering

    yearly = {y: d.waarde for y, d in yearly_targets([target.indicator_id])[target.indicator_id].items()}
    if not yearly or target.jaar <= baseline:
        return None
    schijven = fasering.phasing(target=target.waarde, baseline_year=baseline, deadline=target.jaar, yearly=yearly)
    opgeteld = {s.jaar: s.opgeteld for s in schijven}
    values = {y: opgeteld.get(y, Decimal(0) if y <= baseline else target.waarde) for y in shown}
    return charts.Series(_("fasering volgens de jaardoelen"), "chart-line-3", values)


def _additions_chart(gemeente, additions):
    from . import rules

    years = additions.years
    delivered = rules.cumulative(additions.net, years)  # delivered minus sold
    running = dict(delivered)
    hard, soft = {}, {}
    total_hard = total_soft = 0
    for year in years:
        total_hard += additions.planned_hard.get(year, 0)
        total_soft += additions.planned_soft.get(year, 0)
        hard[year], soft[year] = total_hard, total_soft
    bars = [
        charts.Series(_("opgeleverd min verkocht"), "chart-a", running),
        charts.Series(_("hard gepland"), "chart-b", hard),
        charts.Series(_("zacht gepland"), "chart-c", soft),
    ]
    lines = []
    band = _target_band(gemeente)
    if band:
        target, baseline = band
        shown = [y for y in years if y >= baseline]
        lines.append(
            charts.Series(
                _("lijn naar %(n)s in %(j)s") % {"n": int(target.waarde), "j": target.jaar},
                "chart-line",
                rules.trajectory(target.waarde, baseline, target.jaar, shown),
            )
        )
        if target.waarde_max:
            lines.append(
                charts.Series(
                    _("lijn naar %(n)s in %(j)s") % {"n": int(target.waarde_max), "j": target.jaar},
                    "chart-line-2",
                    rules.trajectory(target.waarde_max, baseline, target.jaar, shown),
                )
            )
        phasing = _phasing_line(target, baseline, shown)
        if phasing:
            lines.append(phasing)
    return (
        charts.bars_and_lines(_("Netto toegevoegde sociale huurwoningen tegen de doelstelling"), years, bars, lines),
        bars,
        lines,
    )


def _additions_rows(additions):
    return [
        (
            year,
            additions.net.get(year, 0),
            additions.sold.get(year, 0),
            additions.planned_hard.get(year, 0),
            additions.planned_soft.get(year, 0),
        )
        for year in additions.years
    ]


CSS = ["chart-a", "chart-b", "chart-c", "chart-d", "chart-e"]
# A plan's status keeps its colour whichever other statuses a municipality has; in this order the
# neighbours in a bar differ by 3:1 or more, and delivered homes are dark green, not a warning red.
STATUS_CSS = dict(zip(Woningbouwplan.Status.values, CSS, strict=True))


def _pipeline_and_labels(gemeente, additions) -> dict:
    kernen, per_status = queries.pipeline(additions.plans)
    pipeline_chart = None
    if per_status:
        series = [charts.Series(label, STATUS_CSS[status], values) for status, label, values in per_status]
        pipeline_chart = charts.bars_and_lines(_("Woningbouwplannen per kern en status (netto)"), kernen, series)
    years, per_corp = queries.labels_over_years(gemeente)
    labels_chart = None
    if years:
        series = [charts.Series(corp, CSS[i % len(CSS)], values) for i, (corp, values) in enumerate(per_corp.items())]
        labels_chart = charts.bars_and_lines(_("Woningen met label E, F of G die blijven"), years, series)
    return {
        "pipeline_chart": pipeline_chart,
        "pipeline_kernen": kernen,
        "pipeline_rows": [(label, [values.get(k, 0) for k in kernen]) for _s, label, values in per_status],
        "labels_chart": labels_chart,
        "labels_years": years,
        "labels_rows": [(corp, [values.get(y, "") for y in years]) for corp, values in per_corp.items()],
    }


def _rent_chart(rents):
    css = ["chart-a", "chart-b", "chart-c", "chart-d", "chart-e"]
    rows = [
        (f"{r.aanlevering.corporatie.korte_naam} {r.year}", [(b.label, css[i], b.share) for i, b in enumerate(r.bands)])
        for r in rents
        if r.bands
    ]
    return charts.stacked_shares(_("Huren naar huurgrens"), rows) if rows else None


@login_required
def aanleveren(request, pk: int):
    gemeente = _gemeente(request, pk, policy.UPLOAD_FIGURES)
    form = AanleverForm(request.POST or None, request.FILES or None)
    problems, total = [], 0
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        try:
            aanlevering = services.deliver(
                request.user,
                gemeente,
                form.cleaned_data["soort"],
                form.cleaned_data["peildatum"],
                filename=upload.name,
                content=upload.read(),
            )
        except uploads.UploadError as e:
            problems, total = e.problems, e.total
        else:
            messages.success(request, _("%(n)s rijen aangeleverd en verwerkt.") % {"n": aanlevering.rijen})
            return redirect("figures:overzicht", pk=gemeente.pk)
    status = 400 if (problems or form.errors) else 200
    context = {
        "gemeente": gemeente,
        "form": form,
        "problems": problems,
        "total": total,
        "soorten": Aanlevering.Soort.choices,
        "small": SMALL,
    }
    return render(request, "figures/aanleveren.html", context, status=status)


@login_required
def invoeren(request, pk: int, soort: str):
    gemeente = _gemeente(request, pk, policy.UPLOAD_FIGURES)
    if soort not in SMALL:
        raise Http404
    form = InvoerForm(soort, request.POST or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        columns = [c.name for c in uploads.SPECS[soort]]
        rows = iter([columns, [form.cleaned_data.get(c, "") for c in columns]])
        try:
            records = uploads.validate(soort, rows)
            problems = uploads.check_rows(soort, records)
            if not problems:
                services.store(
                    request.user,
                    gemeente,
                    request.user.partij,
                    soort,
                    form.cleaned_data["peildatum"],
                    records,
                    bron=_("ingevoerd"),
                )
                messages.success(request, _("De cijfers zijn opgeslagen."))
                return redirect("figures:overzicht", pk=gemeente.pk)
        except uploads.UploadError as e:
            problems = e.problems
    context = {"gemeente": gemeente, "form": form, "soort": Aanlevering.Soort(soort), "problems": problems}
    return render(request, "figures/invoeren.html", context, status=400 if problems or form.errors else 200)


@login_required
def sjabloon(request, soort: str, ext: str):
    if soort not in uploads.SPECS or ext not in ("csv", "xlsx"):
        raise Http404
    spec = uploads.SPECS[soort]
    header, example = [c.name for c in spec], [c.example for c in spec]
    filename = f"driehoek-{soort}.{ext}"
    if ext == "csv":
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows([header, example])
        response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = soort
        sheet.append(header)
        sheet.append(example)
        sheet.freeze_panes = "A2"
        notes = book.create_sheet("toelichting")
        notes.append(["kolom", "verplicht", "toelichting"])
        for c in spec:
            notes.append([c.name, "ja" if c.required else "nee", c.help])
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    return as_attachment(response, filename)
