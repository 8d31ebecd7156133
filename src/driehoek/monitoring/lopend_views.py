"""The yearly check of the ongoing commitments and the targets on a theme (monitoring/checks.py)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from driehoek.accounts import policy
from driehoek.core.versioning import ConflictError, offer_current_version
from driehoek.register.models import Afsprakenset

from . import checks
from .models import Jaarcheck


class JaarcheckForm(forms.Form):
    stand = forms.ChoiceField(label=gettext_lazy("Stand"), choices=Jaarcheck.Stand.choices, widget=forms.RadioSelect)
    opmerking = forms.CharField(
        label=gettext_lazy("Opmerking"),
        required=False,
        max_length=checks.MAX_REMARK,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)


@login_required
def lopend(request, slug: str, jaar: int):
    afsprakenset = Afsprakenset.objects.visible_or_404(request.user, slug)
    monitoringsjaar = get_object_or_404(afsprakenset.monitoringsjaren, jaar=jaar)
    rows = checks.for_year(afsprakenset, jaar)
    posted = request.POST.get("form", "")
    conflict = None
    for check in rows:
        check.form = None
        if policy.can(request.user, policy.CHECK_ONGOING, check):
            key = f"c{check.pk}"
            initial = {"stand": check.stand, "opmerking": check.opmerking, "versie": check.versie}
            check.form = JaarcheckForm(request.POST if posted == key else None, prefix=key, initial=initial)
    if request.method == "POST":
        check = next((c for c in rows if f"c{c.pk}" == posted), None)
        if check is None or check.form is None:
            raise PermissionDenied
        form = check.form
        if form.is_valid():
            try:
                checks.record(request.user, check, **form.cleaned_data)
            except ConflictError as error:
                conflict = error
                offer_current_version(form, error.current)
            except ValidationError as error:
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("De stand is opgeslagen."))
                return redirect(request.path)
    context = {
        "afsprakenset": afsprakenset,
        "monitoringsjaar": monitoringsjaar,
        "jaar": jaar,
        "tab": "lopend",
        "rows": rows,
        "conflict": conflict,
    }
    return render(request, "monitoring/lopend.html", context, status=400 if request.method == "POST" else 200)
