from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from driehoek.register.models import Afspraak, Afsprakenset

from . import queries, smart
from .forms import ToetsForm, ZoekForm


@login_required
def zoeken(request):
    """National search: published agreements of every municipality, and the user's own sets."""
    form = ZoekForm(request.GET or None)
    results = []
    if form.is_valid() and form.cleaned_data["q"]:
        filters = {k: v for k, v in form.cleaned_data.items() if k != "q" and v}
        try:
            results = queries.search(request.user, form.cleaned_data["q"], **filters)
        except ValidationError as error:
            form.add_error("q", error)
    return render(request, "vergelijken/zoeken.html", {"form": form, "results": results})


@login_required
def vergelijkbaar(request, slug: str, nummer: str):
    """The agreements most like this one elsewhere; on the agreement page it is loaded in place."""
    afsprakenset = Afsprakenset.objects.visible_or_404(request.user, slug)
    afspraak = get_object_or_404(
        Afspraak.objects.prefetch_related("verantwoordelijkheden", "indicatoren", "doelstellingen"),
        afsprakenset=afsprakenset,
        nummer=nummer,
    )
    results = queries.similar(request.user, afspraak)
    context = {
        "afsprakenset": afsprakenset,
        "afspraak": afspraak,
        "results": results,
        "voorbeeld": queries.stronger_example(afspraak, results),
    }
    template = "vergelijken/vergelijkbaar.html#lijst" if request.htmx else "vergelijken/vergelijkbaar.html"
    return render(request, template, context)


@login_required
@require_POST
def toets(request):
    """How concrete a text being written is, with a stronger example elsewhere; loaded in place beside
    a proposal or an imported draft (hx-post with the form's own CSRF token)."""
    # The text comes from the form it is loaded in: its field is "tekst" (with the form's prefix, if
    # any), or "text" on the importer's review screen.
    tekst = next((v for k, v in request.POST.items() if k.rsplit("-", 1)[-1] in ("tekst", "text")), "")
    form = ToetsForm({"tekst": tekst})
    if not form.is_valid():
        return render(request, "vergelijken/toets.html", {"form": form}, status=400)
    tekst = form.cleaned_data["tekst"]
    score = smart.score_text(tekst)
    results = queries.similar_to_text(request.user, tekst, limit=3)
    context = {
        "form": form,
        "score": score,
        "results": results,
        "voorbeeld": queries.stronger_than(score.punten, results),
    }
    return render(request, "vergelijken/toets.html", context)
