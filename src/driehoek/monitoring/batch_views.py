"""The pages that do many agreements at once: the reaction round and the secretary's adoption list."""

from collections import defaultdict
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from driehoek.accounts import policy
from driehoek.register.models import Afsprakenset

from . import batch, jaarstand
from .models import Beoordeling, Indicatorwaarde, Reactie, Status

MAX_ROWS = 500  # a set has some tens of agreements; more rows than this in one post is not a person


def _set_and_year(request, slug: str, jaar: int):
    afsprakenset = Afsprakenset.objects.visible_or_404(request.user, slug)
    return afsprakenset, get_object_or_404(afsprakenset.monitoringsjaren, jaar=jaar)


def _rows(beoordelingen: list[Beoordeling], jaar: int) -> list[Beoordeling]:
    """The assessments with their agreement, theme and the year's indicator values, in two queries."""
    ids = [b.pk for b in beoordelingen]
    rows = list(
        Beoordeling.objects.filter(pk__in=ids)
        .select_related("afspraak__thema", "voorzet_partij")
        .order_by("afspraak__thema__volgorde", "afspraak__volgorde")
    )
    values = defaultdict(list)
    for v in (
        Indicatorwaarde.objects.filter(indicator__afspraak__in=[b.afspraak_id for b in rows], jaar=jaar)
        .select_related("indicator")
        .order_by("indicator__volgorde")
    ):
        values[v.indicator.afspraak_id].append(v)
    for b in rows:
        b.waarden = values[b.afspraak_id]
    return rows


def _by_theme(rows: list[Beoordeling]) -> list[tuple]:
    return [(thema, list(items)) for thema, items in groupby(rows, key=lambda b: b.afspraak.thema)]


@login_required
def reactieronde(request, slug: str, jaar: int):
    """Every voorzet awaiting the user's party on one page; one button sends the choices made."""
    afsprakenset, monitoringsjaar = _set_and_year(request, slug, jaar)
    waiting = jaarstand.inbox(request.user, afsprakenset, jaar).to_respond
    errors, kept, status = {}, {}, 200
    if request.method == "POST":
        choices = []
        for b in waiting[:MAX_ROWS]:
            soort = request.POST.get(f"r{b.pk}-soort", "")
            if soort not in (Reactie.Soort.AKKOORD, Reactie.Soort.NIET_AKKOORD):
                continue  # no choice made: the row stays open
            toelichting = request.POST.get(f"r{b.pk}-toelichting", "")[:5000]
            try:
                revisie = int(request.POST.get(f"r{b.pk}-revisie", ""))
            except ValueError:
                revisie = -1  # a form without the voorzet it answers: refused as outdated
            choices.append((b, soort, toelichting, revisie))
        if not choices:
            messages.error(request, _("Kies bij minstens één voorzet akkoord of niet akkoord."))
            status = 400
        else:
            result = batch.respond_all(request.user, choices)
            if result.saved:
                n = len(result.saved)
                messages.success(
                    request,
                    ngettext("%(n)s reactie is opgeslagen.", "%(n)s reacties zijn opgeslagen.", n) % {"n": n},
                )
            if not result.refused:
                return redirect(reverse("start") + f"?na=reacties:{afsprakenset.pk}:{jaar}#volgende")
            for row in result.refused:
                errors[row.beoordeling.pk] = row.error
                if row.conflict is None:  # a changed voorzet is read again, not answered blindly
                    kept[row.beoordeling.pk] = (row.soort, row.toelichting)
            waiting = jaarstand.inbox(request.user, afsprakenset, jaar).to_respond
            status = 400
    rows = _rows(waiting, jaar)
    for b in rows:
        b.fout = errors.get(b.pk, "")
        b.gekozen, b.gekozen_toelichting = kept.get(b.pk, ("", ""))
    context = {
        "afsprakenset": afsprakenset,
        "monitoringsjaar": monitoringsjaar,
        "jaar": jaar,
        "groepen": _by_theme(rows),
        "aantal": len(rows),
        "fouten": len(errors),
    }
    return render(request, "monitoring/reactieronde.html", context, status=status)


@login_required
def vaststellen(request, slug: str, jaar: int):
    """The secretary's adoption list: every agreement at consensus with its light, adopted together in
    one decision of a bestuurlijk overleg; the others with the reason they cannot be yet."""
    from driehoek.cycle.models import Overleg, Overlegsoort

    afsprakenset, monitoringsjaar = _set_and_year(request, slug, jaar)
    if not policy.can(request.user, policy.ADOPT, afsprakenset):
        raise PermissionDenied
    meetings = list(afsprakenset.overleggen.filter(soort=Overlegsoort.BO).order_by("-datum", "-pk")[:20])
    error, status = "", 200
    if request.method == "POST":
        expected = {int(pk) for pk in request.POST.getlist("beoordeling")[:MAX_ROWS] if pk.isdigit()}
        overleg_pk = request.POST.get("overleg", "")
        overleg = get_object_or_404(Overleg, pk=overleg_pk, afsprakenset=afsprakenset) if overleg_pk else None
        try:
            besluit, overleg = batch.adopt_at_consensus(
                request.user, afsprakenset, jaar, expected=expected, overleg=overleg
            )
        except ValidationError as e:
            error, status = " ".join(e.messages), 400
        else:
            n = besluit.afspraken.count()
            messages.success(
                request,
                ngettext(
                    "%(n)s beoordeling is vastgesteld in één besluit van “%(overleg)s”.",
                    "%(n)s beoordelingen zijn vastgesteld in één besluit van “%(overleg)s”.",
                    n,
                )
                % {"n": n, "overleg": overleg},
            )
            return redirect(reverse("start") + f"?na=vaststellen:{afsprakenset.pk}:{jaar}#volgende")
    all_years = list(
        Beoordeling.objects.filter(afspraak__afsprakenset=afsprakenset, jaar=jaar)
        .select_related("afspraak__thema", "afspraak__afsprakenset")
        .order_by("afspraak__volgorde")
    )
    current = defaultdict(list)
    for r in Reactie.objects.filter(beoordeling__in=all_years).select_related("partij"):
        current[r.beoordeling_id].append(r)
    ready, not_ready = [], []
    for b in all_years:
        if b.status == Status.CONSENSUS:
            ready.append(b)
        else:
            b.waarom = batch.why_not_adoptable(b, [r for r in current[b.pk] if r.revisie == b.revisie])
            not_ready.append(b)
    context = {
        "afsprakenset": afsprakenset,
        "monitoringsjaar": monitoringsjaar,
        "jaar": jaar,
        "ready": ready,
        "not_ready": not_ready,
        "meetings": meetings,
        "error": error,
    }
    return render(request, "monitoring/vaststellen.html", context, status=status)
