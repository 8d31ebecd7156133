from django import forms
from django.utils.translation import gettext_lazy as _

from driehoek.monitoring.models import Kleur
from driehoek.register.models import Gemeente

from .queries import MAX_CHARS


class ZoekForm(forms.Form):
    q = forms.CharField(label=_("Zoekwoorden"), max_length=MAX_CHARS, required=False)
    thema = forms.CharField(
        label=_("Thema"),
        max_length=80,
        required=False,
        help_text=_("Een woord uit de naam, bijvoorbeeld 'beschikbaar'."),
    )
    provincie = forms.ChoiceField(
        label=_("Provincie"), required=False, choices=[("", _("Alle provincies"))] + list(Gemeente.Provincie.choices)
    )
    jaar = forms.IntegerField(label=_("Jaar"), required=False, min_value=2000, max_value=2100)
    kleur = forms.ChoiceField(
        label=_("Beoordeling"), required=False, choices=[("", _("Elke beoordeling"))] + list(Kleur.choices)
    )


class ToetsForm(forms.Form):
    tekst = forms.CharField(label=_("Tekst van de afspraak"), max_length=5000)
