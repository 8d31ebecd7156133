from django import forms
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Gemeente


class LandelijkForm(forms.Form):
    provincie = forms.ChoiceField(
        label=_("Provincie"), required=False, choices=[("", _("Alle provincies"))] + list(Gemeente.Provincie.choices)
    )
    corporatie = forms.ModelChoiceField(
        label=_("Corporatie"),
        required=False,
        queryset=Partij.objects.filter(soort="corporatie"),
        empty_label=_("Alle corporaties"),
    )
    jaar = forms.IntegerField(label=_("Jaar van de beoordelingen"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, sets, **kwargs):
        super().__init__(*args, **kwargs)
        # Only corporations of the sets the viewer may see: the list must not reveal other parties.
        self.fields["corporatie"].queryset = Partij.objects.filter(
            soort="corporatie", deelnames__afsprakenset__in=sets
        ).distinct()
