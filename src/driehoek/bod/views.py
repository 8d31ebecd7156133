"""Pages of the bod: the list per municipality and year, the edit form, the bod with its reactions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.core.downloads import CONTENT_TYPES, safe_filename
from driehoek.core.versioning import ConflictError, offer_current_version
from driehoek.register.models import Gemeente

from . import queries, rules, services
from .forms import AntwoordForm, BijlageForm, BodForm, ReactieForm, StartForm
from .models import Bod


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _bod(request, pk: int, action: str = policy.VIEW_BOD) -> Bod:
    bod = get_object_or_404(Bod.objects.select_related("gemeente", "corporatie"), pk=pk)
    if not policy.can(request.user, policy.VIEW_BOD, bod):
        raise Http404
    if action != policy.VIEW_BOD and not policy.can(request.user, action, bod):
        raise PermissionDenied
    return bod


@login_required
def index(request):
    return render(
        request,
        "bod/index.html",
        {"gemeenten": queries.gemeenten_for(request.user), "taken": queries.open_bod_taken(request.user)},
    )


@login_required
def lijst(request, pk: int):
    gemeente = get_object_or_404(Gemeente, pk=pk)
    if not policy.can(request.user, policy.VIEW_BOD, gemeente):
        raise Http404
    may_start = policy.can(request.user, policy.WRITE_BOD, gemeente)
    form = StartForm(request.POST or None) if may_start else None
    if request.method == "POST":
        if not may_start:
            raise PermissionDenied
        if form.is_valid():
            try:
                bod = services.start_bod(
                    request.user, gemeente, form.cleaned_data["jaar"], form.cleaned_data["uiterlijk"]
                )
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _("Het bod is begonnen. Vul het activiteitenoverzicht in."))
                return redirect("bod:bewerken", pk=bod.pk)
    bods = Bod.objects.filter(gemeente=gemeente).select_related("corporatie")
    jaren = sorted({b.jaar for b in bods}, reverse=True)
    jaar = request.GET.get("jaar", "")
    if jaar.isdigit():
        bods = bods.filter(jaar=int(jaar))
    context = {"gemeente": gemeente, "bods": bods, "jaren": jaren, "jaar": jaar, "form": form}
    return render(request, "bod/lijst.html", context, status=400 if form is not None and form.errors else 200)


@login_required
def bewerken(request, pk: int):
    bod = _bod(request, pk, policy.WRITE_BOD)
    form = BodForm(bod, request.POST if request.POST.get("form") == "bod" else None)
    upload = BijlageForm(*(request.POST, request.FILES) if request.POST.get("form") == "bijlage" else ())
    conflict = None
    if request.method == "POST" and bod.status != Bod.Status.CONCEPT:
        messages.error(request, _("Een ingediend bod wordt niet meer gewijzigd."))
        return redirect(bod)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            bod = services.save_bod(
                request.user,
                bod,
                cijfers=form.cijfers(),
                teksten=form.teksten(),
                uiterlijk=data["uiterlijk"],
                reacties_uiterlijk=data["reacties_uiterlijk"],
                versie=data["versie"],
            )
            if request.POST.get("actie") == "indienen":
                bod = services.submit_bod(request.user, bod, bod.versie)
                messages.success(request, _("Het bod is ingediend bij de gemeente en de huurdersorganisaties."))
                return redirect(bod)
        except ConflictError as error:
            conflict = error
            offer_current_version(form, error.current)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Het bod is opgeslagen."))
            return redirect("bod:bewerken", pk=bod.pk)
    if upload.is_bound and upload.is_valid():
        services.add_attachment(request.user, bod, upload.cleaned_data["bestand"], upload.soort)
        messages.success(request, _("De bijlage is toegevoegd."))
        return redirect("bod:bewerken", pk=bod.pk)
    invalid = (form.is_bound and not form.is_valid()) or (upload.is_bound and not upload.is_valid()) or conflict
    context = {"bod": bod, "form": form, "upload": upload, "conflict": conflict, "bijlagen": bod.bijlagen.all()}
    return render(request, "bod/bewerken.html", context, status=400 if invalid else 200)


@login_required
def detail(request, pk: int):
    bod = _bod(request, pk)
    user, posted = request.user, request.POST.get("form", "")
    reacties = list(bod.reacties.select_related("partij", "door", "beantwoord_door"))
    submitted = bod.status != Bod.Status.CONCEPT
    eigen = next((r for r in reacties if r.partij_id == user.partij_id), None)
    forms = {}
    if submitted and policy.can(user, policy.REACT_BOD, bod) and not (eigen and eigen.antwoord):
        # A first reaction has no version yet: 0, so that one made meanwhile is not overwritten.
        initial = {"versie": 0}
        if eigen:
            initial = {"tekst": eigen.tekst, "formeel_advies": eigen.formeel_advies, "versie": eigen.versie}
        forms["reactie"] = ReactieForm(request.POST if posted == "reactie" else None, initial=initial)
    if submitted and policy.can(user, policy.WRITE_BOD, bod):
        for r in reacties:
            key = f"antwoord-{r.pk}"
            initial = {"antwoord": r.antwoord, "versie": r.versie}
            r.form = forms[key] = AntwoordForm(request.POST if posted == key else None, prefix=key, initial=initial)
    conflict = None
    if request.method == "POST":
        form = forms.get(posted)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                if posted == "reactie":
                    services.react(user, bod, data["tekst"], data["formeel_advies"], data["versie"])
                    messages.success(request, _("Uw reactie is opgeslagen."))
                else:
                    reactie = next(r for r in reacties if f"antwoord-{r.pk}" == posted)
                    services.answer(user, reactie, data["antwoord"], data["versie"])
                    messages.success(request, _("Het antwoord is opgeslagen."))
            except ConflictError as error:
                conflict = error
                offer_current_version(form, error.current)
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                return redirect(bod)
    context = {
        "bod": bod,
        "rijen": queries.table(bod),
        "teksten": [(label, bod.teksten[key]) for key, label in rules.THEMAS if bod.teksten.get(key)],
        "bijlagen": bod.bijlagen.all(),
        "reacties": reacties,
        "verwacht": queries.expected_reactors(bod),
        "reactie_form": forms.get("reactie"),
        "may_edit": not submitted and policy.can(user, policy.WRITE_BOD, bod),
        "conflict": conflict,
    }
    return render(request, "bod/detail.html", context, status=400 if request.method == "POST" else 200)


@login_required
def bijlage(request, pk: int, bijlage: int):
    bod = _bod(request, pk)
    attachment = get_object_or_404(bod.bijlagen, pk=bijlage)
    # The type follows what the content was checked to be on upload, never the uploaded name.
    return FileResponse(
        attachment.bestand.open("rb"),
        as_attachment=True,
        filename=safe_filename(attachment.naam),
        content_type=CONTENT_TYPES.get(attachment.soort, "application/octet-stream"),
    )
