from django import forms
from django.utils.translation import gettext_lazy as _

from driehoek.register.models import Gemeente

# The corporation filter searches: a part of a name, not a list of every corporation in the country
# (docs/adr/0151). Bounded like every input.
SEARCH_MAX = 100


class LandelijkForm(forms.Form):
    provincie = forms.ChoiceField(
        label=_("Provincie"), required=False, choices=[("", _("Alle provincies"))] + list(Gemeente.Provincie.choices)
    )
    corporatie = forms.CharField(
        label=_("Corporatie"),
        required=False,
        max_length=SEARCH_MAX,
        help_text=_("Een deel van de naam, bijvoorbeeld ‘Woonborg’. Leeg: alle corporaties."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )
    jaar = forms.IntegerField(label=_("Jaar van de beoordelingen"), required=False, min_value=2000, max_value=2100)
