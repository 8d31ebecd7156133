from django import forms
from django.utils.translation import gettext_lazy as _

from driehoek.core.widgets import DateInput

from . import rules
from .models import Orgaan


def _date(label):
    return forms.DateField(label=label, widget=DateInput())


class TekstDefinitiefForm(forms.Form):
    prefix = "definitief"
    uiterlijk = _date(_("Ondertekend uiterlijk"))


class GoedkeuringForm(forms.Form):
    prefix = "goedkeuring"
    orgaan = forms.ChoiceField(label=_("Goedgekeurd door"))
    datum = _date(_("Datum van het besluit"))
    besluit = forms.FileField(label=_("Besluit (PDF, PNG of JPEG)"))

    def __init__(self, soort: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["orgaan"].choices = [(o, Orgaan(o).label) for o in rules.organen(soort)]


class HandtekeningForm(forms.Form):
    prefix = "handtekening"
    naam = forms.CharField(label=_("Naam zoals gedrukt"), max_length=200)
    functie = forms.CharField(label=_("Functie"), max_length=200)
    datum = _date(_("Datum"))
    plaats = forms.CharField(label=_("Plaats"), max_length=120)
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=12,
        help_text=_("Met deze code bevestigt u dat u het zelf bent die ondertekent."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class IntrekkenForm(forms.Form):
    prefix = "intrekken"
    reden = forms.CharField(label=_("Reden van intrekking"), max_length=500)


class IndieningForm(forms.Form):
    prefix = "indiening"
    datum = _date(_("Datum van indiening"))


class StapForm(forms.Form):
    """A step without fields (start, reopen, make the package): carries the service's refusal."""

    prefix = "stap"
