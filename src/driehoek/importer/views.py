"""The review screen: the draft beside the source text. Views only read the request, call a service
and show the result; the rules are in bewerken.py and services.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from driehoek.accounts import policy
from driehoek.core.downloads import as_attachment
from driehoek.register.models import Doelstelling

from . import services
from .bewerken import BewerkingFout
from .extract import DocumentError
from .forms import (
    AfspraakForm,
    HernummerForm,
    IndicatorenForm,
    PartijForm,
    SetForm,
    SplitsForm,
    ThemaForm,
    UploadForm,
)
from .models import Brondocument


def _document(request, pk: int) -> Brondocument:
    document = get_object_or_404(Brondocument.objects.select_related("geupload_door", "afsprakenset"), pk=pk)
    if not policy.can(request.user, policy.IMPORT_DOCUMENT, document):
        raise Http404
    return document


@login_required
def lijst(request):
    if not policy.can(request.user, policy.IMPORT_DOCUMENT, None):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        try:
            document = services.upload(
                request.user, upload.name, upload.read(), municipality=form.cleaned_data["gemeente"] or None
            )
        except DocumentError as e:
            problem = str(e)
        else:
            messages.success(request, _("Het document is gelezen. Controleer het concept en aanvaard het."))
            return redirect(document)
    documents = [
        d
        for d in Brondocument.objects.select_related("geupload_door")
        if policy.can(request.user, policy.IMPORT_DOCUMENT, d)
    ]
    status = 400 if (problem or form.errors) else 200
    return render(
        request, "importer/lijst.html", {"form": form, "problem": problem, "documents": documents}, status=status
    )


@login_required
def document(request, pk: int):
    document = _document(request, pk)
    s = document.set
    themes = []
    for t in s["themes"]:
        agreements = []
        for a in t["agreements"]:
            initial = {**a, "theme": t["number"]}
            targets = [{**d, "comparator_label": _comparator(d["comparator"])} for d in a["targets"]]
            agreements.append(
                {
                    "data": a,
                    "targets": targets,
                    "form": AfspraakForm(s, initial=initial, prefix=f"a{a['number']}"),
                    "split": SplitsForm(prefix=f"s{a['number']}"),
                    "indicators": IndicatorenForm(
                        initial={
                            "indicators": "\n".join(
                                f"{i['description']} | {i['years']} | {i['actiehouders_label']}"
                                for i in a["indicators"]
                            )
                        },
                        prefix=f"i{a['number']}",
                    ),
                    "unsure": (s.get("extra") or {}).get("onzeker", {}).get(a["number"], []),
                    "first_line": a["source_location"].split(" ")[-1].split("-")[0] if a["source_location"] else "",
                }
            )
        themes.append(
            {
                "data": t,
                "form": ThemaForm(
                    initial={
                        "new_number": t["number"],
                        "title": t["title"],
                        "richtingen": "\n".join(t["richtingen"]),
                        "lopende_afspraken": "\n".join(t["lopende_afspraken"]),
                    },
                    prefix=f"t{t['number']}",
                ),
                "renumber": HernummerForm(prefix=f"h{t['number']}"),
                "agreements": agreements,
            }
        )
    parties = [
        {
            "data": p,
            "form": PartijForm(
                initial={"new_name": p["name"], "short_name": p["short_name"], "kind": p["kind"]}, prefix=f"p{k}"
            ),
        }
        for k, p in enumerate(s["parties"])
    ]
    context = {
        "document": document,
        "set": s,
        "themes": themes,
        "parties": parties,
        "new_party": PartijForm(prefix="nieuw"),
        "set_form": SetForm(initial=s, prefix="set"),
        "lines": document.regels,
        "count": sum(len(t["agreements"]) for t in s["themes"]),
        "editable": document.status == Brondocument.Status.IN_BEOORDELING,
    }
    return render(request, "importer/document.html", context)


def _comparator(value: str) -> str:
    try:
        return Doelstelling.Vergelijking(value).label
    except ValueError:
        return value


@login_required
@require_POST
def bewerken(request, pk: int):
    document = _document(request, pk)
    s = document.set
    operation = request.POST.get("bewerking", "")
    key = request.POST.get("sleutel", "")
    try:
        arguments = _arguments(operation, key, s, request.POST)
        services.edit(request.user, document, operation, **arguments)
    except BewerkingFout as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Het concept is bijgewerkt."))
    anchor = f"#afspraak-{request.POST.get('anker')}" if request.POST.get("anker") else ""
    return redirect(document.get_absolute_url() + anchor)


def _arguments(operation: str, key: str, s: dict, data) -> dict:
    """The form of each operation, checked, as keyword arguments for bewerken."""
    if operation == "edit_agreement":
        form = AfspraakForm(s, data, prefix=f"a{key}")
        _valid(form)
        return {"number": key, "values": form.cleaned_data}
    if operation == "edit_set":
        form = SetForm(data, prefix="set")
        _valid(form)
        return form.cleaned_data
    if operation == "remove_target":
        index = data.get("index", "")
        if not index.isdigit():
            raise BewerkingFout(_("Die doelstelling staat niet in het concept."))
        return {"number": key, "index": int(index)}
    if operation == "merge":
        return {"number": key}
    if operation == "split":
        form = SplitsForm(data, prefix=f"s{key}")
        _valid(form)
        return {"number": key, **form.cleaned_data}
    if operation == "renumber":
        form = HernummerForm(data, prefix=f"h{key}")
        _valid(form)
        return {"theme_number": key, **form.cleaned_data}
    if operation == "edit_indicators":
        form = IndicatorenForm(data, prefix=f"i{key}")
        _valid(form)
        return {"number": key, **form.cleaned_data}
    if operation == "edit_theme":
        form = ThemaForm(data, prefix=f"t{key}")
        _valid(form)
        return {"number": key, **form.cleaned_data}
    if operation in ("edit_party", "remove_party"):
        index = int(key) if key.isdigit() else -1
        if not 0 <= index < len(s["parties"]):
            raise BewerkingFout(_("Die partij staat niet in het concept."))
        if operation == "remove_party":
            return {"name": s["parties"][index]["name"]}
        form = PartijForm(data, prefix=f"p{key}")
        _valid(form)
        return {"name": s["parties"][index]["name"], **form.cleaned_data}
    if operation == "add_party":
        form = PartijForm(data, prefix="nieuw")
        _valid(form)
        c = form.cleaned_data
        return {"name": c["new_name"], "short_name": c["short_name"], "kind": c["kind"]}
    raise BewerkingFout(_("Onbekende bewerking."))


def _valid(form) -> None:
    if not form.is_valid():
        problems = [
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}" for f, e in form.errors.items()
        ]
        raise BewerkingFout(_("Niet opgeslagen: %(p)s") % {"p": "; ".join(problems)})


@login_required
@require_POST
def aanvaarden(request, pk: int):
    document = _document(request, pk)
    try:
        afsprakenset = services.accept(request.user, document)
    except services.AanvaardFout as e:
        for problem in e.problems[:20]:
            messages.error(request, problem)
        return redirect(document)
    messages.success(request, _("De set staat als concept in het register."))
    return redirect(afsprakenset)


@login_required
def bestand(request, pk: int):
    document = _document(request, pk)
    pdf = bytes(document.inhoud[:5]) == b"%PDF-"
    response = HttpResponse(
        bytes(document.inhoud), content_type="application/pdf" if pdf else "text/plain; charset=utf-8"
    )
    return as_attachment(response, document.bestandsnaam)
