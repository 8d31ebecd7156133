"""The assessment page of one agreement in one year: its voorzet, reactions, adoption and revision,
with its indicators, their values and delegations (saving a value: waarden_views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.history import records_of
from driehoek.core.versioning import offer_current_version, person
from driehoek.register.models import Actiehouder, Afspraak, Afsprakenset, Doelstelling, Indicator, Verantwoordelijke

from . import queries, rules, services, taken
from .forms import (
    DelegatieForm,
    HerzienForm,
    IndicatorwaardeForm,
    ReactieForm,
    VaststellenForm,
    VoorzetForm,
)
from .models import Beoordeling, Indicatorwaarde, Monitoringsjaar
from .roles import asked_party, delegation_of, voorzet_holders


def _visible_year(request, slug: str, jaar: int) -> Monitoringsjaar:
    """The monitoring year with its set, if the user may see the set: `_visible_set` and `_year` in
    one query, and a 404 where either would give one."""
    monitoringsjaar = get_object_or_404(
        Monitoringsjaar.objects.select_related("afsprakenset__gemeente").filter(
            afsprakenset__in=Afsprakenset.objects.visible_to(request.user)
        ),
        afsprakenset__slug=slug,
        jaar=jaar,
    )
    policy.remember_visible(request.user, monitoringsjaar.afsprakenset)
    return monitoringsjaar


def _afspraak_parts() -> list[Prefetch]:
    """What an agreement's assessment page shows of it: its indicators (with their delegation,
    actiehouders and targets) and its responsible parties."""
    indicators = (
        Indicator.objects.order_by("volgorde")
        .select_related("delegatie__partij", "delegatie__door__partij")
        .prefetch_related(
            Prefetch("actiehouderschappen", Actiehouder.objects.select_related("partij")),
            # The default order (agreement, theme, volgorde) within one set, without joining the set
            # and its municipality twice.
            Prefetch(
                "doelstellingen", Doelstelling.objects.order_by("afspraak__volgorde", "thema__volgorde", "volgorde")
            ),
        )
    )
    return [
        Prefetch("indicatoren", indicators),
        Prefetch("verantwoordelijkheden", Verantwoordelijke.objects.select_related("partij")),
    ]


def _afspraak(afsprakenset: Afsprakenset, nummer: str) -> Afspraak:
    """The agreement with what its assessment page shows, in a fixed number of queries."""
    return get_object_or_404(
        afsprakenset.afspraken.select_related("thema").prefetch_related(*_afspraak_parts()), nummer=nummer
    )


def _beoordeling(afsprakenset: Afsprakenset, jaar: int, nummer: str) -> Beoordeling:
    """The assessment of an agreement and year with its agreement (as `_afspraak` gives it) in one
    query, and the agreement's parts prefetched."""
    b = get_object_or_404(
        Beoordeling.objects.select_related("afspraak__thema", "voorzet_partij", "voorzet_door"),
        afspraak__afsprakenset=afsprakenset,
        afspraak__nummer=nummer,
        jaar=jaar,
    )
    b.afspraak.afsprakenset = afsprakenset  # the set the view checked, as the set's related manager gives it
    prefetch_related_objects([b.afspraak], *_afspraak_parts())
    return b


FORMS = {
    "voorzet": VoorzetForm,
    "reactie": ReactieForm,
    "vaststellen": VaststellenForm,
    "herzien": HerzienForm,
}


@login_required
def beoordeling(request, slug: str, jaar: int, nummer: str):
    monitoringsjaar = _visible_year(request, slug, jaar)
    afsprakenset = monitoringsjaar.afsprakenset
    b = _beoordeling(afsprakenset, jaar, nummer)  # with its agreement and the agreement's parties: the
    afspraak = b.afspraak  # policy asks for them for every form
    bound, conflict = None, None
    if request.method == "POST":
        name = request.POST.get("form")
        if name not in FORMS:
            raise Http404
        bound = FORMS[name](request.POST)
        if bound.is_valid():
            try:
                _handle(request, name, b, bound.cleaned_data)
            except ValidationError as e:
                _add_errors(bound, e)
            except rules.TransitionNotAllowed as e:
                bound.add_error(None, str(e))
            except services.ConflictError as e:
                conflict = e
                offer_current_version(bound, e.current, "revisie" if name == "reactie" else "versie")
            else:
                if name == "voorzet" and request.POST.get("na") == "volgende":
                    return redirect(_next_after(request.user, b))
                return redirect(request.path)
    if conflict is not None:
        b.refresh_from_db()  # the page shows what is stored now
        b.afspraak = afspraak
    context = _beoordeling_context(request, afsprakenset, monitoringsjaar, afspraak, b)
    if bound is not None:
        context[f"{request.POST['form']}_form"] = bound
        context["conflict"] = conflict
    return render(request, "monitoring/beoordeling.html", context, status=400 if bound is not None else 200)


def _next_after(user, b: Beoordeling) -> str:
    """ "Opslaan en volgende afspraak": the next open task, or the inbox when none is left."""
    key = f"afspraak:{b.afspraak_id}:{b.jaar}"
    return taken.next_task_url(user, key) or reverse("start") + f"?na={key}#volgende"


def _handle(request, name: str, b: Beoordeling, data: dict) -> None:
    user = request.user
    if name == "voorzet":
        suggestion = queries.suggestion_for(b)
        services.make_voorzet(
            user,
            b,
            kleur=data["kleur"],
            reden=data["reden"],
            toelichting=data["toelichting"],
            afwijking_toelichting=data["afwijking_toelichting"],
            suggestie=suggestion[0] if suggestion else None,
            versie=data["versie"],
        )
        messages.success(request, _("Uw voorzet is opgeslagen. De andere partijen kunnen nu reageren."))
    elif name == "reactie":
        services.respond(user, b, soort=data["soort"], toelichting=data["toelichting"], revisie=data["revisie"])
        messages.success(request, _("Uw reactie is opgeslagen."))
    elif name == "vaststellen":
        services.adopt(user, b, datum=data["datum"], orgaan=data["orgaan"], versie=data["versie"])
        messages.success(request, _("De beoordeling is vastgesteld."))
    elif name == "herzien":
        services.revise(user, b, reden=data["reden"], versie=data["versie"])
        messages.success(request, _("De beoordeling is heropend als nieuwe revisie."))


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _beoordeling_context(request, afsprakenset, monitoringsjaar, afspraak: Afspraak, b: Beoordeling) -> dict:
    user = request.user
    indicators = list(afspraak.indicatoren.all())
    rights = policy.on_indicators(user, afsprakenset, indicators)
    may_enter = rights[policy.ENTER_VALUE]
    all_values = list(
        Indicatorwaarde.objects.filter(indicator__in=indicators, jaar__lte=b.jaar)
        .order_by()  # one per indicator and year, looked up by both: no order needed
        .select_related("partij")
        .prefetch_related("bijlagen")
    )
    values = {v.indicator_id: v for v in all_values if v.jaar == b.jaar}
    indicator_rows = []
    for indicator in indicators:
        value = values.get(indicator.pk)
        editable = indicator.jaar_van <= b.jaar <= indicator.jaar_tot and indicator.pk in may_enter
        form = None
        if editable:
            initial = {
                "versie": value.versie if value else 0,
                "eenheid": value.eenheid if value else _default_unit(indicator),
            }
            if value:
                initial.update(waarde=value.waarde, oordeel=value.oordeel, bron=value.bron)
            form = IndicatorwaardeForm(initial=initial, prefix=f"i{indicator.pk}")
        own = [v for v in all_values if v.indicator_id == indicator.pk]
        holders = indicator.actiehouders_lijst
        asked = asked_party(indicator)
        delegatie = delegation_of(indicator)
        indicator_rows.append(
            {
                "indicator": indicator,
                "value": value,
                "form": form,
                "progress": queries.progress(indicator, b.jaar, own),
                "lead": asked,  # who fills it in: the trekker, or the co-holder it was delegated to
                "delegatie": delegatie if delegatie and asked and delegatie.partij_id == asked.pk else None,
                "delegatie_door": person(delegatie.door) if delegatie else "",
                "asked": form is not None and asked is not None and asked.pk == user.partij_id,
                "delegatie_form": _delegatie_form(indicator, holders, asked, delegatie)
                if indicator.pk in rights[policy.DELEGATE] and len(holders) > 1
                else None,
            }
        )
    # Only the first unfilled indicator is open (a phone shows the voorzet without scrolling past
    # every form), the first one the party is asked for if any; driehoek.js opens the other unfilled
    # ones it is asked for on a wide screen.
    unfilled = [r for r in indicator_rows if r["form"] and not r["value"]]
    first_open = next((r for r in unfilled if r["asked"]), unfilled[0] if unfilled else None)
    for row in indicator_rows:
        row["open"] = row is first_open
    suggestion = queries.suggestion_for(b)
    reacties = list(b.reacties.select_related("partij", "door").order_by("-op"))
    geschillen = list(b.geschillen.all())
    return {
        "afsprakenset": afsprakenset,
        "monitoringsjaar": monitoringsjaar,
        "jaar": b.jaar,
        "afspraak": afspraak,
        "beoordeling": b,
        "indicator_rows": indicator_rows,
        "values_editable": any(r["form"] for r in indicator_rows),
        "delegable": [r for r in indicator_rows if r["delegatie_form"]],
        "suggestion": suggestion[0] if suggestion else None,
        "suggestion_target": suggestion[1] if suggestion else None,
        "reacties": reacties,
        "geschillen": geschillen,
        # While a dispute runs, nobody is offered "geen consensus melden" on the same assessment.
        "open_geschil": any(g.status not in ("besloten", "consensus") for g in geschillen),
        "current_reacties": [r for r in reacties if r.revisie == b.revisie],
        "holders": voorzet_holders(afspraak),
        "may_propose": policy.can(user, policy.MAKE_VOORZET, b) and rules.allowed(b.status, rules.VOORZET_DOEN),
        "may_respond": policy.can(user, policy.RESPOND, b) and rules.allowed(b.status, rules.REAGEREN),
        "may_adopt": policy.can(user, policy.ADOPT, b) and rules.allowed(b.status, rules.VASTSTELLEN),
        "may_revise": policy.can(user, policy.REVISE, b) and rules.allowed(b.status, rules.HERZIEN),
        "voorzet_form": VoorzetForm(
            initial={
                "kleur": b.kleur or (suggestion[0].kleur if suggestion else ""),
                "reden": b.reden or ("" if b.kleur or not suggestion else suggestion[0].reden),
                "toelichting": b.toelichting,
                "afwijking_toelichting": b.afwijking_toelichting,
                "versie": b.versie,
            }
        ),
        "reactie_form": ReactieForm(initial={"revisie": b.revisie}),
        "vaststellen_form": VaststellenForm(initial={"versie": b.versie}),
        "herzien_form": HerzienForm(initial={"versie": b.versie}),
        "history": list(
            records_of(Beoordeling).filter(id=b.pk).select_related("history_user").order_by("-history_date")[:20]
        ),
    }


def _delegatie_form(indicator, holders, asked, delegatie) -> DelegatieForm:
    initial = {"partij": asked.pk, "versie": delegatie.versie if delegatie else 0}
    return DelegatieForm(holders, initial=initial, prefix=f"d{indicator.pk}", indicator=indicator)


def _default_unit(indicator) -> str:
    return {"percentage": "%", "bedrag": "euro"}.get(indicator.soort, "")
