from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.versioning import ConflictError, offer_current_version
from driehoek.register.models import Afsprakenset

from . import adopt, diff, forms, queries, services, suggesties
from .models import Jaarprogramma, Voorstel


def _creating(form):
    """A form that proposes something new has no version to be out of date with; the same form
    revising a proposal carries the proposal's version (required)."""
    form.fields.pop("versie", None)
    return form


def _visible_set(request, slug: str) -> Afsprakenset:
    return Afsprakenset.objects.visible_or_404(request.user, slug)


def _programma(afsprakenset: Afsprakenset, jaar: int) -> Jaarprogramma:
    return get_object_or_404(afsprakenset.programmaconcepten.select_related("programma"), jaar=jaar)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _run(request, form, action, success: str):
    """Run a service for a valid form; on refusal the form carries the message (and, after a
    conflict, the stored version). True when it went through."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as e:
        _add_errors(form, e)
    except ConflictError as e:
        form.add_error(None, str(e))
        field = "revisie" if "revisie" in form.fields else "versie"
        offer_current_version(form, e.current, field)
    else:
        messages.success(request, success)
        return True
    return False


@login_required
def index(request, slug: str):
    afsprakenset = _visible_set(request, slug)
    may_start = policy.can(request.user, policy.START_PROGRAMME, afsprakenset)
    started = set(afsprakenset.programmaconcepten.values_list("jaar", flat=True))
    years = [y for y in range(afsprakenset.eerste_jaar, afsprakenset.laatste_jaar + 1) if y not in started]
    form = forms.StartForm(years, request.POST or None)
    if request.method == "POST":
        if not may_start:
            raise PermissionDenied

        def start(data):
            services.start(request.user, afsprakenset, data["jaar"], reacties_uiterlijk=data["reacties_uiterlijk"])

        if _run(request, form, start, _("Het jaarprogramma is gestart.")):
            return redirect("jaarprogramma:concept", slug=slug, jaar=form.cleaned_data["jaar"])
    context = {
        "afsprakenset": afsprakenset,
        "programmas": afsprakenset.programmaconcepten.select_related("programma").order_by("-jaar"),
        "form": form,
        "may_start": may_start and afsprakenset.soort == Afsprakenset.Soort.KADERAFSPRAKEN,
    }
    return render(request, "jaarprogramma/index.html", context, status=400 if form.errors else 200)


@login_required
def concept(request, slug: str, jaar: int):
    afsprakenset = _visible_set(request, slug)
    programma = _programma(afsprakenset, jaar)
    user = request.user
    nieuw = _creating(forms.NieuwForm(afsprakenset, request.POST if request.POST.get("form") == "nieuw" else None))
    opmerking = forms.OpmerkingForm(request.POST if request.POST.get("form") == "opmerking" else None)
    vaststellen = forms.VaststellenForm(
        request.POST if request.POST.get("form") == "vaststellen" else None, initial={"versie": programma.versie}
    )
    if request.method == "POST":
        name = request.POST.get("form")
        if name == "nieuw":
            if not policy.can(user, policy.PROPOSE, programma):
                raise PermissionDenied
            done = _run(
                request,
                nieuw,
                lambda d: services.propose(user, programma, Voorstel.Soort.NIEUW, **d),
                _("Uw voorstel voor een nieuwe afspraak is opgeslagen. De andere partijen reageren."),
            )
        elif name == "opmerking":
            if not policy.can(user, policy.COMMENT_PROGRAMME, programma):
                raise PermissionDenied
            done = _run(
                request,
                opmerking,
                lambda d: services.comment(user, programma, d["tekst"]),
                _("Uw opmerking is geplaatst."),
            )
        elif name == "vaststellen":
            if not policy.can(user, policy.ADOPT_PROGRAMME, programma):
                raise PermissionDenied
            done = _run(
                request,
                vaststellen,
                lambda d: adopt.adopt(user, programma, datum=d["datum"], orgaan=d["orgaan"], versie=d["versie"]),
                _("Het jaarprogramma is vastgesteld en staat als concept-set in het register."),
            )
        else:
            raise Http404
        if done:
            return redirect(request.path)
    draft = queries.draft(programma, user)
    context = {
        "afsprakenset": afsprakenset,
        "programma": programma,
        "jaar": jaar,
        "draft": draft,
        "open": programma.status == Jaarprogramma.Status.CONCEPT,
        "may_propose": policy.can(user, policy.PROPOSE, programma),
        "may_comment": policy.can(user, policy.COMMENT_PROGRAMME, programma),
        "may_adopt": policy.can(user, policy.ADOPT_PROGRAMME, programma),
        "nieuw_form": nieuw,
        "opmerking_form": opmerking,
        "vaststellen_form": vaststellen,
        "opmerkingen": programma.opmerkingen.filter(onderdeel=None).select_related("partij", "door"),
        "nieuwe_voorstellen": [v for v in draft.voorstellen if v.voorstel.soort == Voorstel.Soort.NIEUW],
    }
    return render(request, "jaarprogramma/concept.html", context, status=400 if request.method == "POST" else 200)


@login_required
def onderdeel(request, slug: str, jaar: int, nummer: str):
    afsprakenset = _visible_set(request, slug)
    programma = _programma(afsprakenset, jaar)
    part = queries.onderdeel_of(programma, nummer)
    if part is None:
        raise Http404
    user = request.user
    name = request.POST.get("form") if request.method == "POST" else None
    bound = {
        "tekst": _creating(forms.TekstForm(request.POST if name == "tekst" else None, initial={"tekst": part.tekst})),
        "schrappen": _creating(forms.SchrappenForm(request.POST if name == "schrappen" else None)),
        "opmerking": forms.OpmerkingForm(request.POST if name == "opmerking" else None),
    }
    posted_regel = request.POST.get("regel") if name == "jaardoel" else None
    regel_forms = []
    for regel in part.doelregels.all():
        initial = {"doelregel": regel.pk, "vergelijking": regel.vergelijking, "waarde": regel.waarde}
        data = request.POST if posted_regel == str(regel.pk) else None
        regel_forms.append((regel, _creating(forms.JaardoelForm(data, initial=initial, prefix=f"jd{regel.pk}"))))
    jaardoel = next((f for _r, f in regel_forms if f.is_bound), None)
    if name == "jaardoel" and jaardoel is None:
        raise Http404
    if request.method == "POST":
        if name in ("tekst", "schrappen", "jaardoel"):
            if not policy.can(user, policy.PROPOSE, programma):
                raise PermissionDenied
            form = jaardoel if name == "jaardoel" else bound[name]

            def propose(data):
                data = {k: v for k, v in data.items() if k != "versie"}
                regel = None
                if name == "jaardoel":
                    regel = part.doelregels.filter(pk=data.pop("doelregel")).first()
                    if regel is None or str(regel.pk) != posted_regel:
                        raise ValidationError(_("Kies de indicator waarvoor u een jaardoel voorstelt."))
                services.propose(user, programma, name, onderdeel=part, doelregel=regel, **data)

            done = _run(request, form, propose, _("Uw voorstel is opgeslagen. De andere partijen reageren."))
        elif name == "opmerking":
            if not policy.can(user, policy.COMMENT_PROGRAMME, programma):
                raise PermissionDenied
            done = _run(
                request,
                bound["opmerking"],
                lambda d: services.comment(user, programma, d["tekst"], onderdeel=part),
                _("Uw opmerking is geplaatst."),
            )
        else:
            raise Http404
        if done:
            return redirect(request.path)
    parties = queries.parties_of(programma)
    views = [queries.view_of(v, parties, user) for v in queries.voorstellen_qs(programma).filter(onderdeel=part)]
    context = {
        "afsprakenset": afsprakenset,
        "programma": programma,
        "jaar": jaar,
        "onderdeel": part,
        "changes": diff.word_diff(part.kadertekst, part.tekst) if part.afspraak else [],
        "voorstellen": views,
        "open": programma.status == Jaarprogramma.Status.CONCEPT and not part.vervalt,
        "may_propose": policy.can(user, policy.PROPOSE, programma),
        "may_comment": policy.can(user, policy.COMMENT_PROGRAMME, programma),
        "tekst_form": bound["tekst"],
        "schrappen_form": bound["schrappen"],
        "opmerking_form": bound["opmerking"],
        "regel_forms": regel_forms,
        "opmerkingen": part.opmerkingen.select_related("partij", "door"),
        "suggesties": suggesties.for_onderdeel(part),
    }
    return render(request, "jaarprogramma/onderdeel.html", context, status=400 if request.method == "POST" else 200)


@login_required
def voorstel(request, slug: str, jaar: int, pk: int):
    afsprakenset = _visible_set(request, slug)
    programma = _programma(afsprakenset, jaar)
    v = get_object_or_404(queries.voorstellen_qs(programma), pk=pk)
    user = request.user
    name = request.POST.get("form") if request.method == "POST" else None
    reactie = forms.ReactieForm(request.POST if name == "reactie" else None, initial={"revisie": v.revisie})
    intrekken = forms.IntrekkenForm(request.POST if name == "intrekken" else None, initial={"versie": v.versie})
    herzien_cls = {
        Voorstel.Soort.TEKST: forms.TekstForm,
        Voorstel.Soort.NIEUW: forms.TekstForm,
        Voorstel.Soort.JAARDOEL: forms.JaardoelForm,
        Voorstel.Soort.SCHRAPPEN: forms.SchrappenForm,
    }[v.soort]
    initial = {
        "tekst": v.tekst,
        "toelichting": v.toelichting,
        "waarde": v.waarde,
        "waarde_max": v.waarde_max,
        "vergelijking": v.vergelijking,
        "doelregel": v.doelregel_id,
        "versie": v.versie,
    }
    herzien = herzien_cls(request.POST if name == "herzien" else None, initial=initial, prefix="herzien")
    if request.method == "POST":
        if name == "reactie":
            if not policy.can(user, policy.REACT_PROPOSAL, v):
                raise PermissionDenied
            done = _run(
                request,
                reactie,
                lambda d: services.respond(
                    user, v, soort=d["soort"], toelichting=d["toelichting"], revisie=d["revisie"]
                ),
                _("Uw reactie is opgeslagen."),
            )
        elif name in ("herzien", "intrekken"):
            if not policy.can(user, policy.PROPOSE, v):
                raise PermissionDenied
            if name == "herzien":

                def action(d):
                    data = {k: val for k, val in d.items() if k not in ("versie", "doelregel")}
                    services.revise(user, v, versie=d["versie"], **data)

                done = _run(request, herzien, action, _("Uw voorstel is herzien. De andere partijen reageren opnieuw."))
            else:
                done = _run(
                    request,
                    intrekken,
                    lambda d: services.withdraw(user, v, versie=d["versie"]),
                    _("Uw voorstel is ingetrokken."),
                )
        else:
            raise Http404
        if done:
            return redirect(request.path)
    view = queries.view_of(v, queries.parties_of(programma), user)
    is_open = programma.status == Jaarprogramma.Status.CONCEPT and v.status == Voorstel.Status.OPEN
    context = {
        "afsprakenset": afsprakenset,
        "programma": programma,
        "jaar": jaar,
        "view": view,
        "voorstel": v,
        "may_respond": is_open and policy.can(user, policy.REACT_PROPOSAL, v),
        "may_revise": is_open and policy.can(user, policy.PROPOSE, v),
        "reactie_form": reactie,
        "herzien_form": herzien,
        "intrekken_form": intrekken,
    }
    return render(request, "jaarprogramma/voorstel.html", context, status=400 if request.method == "POST" else 200)
