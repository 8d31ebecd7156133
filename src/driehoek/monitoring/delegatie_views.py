"""The lead party chooses who fills an indicator in: itself, or one of its co-holders (issue 20,
docs/adr/0130). The form sits on the assessment page; this is its post-only target."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from driehoek.accounts import policy
from driehoek.core.versioning import ConflictError, offer_current_version

from . import delegatie
from .beoordeling_views import _add_errors, _afspraak, _beoordeling_context
from .forms import DelegatieForm
from .models import Beoordeling
from .views import _visible_set, _year


@login_required
@require_POST
def delegeren(request, slug: str, jaar: int, nummer: str, indicator_pk: int):
    afsprakenset = _visible_set(request, slug)
    monitoringsjaar = _year(afsprakenset, jaar)
    afspraak = _afspraak(afsprakenset, nummer)
    indicator = next((i for i in afspraak.indicatoren.all() if i.pk == indicator_pk), None)
    if indicator is None:
        raise Http404
    if not policy.can(request.user, policy.DELEGATE, indicator):
        raise PermissionDenied
    holders = indicator.actiehouders_lijst
    form = DelegatieForm(holders, request.POST, prefix=f"d{indicator.pk}", indicator=indicator)
    conflict = None
    if form.is_valid():
        chosen, versie = form.cleaned_data["partij"], form.cleaned_data["versie"]
        try:
            if chosen == holders[0].pk:
                result = delegatie.take_back(request.user, indicator, versie=versie)
                text = _("Uw partij vult “%(indicator)s” weer zelf in.")
            else:
                partij = next(p for p in holders if p.pk == chosen)
                result = delegatie.delegate(request.user, indicator, partij, versie=versie)
                text = _("%(partij)s vult “%(indicator)s” nu in en ziet het als taak in de eigen inbox.")
        except ValidationError as e:
            _add_errors(form, e)
        except ConflictError as e:
            offer_current_version(form, e.current)
            conflict = e
        else:
            if result is not None and result.versie != versie:  # saved unchanged: nothing to say
                partij = result.partij.korte_naam if result.partij else ""
                messages.success(request, text % {"indicator": indicator, "partij": partij})
            page = reverse("monitoring:beoordeling", args=[slug, jaar, nummer])
            return redirect(f"{page}#wie-vult-in-{indicator.pk}")
    b = get_object_or_404(
        Beoordeling.objects.select_related("voorzet_partij", "voorzet_door"), afspraak=afspraak, jaar=jaar
    )
    b.afspraak = afspraak
    context = _beoordeling_context(request, afsprakenset, monitoringsjaar, afspraak, b)
    for row in context["delegable"]:
        if row["indicator"].pk == indicator.pk:
            row["delegatie_form"], row["delegatie_conflict"] = form, conflict
    return render(request, "monitoring/beoordeling.html", context, status=400)
