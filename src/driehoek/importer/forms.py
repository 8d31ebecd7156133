from django import forms
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak, Afsprakenset

MAX_UPLOAD = 50 * 1024 * 1024


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label=_("Afsprakendocument (PDF of tekstbestand)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.txt,application/pdf,text/plain"}),
    )
    gemeente = forms.CharField(
        label=_("Gemeente"),
        required=False,
        max_length=120,
        help_text=_("Laat leeg als het document de gemeente zelf noemt."),
    )

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Het bestand is groter dan 50 MB."))
        return upload


class AfspraakForm(forms.Form):
    number = forms.CharField(label=_("Nummer"), max_length=20)
    theme = forms.ChoiceField(label=_("Thema"))
    title = forms.CharField(label=_("Titel"), max_length=300, required=False)
    section = forms.CharField(label=_("Sectie"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Soort"), choices=Afspraak.Soort.choices)
    text = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 6}))
    responsible = forms.MultipleChoiceField(
        label=_("Verantwoordelijke partijen"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, s: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [(t["number"], f"{t['number']} {t['title']}") for t in s["themes"]]
        self.fields["responsible"].choices = [(p["name"], p["name"]) for p in s["parties"]]


class SplitsForm(forms.Form):
    marker = forms.CharField(label=_("Splitsen vanaf de tekst"), max_length=500)
    new_number = forms.CharField(label=_("Nummer van het tweede deel"), max_length=20)


class HernummerForm(forms.Form):
    start = forms.IntegerField(label=_("Beginnen bij"), min_value=0, initial=1)
    prefix = forms.CharField(label=_("Voorvoegsel (bijvoorbeeld 3 voor 3.1, 3.2)"), max_length=10, required=False)


class ThemaForm(forms.Form):
    new_number = forms.CharField(label=_("Nummer"), max_length=20)
    title = forms.CharField(label=_("Titel"), max_length=250)
    richtingen = forms.CharField(
        label=_("Richtingen (één per regel)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    lopende_afspraken = forms.CharField(
        label=_("Lopende afspraken (één per regel)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class IndicatorenForm(forms.Form):
    indicators = forms.CharField(
        label=_("Indicatoren: één per regel, als omschrijving | jaren | actiehouders"),
        help_text=_("Bijvoorbeeld: Aantal opgeleverde woningen | 2026-2031 | corporaties"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PartijForm(forms.Form):
    new_name = forms.CharField(label=_("Naam"), max_length=200)
    short_name = forms.CharField(label=_("Korte naam"), max_length=80, required=False)
    kind = forms.ChoiceField(label=_("Soort"), choices=Partij.Soort.choices)


class SetForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=250)
    kind = forms.ChoiceField(label=_("Soort"), choices=Afsprakenset.Soort.choices)
    first_year = forms.IntegerField(label=_("Eerste jaar"), min_value=1990, max_value=2100)
    last_year = forms.IntegerField(label=_("Laatste jaar"), min_value=1990, max_value=2100)
    municipality = forms.CharField(label=_("Gemeente"), max_length=120)
