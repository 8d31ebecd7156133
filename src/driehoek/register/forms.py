from django import forms
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij

from .models import Afsprakenset, Thema


class AfspraakFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken in de tekst"), required=False, max_length=200)
    thema = forms.ModelChoiceField(
        label=_("Thema"), queryset=Thema.objects.none(), required=False, empty_label=_("Alle thema's")
    )
    partij = forms.ModelChoiceField(
        label=_("Partij"), queryset=Partij.objects.none(), required=False, empty_label=_("Alle partijen")
    )
    sectie = forms.ChoiceField(label=_("Sectie"), required=False)

    def __init__(self, afsprakenset: Afsprakenset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = afsprakenset.themas.all()
        self.fields["partij"].queryset = Partij.objects.filter(deelnames__afsprakenset=afsprakenset).order_by(
            "deelnames__volgorde"
        )
        sections = (
            afsprakenset.afspraken.exclude(sectie="").order_by("sectie").values_list("sectie", flat=True).distinct()
        )
        self.fields["sectie"].choices = [("", _("Alle secties"))] + [(s, s) for s in sections]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}
