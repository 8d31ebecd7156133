import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from driehoek.accounts import policy
from driehoek.core.downloads import as_attachment
from driehoek.core.urls import site_url
from driehoek.core.versioning import ConflictError, offer_current_version
from driehoek.monitoring.models import Beoordeling
from driehoek.register.models import Afsprakenset

from . import feeds, forms, outcome, services
from .models import Agendatoken, Correctie, Geschil, Overleg, Planitem, Stemregel, Verslag
from .queries import open_items


def _visible_set(request, slug: str) -> Afsprakenset:
    return Afsprakenset.objects.visible_or_404(request.user, slug)


def _run(request, form, action, success: str) -> bool:
    """Run a service with a valid form; put its refusal on the form. True when it worked."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as e:
        if hasattr(e, "error_dict"):
            for field, errors in e.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, e)
        return False
    except ConflictError as e:
        form.conflict = e  # shown with the other change by components/conflict.html
        if hasattr(form, "offer_current_version"):
            form.offer_current_version(e.current)
        else:
            offer_current_version(form, e.current)
        return False
    except ValueError as e:
        form.add_error(None, str(e))
        return False
    messages.success(request, success)
    return True


@login_required
def index(request, slug: str):
    afsprakenset = _visible_set(request, slug)
    manage = policy.can(request.user, policy.MANAGE_CYCLE, afsprakenset)
    planned = set(afsprakenset.planitems.values_list("jaar", flat=True))
    free = [y for y in range(afsprakenset.eerste_jaar, afsprakenset.laatste_jaar + 1) if y not in planned]
    form = forms.JaarForm(free, request.POST or None)
    if request.method == "POST":
        if not manage:
            raise PermissionDenied
        if _run(
            request,
            form,
            lambda d: services.generate_year(request.user, afsprakenset, d["jaar"]),
            _("De jaarcyclus is gepland."),
        ):
            return redirect(request.path)
    items = afsprakenset.planitems.prefetch_related("overleggen").order_by("jaar", "volgorde")
    years = {}
    for item in items:
        years.setdefault(item.jaar, []).append(item)
    context = {
        "afsprakenset": afsprakenset,
        "years": years,
        "form": form,
        "manage": manage,
        "overleggen": afsprakenset.overleggen.order_by("-datum"),
        "cyclus": getattr(afsprakenset, "cyclus", None),
    }
    return render(request, "cycle/index.html", context)


@login_required
def plan_meeting(request, slug: str):
    afsprakenset = _visible_set(request, slug)
    if not policy.can(request.user, policy.MANAGE_CYCLE, afsprakenset):
        raise PermissionDenied
    planitem = None
    if request.GET.get("item"):
        planitem = get_object_or_404(Planitem, afsprakenset=afsprakenset, pk=request.GET["item"])
    initial = {"soort": planitem.overlegsoort, "titel": f"{planitem.titel} {planitem.jaar}"} if planitem else {}
    form = forms.OverlegForm(request.POST or None, initial=initial)
    created = {}

    def action(d):
        created["overleg"] = services.plan_meeting(
            request.user,
            afsprakenset,
            soort=d["soort"],
            titel=d["titel"],
            datum=d["datum"],
            plaats=d["plaats"],
            planitem=planitem,
        )

    if request.method == "POST" and _run(request, form, action, _("Het overleg is gepland, met een agenda.")):
        return redirect("cycle:overleg", slug=slug, pk=created["overleg"].pk)
    return render(
        request, "cycle/overleg_form.html", {"afsprakenset": afsprakenset, "form": form, "planitem": planitem}
    )


@login_required
def overleg(request, slug: str, pk: int):
    afsprakenset = _visible_set(request, slug)
    meeting = get_object_or_404(Overleg.objects.select_related("planitem"), afsprakenset=afsprakenset, pk=pk)
    verslag = Verslag.objects.filter(overleg=meeting).first()
    user = request.user
    bound = {}
    if request.method == "POST":
        name = request.POST.get("form", "")
        handler = POSTS.get(name)
        if handler is None:
            raise Http404
        form, action, success = handler(request, afsprakenset, meeting, verslag)
        if _run(request, form, action, success):
            return redirect(request.path)
        bound[name] = form
        if getattr(form, "conflict", None) and verslag is not None:
            verslag.refresh_from_db()  # the page shows, and its forms carry, what is stored now
    context = {
        "afsprakenset": afsprakenset,
        "overleg": meeting,
        "verslag": verslag,
        "verslag_vroeg": verslag is not None and verslag.status == "ter_controle" and services.finalized_early(verslag),
        "manage": policy.can(user, policy.MANAGE_CYCLE, meeting),
        "may_add_item": policy.can(user, policy.ADD_AGENDA_ITEM, meeting),
        "may_draft": policy.can(user, policy.DRAFT_MINUTES, meeting),
        "may_correct": policy.can(user, policy.CORRECT_MINUTES, meeting),
        "agendapunten": meeting.agendapunten.select_related("afspraak", "ingebracht_door"),
        "correcties": verslag.correcties.select_related("partij", "door") if verslag else [],
        "besluiten": meeting.besluiten.prefetch_related("afspraken"),
        "actiepunten": meeting.actiepunten.select_related("eigenaar", "afspraak"),
        "versions": verslag.history.select_related("history_user").order_by("-history_date") if verslag else [],
        "agendapunt_form": bound.get("agendapunt") or forms.AgendapuntForm(),
        "verslag_form": bound.get("verslag")
        or forms.VerslagForm(
            initial={
                "tekst": verslag.tekst if verslag else _agenda_as_text(meeting),
                "versie": verslag.versie if verslag else 0,
            }
        ),
        "correctie_form": bound.get("correctie") or forms.CorrectieForm(),
        "beslis_form": bound.get("beslis") or forms.BeslisCorrectieForm(),
        "besluit_form": bound.get("besluit") or forms.BesluitForm(afsprakenset),
        "actiepunt_form": bound.get("actiepunt") or forms.ActiepuntForm(afsprakenset),
        "wijziging_form": bound.get("wijziging") or forms.WijzigingForm(afsprakenset),
        "nieuw_form": bound.get("nieuw") or forms.NieuweAfspraakForm(afsprakenset),
        "bewerken_form": bound.get("bewerken")
        or forms.OverlegBewerkenForm(
            afsprakenset,
            initial={
                "datum": meeting.datum,
                "plaats": meeting.plaats,
                "genodigden": meeting.genodigden.all(),
                "aanwezigen": meeting.aanwezigen,
            },
        ),
        "errors": bound,
    }
    return render(request, "cycle/overleg.html", context, status=400 if bound else 200)


def _agenda_as_text(meeting: Overleg) -> str:
    return "\n\n".join(f"{i}. {p.titel}\n" for i, p in enumerate(meeting.agendapunten.all(), start=1))


def _post_agendapunt(request, afsprakenset, meeting, verslag):
    form = forms.AgendapuntForm(request.POST)
    return (
        form,
        lambda d: services.add_agenda_item(request.user, meeting, d["titel"], d["toelichting"]),
        _("Agendapunt toegevoegd."),
    )


def _post_verslag(request, afsprakenset, meeting, verslag):
    form = forms.VerslagForm(request.POST)
    return (
        form,
        lambda d: services.write_minutes(request.user, meeting, d["tekst"], d["versie"]),
        _("Het verslag is opgeslagen."),
    )


def _post_ter_controle(request, afsprakenset, meeting, verslag):
    if verslag is None:
        raise Http404
    form = forms.VersieForm(request.POST)
    return (
        form,
        lambda d: services.send_for_check(request.user, verslag, versie=d["versie"]),
        _("Het verslag ligt nu ter controle bij de andere partijen."),
    )


def _post_correctie(request, afsprakenset, meeting, verslag):
    if verslag is None:
        raise Http404
    form = forms.CorrectieForm(request.POST)
    return (
        form,
        lambda d: services.propose_correction(request.user, verslag, d["tekst"]),
        _("Uw correctie is doorgegeven aan de gemeente."),
    )


def _post_beslis(request, afsprakenset, meeting, verslag):
    form = forms.BeslisCorrectieForm(request.POST)

    def action(d):
        correctie = get_object_or_404(Correctie, verslag=verslag, pk=d["correctie"])
        services.decide_correction(request.user, correctie, accept=d["besluit"] == "over", reden=d["reden"])

    return form, action, _("Besluit over de correctie vastgelegd.")


def _post_definitief(request, afsprakenset, meeting, verslag):
    if verslag is None:
        raise Http404
    form = forms.VersieForm(request.POST)
    if services.finalized_early(verslag):
        done = _("Het verslag is definitief, voor het einde van de controletermijn (%(datum)s).") % {
            "datum": verslag.controle_uiterlijk.strftime("%d-%m-%Y")
        }
    else:
        done = _("Het verslag is definitief.")
    return form, lambda d: services.finalize_minutes(request.user, verslag, d["versie"]), done


def _post_besluit(request, afsprakenset, meeting, verslag):
    form = forms.BesluitForm(afsprakenset, request.POST)

    def action(d):
        besluit, not_agreed = services.record_decision(
            request.user, meeting, soort=d["soort"], tekst=d["tekst"], jaar=d["jaar"], afspraken=d["afspraken"]
        )
        if not_agreed:
            numbers = ", ".join(b.afspraak.nummer for b in not_agreed)
            messages.warning(request, _("Niet vastgesteld, want nog geen consensus: afspraak %(n)s.") % {"n": numbers})

    return form, action, _("Het besluit is vastgelegd.")


def _post_actiepunt(request, afsprakenset, meeting, verslag):
    form = forms.ActiepuntForm(afsprakenset, request.POST)
    action = lambda d: services.add_action(  # noqa: E731
        request.user,
        meeting,
        omschrijving=d["omschrijving"],
        eigenaar=d["eigenaar"],
        uiterlijk=d["uiterlijk"],
        afspraak=d["afspraak"],
    )
    return form, action, _("Het actiepunt is vastgelegd.")


def _post_bewerken(request, afsprakenset, meeting, verslag):
    form = forms.OverlegBewerkenForm(afsprakenset, request.POST)
    return form, lambda d: services.update_meeting(request.user, meeting, **d), _("Het overleg is bijgewerkt.")


def _post_wijziging(request, afsprakenset, meeting, verslag):
    form = forms.WijzigingForm(afsprakenset, request.POST)

    def action(d):
        besluit = get_object_or_404(meeting.besluiten, pk=d["besluit"])
        services.change_agreement_text(request.user, besluit, d["afspraak"], d["tekst"], d["versie"])

    return form, action, _("De tekst van de afspraak is gewijzigd; de oude tekst staat in de historie.")


def _post_nieuw(request, afsprakenset, meeting, verslag):
    form = forms.NieuweAfspraakForm(afsprakenset, request.POST)

    def action(d):
        besluit = get_object_or_404(meeting.besluiten, pk=d["besluit"])
        services.add_agreement(
            request.user,
            besluit,
            thema=d["thema"],
            nummer=d["nummer"],
            titel=d["titel"],
            tekst=d["tekst"],
            soort=d["soort"],
        )

    return form, action, _("De afspraak is toegevoegd aan de set.")


POSTS = {
    "nieuw": _post_nieuw,
    "bewerken": _post_bewerken,
    "wijziging": _post_wijziging,
    "agendapunt": _post_agendapunt,
    "verslag": _post_verslag,
    "ter_controle": _post_ter_controle,
    "correctie": _post_correctie,
    "beslis": _post_beslis,
    "definitief": _post_definitief,
    "besluit": _post_besluit,
    "actiepunt": _post_actiepunt,
}


@login_required
def geschillen(request, slug: str):
    afsprakenset = _visible_set(request, slug)
    initial = {"onderwerp": request.GET.get("onderwerp", "")[:300], "beoordeling": request.GET.get("beoordeling")}
    rule = request.POST.get("form") == "stemregel"
    form = forms.GeschilForm(request.POST if request.method == "POST" and not rule else None, initial=initial)
    manage = policy.can(request.user, policy.MANAGE_CYCLE, afsprakenset)
    regel_form = forms.StemregelForm(
        request.POST if rule else None, initial={"stemregel": outcome.vote_rule(afsprakenset)}
    )
    if rule:
        if not manage:
            raise PermissionDenied
        if _run(
            request,
            regel_form,
            lambda d: outcome.set_vote_rule(request.user, afsprakenset, d["stemregel"]),
            _("De stemregel is vastgelegd."),
        ):
            return redirect(request.path)
    elif request.method == "POST":
        created = {}

        def action(d):
            beoordeling = None
            if d.get("beoordeling"):
                beoordeling = get_object_or_404(Beoordeling, pk=d["beoordeling"], afspraak__afsprakenset=afsprakenset)
            created["g"] = services.report_dispute(
                request.user,
                afsprakenset,
                onderwerp=d["onderwerp"],
                omschrijving=d["omschrijving"],
                beoordeling=beoordeling,
            )

        if _run(request, form, action, _("Het geschil is vastgelegd. De secretaris stelt een moderator aan.")):
            return redirect("cycle:geschil", slug=slug, pk=created["g"].pk)
    context = {
        "afsprakenset": afsprakenset,
        "geschillen": afsprakenset.geschillen.select_related("gemeld_door"),
        "form": form,
        "may_report": policy.can(request.user, policy.REPORT_DISPUTE, afsprakenset),
        "regel_form": regel_form if manage else None,
        "stemregel": Stemregel(outcome.vote_rule(afsprakenset)).label,
    }
    return render(request, "cycle/geschillen.html", context, status=400 if form.errors or regel_form.errors else 200)


@login_required
def geschil(request, slug: str, pk: int):
    afsprakenset = _visible_set(request, slug)
    dispute = get_object_or_404(Geschil, afsprakenset=afsprakenset, pk=pk)
    stemming = dispute.stemmingen.filter(gesloten_op__isnull=True).first()
    user = request.user
    posts = {
        "moderator": (
            forms.ModeratorForm,
            lambda d: services.appoint_moderator(user, dispute, **d),
            _("De moderator en de termijn zijn vastgelegd."),
        ),
        "sessie": (forms.SessieForm, lambda d: services.log_session(user, dispute, **d), _("De sessie is vastgelegd.")),
        "consensus": (
            forms.ConsensusForm,
            lambda d: services.record_consensus(user, dispute, d["uitkomst"], d["kleur"], d["reden"]),
            _("De consensus is vastgelegd."),
        ),
        "stemming": (
            forms.StemmingForm,
            lambda d: services.open_vote(user, dispute, d["opties"].splitlines()),
            _("De stemming is geopend."),
        ),
    }
    bound = {}
    if request.method == "POST":
        name = request.POST.get("form", "")
        if name == "stem" and stemming:
            form = forms.StemForm(stemming, request.POST)
            action = lambda d: services.cast_vote(user, stemming, stemming.opties.get(pk=d["optie"]))  # noqa: E731
            success = _("Uw stem is uitgebracht.")
        elif name == "sluiten" and stemming:
            form, action, success = (
                forms.forms.Form(request.POST),
                lambda d: services.close_vote(user, stemming),
                _("De stemming is gesloten."),
            )
        elif name in posts:
            form_class, action, success = posts[name]
            form = form_class(request.POST)
        else:
            raise Http404
        if _run(request, form, action, success):
            return redirect(request.path)
        bound[name] = form
    context = {
        "afsprakenset": afsprakenset,
        "geschil": dispute,
        "stemming": stemming,
        "stemmingen": dispute.stemmingen.prefetch_related(
            "opties__stemmen__partij", "stemmen__partij", "stemmen__door"
        ),
        "manage": policy.can(user, policy.MANAGE_CYCLE, dispute),
        "may_vote": bool(stemming)
        and policy.can(user, policy.VOTE, dispute)
        and not stemming.stemmen.filter(partij_id=user.partij_id).exists(),
        "moderator_form": bound.get("moderator") or forms.ModeratorForm(),
        "sessie_form": bound.get("sessie") or forms.SessieForm(),
        "consensus_form": bound.get("consensus") or forms.ConsensusForm(),
        "stemming_form": bound.get("stemming") or forms.StemmingForm(),
        "stem_form": bound.get("stem") or (forms.StemForm(stemming) if stemming else None),
        "errors": bound,
    }
    return render(request, "cycle/geschil.html", context, status=400 if bound else 200)


@login_required
def open_view(request, slug: str):
    afsprakenset = _visible_set(request, slug)
    return render(
        request, "cycle/open.html", {"afsprakenset": afsprakenset, "items": open_items(request.user, afsprakenset)}
    )


@login_required
def overleg_ics(request, slug: str, pk: int):
    afsprakenset = _visible_set(request, slug)
    meeting = get_object_or_404(Overleg, afsprakenset=afsprakenset, pk=pk)
    response = HttpResponse(feeds.meeting_calendar(meeting, request), content_type="text/calendar; charset=utf-8")
    return as_attachment(response, f"overleg-{meeting.pk}.ics")


@login_required
def mijn_agenda(request):
    new_url = None
    if request.method == "POST":
        had_one, _kinds = Agendatoken.objects.filter(user=request.user).delete()
        if request.POST.get("form") == "nieuw":
            secret = secrets.token_urlsafe(32)
            Agendatoken.objects.create(user=request.user, sleutel_hash=Agendatoken.hash(secret))
            new_url = site_url(request) + reverse("cycle:feed", args=[secret])
            if had_one:
                messages.success(request, _("Uw agenda-adres is aangemaakt. Het oude adres werkt niet meer."))
            else:
                messages.success(request, _("Uw agenda-adres is aangemaakt."))
        else:
            messages.success(request, _("Uw agenda-adres is ingetrokken."))
    has_token = Agendatoken.objects.filter(user=request.user).exists()
    return render(request, "cycle/mijn_agenda.html", {"new_url": new_url, "has_token": has_token})


def feed(request, token: str):
    """The personal calendar feed: no log-in, the secret in the URL is the key."""
    entry = Agendatoken.objects.select_related("user").filter(sleutel_hash=Agendatoken.hash(token)).first()
    if entry is None or not entry.user.is_active:
        raise Http404
    return HttpResponse(feeds.user_calendar(entry.user, request), content_type="text/calendar; charset=utf-8")


@login_required
@require_POST
def planitem_done(request, slug: str, pk: int):
    afsprakenset = _visible_set(request, slug)
    item = get_object_or_404(Planitem, afsprakenset=afsprakenset, pk=pk)
    if not policy.can(request.user, policy.MANAGE_CYCLE, afsprakenset):
        raise PermissionDenied
    services.mark_planitem(request.user, item, done=request.POST.get("afgerond") == "1")
    return redirect("cycle:index", slug=slug)
