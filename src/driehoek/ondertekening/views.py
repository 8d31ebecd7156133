"""Thin views over services.py: one page per set for the whole signing round, the downloads, and
the public page of a submitted set."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy, twofactor
from driehoek.core.downloads import CONTENT_TYPES, safe_filename
from driehoek.register.models import Afsprakenset

from . import forms, rules, services
from .models import Goedkeuring, Handtekening, Indiening, Indieningspakket
from .queries import voortgang


def _run(request, form, action, success: str) -> bool:
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
    messages.success(request, success)
    return True


def _forms(request, s, user):
    today = timezone.localdate()
    data = request.POST or None
    which = request.POST.get("form") if request.method == "POST" else None
    soort = user.partij.soort if user.partij_id else ""

    def bound(name, cls, *args, **kwargs):
        return cls(*args, data if which == name else None, files=request.FILES if which == name else None, **kwargs)

    return {
        "definitief": bound(
            "definitief", forms.TekstDefinitiefForm, initial={"uiterlijk": rules.default_deadline(s.eerste_jaar, today)}
        ),
        "goedkeuring": bound("goedkeuring", forms.GoedkeuringForm, soort, initial={"datum": today}),
        "handtekening": bound(
            "handtekening", forms.HandtekeningForm, initial={"naam": user.get_full_name(), "datum": today}
        ),
        "intrekken": bound("intrekken", forms.IntrekkenForm),
        "indiening": bound("indiening", forms.IndieningForm, initial={"datum": today}),
        "stap": forms.StapForm(),
    }


def _handle(request, s, f, which: str) -> bool:
    user = request.user
    own_approval = s.goedkeuringen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).first()
    own_signature = s.handtekeningen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).first()
    steps = {
        "onderhandeling": (
            policy.MANAGE_SIGNING,
            None,
            lambda d: services.start_negotiation(user, s),
            _("De onderhandeling is gestart."),
        ),
        "heropenen": (
            policy.MANAGE_SIGNING,
            None,
            lambda d: services.reopen_text(user, s),
            _("De tekst is weer in onderhandeling."),
        ),
        "definitief": (
            policy.MANAGE_SIGNING,
            f["definitief"],
            lambda d: services.mark_text_final(user, s, d["uiterlijk"]),
            _("De tekst is definitief. De partijen kunnen goedkeuren en ondertekenen."),
        ),
        "goedkeuring": (
            policy.APPROVE_FOR_PARTY,
            f["goedkeuring"],
            lambda d: services.approve(user, s, orgaan=d["orgaan"], datum=d["datum"], besluit=d["besluit"]),
            _("De goedkeuring van uw partij is vastgelegd."),
        ),
        "goedkeuring_intrekken": (
            policy.APPROVE_FOR_PARTY,
            f["intrekken"],
            lambda d: services.withdraw_approval(user, own_approval, d["reden"]),
            _("De goedkeuring is ingetrokken."),
        ),
        "handtekening": (
            policy.SIGN_FOR_PARTY,
            f["handtekening"],
            lambda d: services.sign(user, s, **d),
            _("U heeft ondertekend namens uw partij."),
        ),
        "handtekening_intrekken": (
            policy.SIGN_FOR_PARTY,
            f["intrekken"],
            lambda d: services.withdraw_signature(user, own_signature, d["reden"]),
            _("De handtekening is ingetrokken."),
        ),
        "pakket": (
            policy.MANAGE_SIGNING,
            None,
            lambda d: services.build_package(user, s),
            _("Het indieningspakket is gemaakt."),
        ),
        "indiening": (
            policy.MANAGE_SIGNING,
            f["indiening"],
            lambda d: services.record_submission(user, s, pakket=_latest_package(s), datum=d["datum"]),
            _("De indiening is vastgelegd. De ondertekende afspraken zijn nu openbaar."),
        ),
    }
    if which not in steps:
        raise Http404
    action, form, run, success = steps[which]
    if not policy.can(user, action, s):
        raise PermissionDenied
    if (which, own_approval, own_signature) in (
        ("goedkeuring_intrekken", None, own_signature),
        ("handtekening_intrekken", own_approval, None),
    ):
        raise Http404
    if form is None:
        form = f["stap"] = forms.StapForm(request.POST)
    return _run(request, form, run, success)


def _latest_package(s):
    pakket = s.indieningspakketten.first()
    if pakket is None:
        raise ValidationError(_("Maak eerst het indieningspakket."))
    return pakket


@login_required
def ondertekening(request, slug: str):
    s = Afsprakenset.objects.visible_or_404(request.user, slug)
    f = _forms(request, s, request.user)
    if request.method == "POST":
        if _handle(request, s, f, request.POST.get("form", "")):
            return redirect(request.path)
        s.refresh_from_db()
    user = request.user
    pakket = s.indieningspakketten.first()
    context = {
        "afsprakenset": s,
        "ronde": getattr(s, "ondertekenronde", None),
        "voortgang": voortgang(s),
        "forms": f,
        "manage": policy.can(user, policy.MANAGE_SIGNING, s),
        "may_approve": policy.can(user, policy.APPROVE_FOR_PARTY, s),
        "may_sign": policy.can(user, policy.SIGN_FOR_PARTY, s),
        "has_app": user.partij_id is not None and twofactor.has_second_factor(user),
        "own_approval": s.goedkeuringen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).first(),
        "own_signature": s.handtekeningen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).first(),
        "pakket": pakket,
        "pakket_actueel": pakket is not None and rules.package_is_current(pakket.gemaakt_op, services.last_change(s)),
        "indiening": Indiening.objects.filter(afsprakenset=s).select_related("ingediend_door", "pakket").first(),
        "ingetrokken": [
            *Goedkeuring.objects.filter(afsprakenset=s, ingetrokken_op__isnull=False).select_related("partij"),
            *Handtekening.objects.filter(afsprakenset=s, ingetrokken_op__isnull=False).select_related("partij"),
        ],
        "Status": Afsprakenset.Status,
    }
    return render(request, "ondertekening/set.html", context)


@login_required
def besluit(request, slug: str, pk: int):
    s = Afsprakenset.objects.visible_or_404(request.user, slug)
    goedkeuring = get_object_or_404(Goedkeuring, afsprakenset=s, pk=pk)
    return FileResponse(
        goedkeuring.besluit.open("rb"),
        as_attachment=True,
        filename=safe_filename(goedkeuring.besluit_naam),
        content_type=CONTENT_TYPES.get(goedkeuring.besluit_soort, "application/octet-stream"),
    )


@login_required
def pakket(request, slug: str, pk: int):
    s = Afsprakenset.objects.visible_or_404(request.user, slug)
    p = get_object_or_404(Indieningspakket, afsprakenset=s, pk=pk)
    return FileResponse(
        p.bestand.open("rb"), as_attachment=True, filename=safe_filename(p.bestand.name), content_type="application/pdf"
    )


def openbaar(request, slug: str):
    """The public page of a submitted set: the agreements as signed, the parties and signatories."""
    indiening = get_object_or_404(Indiening.objects.select_related("afsprakenset__gemeente"), afsprakenset__slug=slug)
    s = indiening.afsprakenset
    context = {
        "afsprakenset": s,
        "indiening": indiening,
        "themes": s.themas.prefetch_related("afspraken"),
        "deelnames": s.deelnames.select_related("partij"),
        "ondertekenaars": s.ondertekenaars.select_related("partij"),
        "jaren": s.publicaties.values_list("jaar", flat=True),
    }
    return render(request, "ondertekening/openbaar.html", context)
