"""The values of an agreement's indicators: one value from the assessment page, or all of them in one
form, saved in place with htmx (issue 20): each value through `services.save_value`, all of them in
one transaction, so that a refused value (an outdated version, a wrong number) saves none and comes
back with its message; and an attachment of a value, downloaded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from driehoek.accounts import policy
from driehoek.core.downloads import CONTENT_TYPES, safe_filename
from driehoek.core.versioning import offer_current_version

from . import services, taken
from .beoordeling_views import _add_errors, _afspraak, _beoordeling_context
from .forms import IndicatorwaardeForm
from .models import Beoordeling, Bijlage
from .views import _visible_set, _year


class _Refused(Exception):
    """Rolls the transaction back after a refused value; the form carries the message."""

    def __init__(self, conflict: services.ConflictError | None = None):
        super().__init__()
        self.conflict = conflict


@login_required
@require_POST
def waarden(request, slug: str, jaar: int, nummer: str):
    afsprakenset = _visible_set(request, slug)
    monitoringsjaar = _year(afsprakenset, jaar)
    afspraak = _afspraak(afsprakenset, nummer)
    b = get_object_or_404(Beoordeling, afspraak=afspraak, jaar=jaar)
    b.afspraak = afspraak
    context = _beoordeling_context(request, afsprakenset, monitoringsjaar, afspraak, b)
    rows = [row for row in context["indicator_rows"] if row["form"]]
    if not rows:
        raise PermissionDenied
    changed, bound = [], []
    for row in rows:
        stored = row["form"]
        form = IndicatorwaardeForm(request.POST, request.FILES, initial=stored.initial, prefix=stored.prefix)
        bound.append(form)
        # An untouched indicator is left as it is: no empty save, no history row, and its form as drawn
        # (bound, an empty one would show an error on fields nobody touched). The version alone does
        # not count: someone else's save since the page was drawn is no change of this person's.
        if set(form.changed_data) - {"versie"}:
            row["form"] = form
            changed.append(row)
            row["open"] = True
    if changed and all(row["form"].is_valid() for row in changed):
        try:
            with transaction.atomic():
                for row in changed:
                    try:
                        _save(request.user, row["indicator"], jaar, row["form"])
                    except _Refused as e:
                        row["conflict"] = e.conflict
                        raise
        except _Refused:
            pass
        else:
            return _saved(request, afsprakenset, monitoringsjaar, afspraak, jaar, len(changed))
    elif not changed:  # said once, on the first form (an empty one says it by its own check)
        if bound[0].is_valid():
            bound[0].add_error(None, _("Vul een waarde of een oordeel in."))
        rows[0]["form"], rows[0]["open"] = bound[0], True
    if request.htmx:  # htmx swaps only a successful answer: the errors come back as the section
        return render(request, "monitoring/beoordeling.html#indicatoren", context)
    return render(request, "monitoring/beoordeling.html", context, status=400)


@transaction.atomic
def _save(user, indicator, jaar: int, form: IndicatorwaardeForm) -> None:
    """A valid form's value and its attachment, both or neither; a refusal puts its message on the form
    (or the version saved in between, to offer) and raises _Refused."""
    data = form.cleaned_data
    try:
        value = services.save_value(
            user,
            indicator,
            jaar,
            waarde=data["waarde"],
            eenheid=data["eenheid"],
            oordeel=data["oordeel"],
            bron=data["bron"],
            versie=data["versie"],
        )
        if data.get("bijlage"):
            services.add_attachment(user, value, data["bijlage"], data["bijlage_soort"])
    except ValidationError as e:
        _add_errors(form, e)
        raise _Refused from e
    except services.ConflictError as e:
        offer_current_version(form, e.current)
        raise _Refused(e) from e


def _saved(request, afsprakenset, monitoringsjaar, afspraak, jaar: int, n: int):
    text = ngettext("%(n)s waarde is opgeslagen.", "%(n)s waarden zijn opgeslagen.", n) % {"n": n}
    if not request.htmx:
        messages.success(request, text)
        return redirect("monitoring:beoordeling", slug=afsprakenset.slug, jaar=jaar, nummer=afspraak.nummer)
    b = Beoordeling.objects.select_related("voorzet_partij", "voorzet_door").get(afspraak=afspraak, jaar=jaar)
    b.afspraak = afspraak
    context = _beoordeling_context(request, afsprakenset, monitoringsjaar, afspraak, b)
    context["waarden_opgeslagen"] = text
    context["next_url"] = taken.next_task_url(request.user, f"afspraak:{afspraak.pk}:{jaar}")
    # The suggestion from the figures may change with the values: the voorzet beside them follows
    # (an out-of-band swap), so the light offered is the one the new figures suggest.
    context["oob"] = True
    html = render_to_string("monitoring/beoordeling.html#indicatoren", context, request)
    html += render_to_string("monitoring/beoordeling.html#voorzet", context, request)
    return HttpResponse(html)


@login_required
@require_POST
def waarde(request, slug: str, jaar: int, nummer: str, indicator_pk: int):
    afsprakenset = _visible_set(request, slug)
    _year(afsprakenset, jaar)
    afspraak = _afspraak(afsprakenset, nummer)
    indicator = get_object_or_404(afspraak.indicatoren, pk=indicator_pk)
    if not policy.can(request.user, policy.ENTER_VALUE, indicator):
        raise PermissionDenied
    form = IndicatorwaardeForm(request.POST, request.FILES, prefix=f"i{indicator.pk}")
    conflict = None
    if form.is_valid():
        try:
            _save(request.user, indicator, jaar, form)
        except _Refused as e:
            conflict = e.conflict
        else:
            messages.success(request, _("De waarde van “%(indicator)s” is opgeslagen.") % {"indicator": indicator})
            return redirect("monitoring:beoordeling", slug=slug, jaar=jaar, nummer=nummer)
    b = get_object_or_404(Beoordeling, afspraak=afspraak, jaar=jaar)
    b.afspraak = afspraak
    context = _beoordeling_context(request, afsprakenset, _year(afsprakenset, jaar), afspraak, b)
    for row in context["indicator_rows"]:
        if row["indicator"].pk == indicator.pk:
            row["form"], row["conflict"], row["open"] = form, conflict, True
    return render(request, "monitoring/beoordeling.html", context, status=400)


@login_required
def bijlage(request, pk: int):
    attachment = get_object_or_404(
        Bijlage.objects.select_related("indicatorwaarde__indicator__afspraak__afsprakenset"), pk=pk
    )
    if not policy.can(request.user, policy.VIEW_SET, attachment.indicatorwaarde.indicator.afspraak.afsprakenset):
        raise Http404
    # The type follows what the content was checked to be on upload, never the uploaded name.
    return FileResponse(
        attachment.bestand.open("rb"),
        as_attachment=True,
        filename=safe_filename(attachment.naam),
        content_type=CONTENT_TYPES.get(attachment.soort, "application/octet-stream"),
    )
