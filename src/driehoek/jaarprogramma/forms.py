from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from driehoek.core.versioning import version_field
from driehoek.core.widgets import DateInput
from driehoek.register.models import Doelstelling

from . import rules
from .models import Reactie


def _text(label, rows=6, required=True, help_text="", max_length=rules.MAX_TEXT):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class Form(forms.Form):
    # The server checks and says what is missing; no browser check marks empty fields red in advance.
    use_required_attribute = False


class StartForm(Form):
    prefix = "start"
    jaar = forms.TypedChoiceField(label=_("Jaar van het programma"), coerce=int)
    reacties_uiterlijk = forms.DateField(
        label=_("Reacties van de partijen uiterlijk"),
        widget=DateInput(),
        help_text=_("Vandaag of later; het jaarprogramma wordt vóór 15 december in het BO vastgesteld."),
    )

    def __init__(self, years: list[int], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(y, y) for y in years]


class TekstForm(Form):
    prefix = "tekst"
    tekst = _text(_("Voorgestelde tekst"), rows=10, help_text=_("De hele tekst zoals uw partij hem voorstelt."))
    toelichting = _text(_("Toelichting"), rows=2, required=False, max_length=rules.MAX_NOTE)
    versie = version_field()  # the version a revision was drawn from; a new proposal has none


class JaardoelForm(Form):
    prefix = "jaardoel"
    doelregel = forms.IntegerField(widget=forms.HiddenInput)
    vergelijking = forms.ChoiceField(label=_("Vergelijking"), choices=Doelstelling.Vergelijking.choices)
    waarde = forms.DecimalField(label=_("Jaardoel"), max_digits=14, decimal_places=2, localize=True)
    waarde_max = forms.DecimalField(
        label=_("Bovengrens (bij tussen)"), max_digits=14, decimal_places=2, localize=True, required=False
    )
    toelichting = _text(_("Toelichting"), rows=2, required=False, max_length=rules.MAX_NOTE)
    versie = version_field()  # the version a revision was drawn from; a new proposal has none


class SchrappenForm(Form):
    prefix = "schrappen"
    toelichting = _text(_("Waarom vervalt deze afspraak?"), rows=2, max_length=rules.MAX_NOTE)
    versie = version_field()  # the version a revision was drawn from; a new proposal has none


class NieuwForm(Form):
    prefix = "nieuw"
    thema = forms.ModelChoiceField(label=_("Thema"), queryset=None)
    titel = forms.CharField(label=_("Titel"), max_length=300)
    tekst = _text(_("Tekst van de afspraak"), rows=6)
    toelichting = _text(_("Toelichting"), rows=2, required=False, max_length=rules.MAX_NOTE)
    versie = version_field()  # the version a revision was drawn from; a new proposal has none

    def __init__(self, afsprakenset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = afsprakenset.themas.all()


class ReactieForm(Form):
    prefix = "reactie"
    soort = forms.ChoiceField(label=_("Reactie van uw partij"), choices=Reactie.Soort.choices, widget=forms.RadioSelect)
    toelichting = _text(
        _("Reden"), rows=3, required=False, max_length=rules.MAX_NOTE, help_text=_("Verplicht bij niet akkoord.")
    )
    revisie = version_field()


class IntrekkenForm(Form):
    prefix = "intrekken"
    versie = version_field()


class OpmerkingForm(Form):
    prefix = "opmerking"
    tekst = _text(_("Opmerking"), rows=3, max_length=rules.MAX_NOTE)


class VaststellenForm(Form):
    prefix = "vaststellen"
    datum = forms.DateField(
        label=_("Datum van het overleg"),
        widget=DateInput(),
        initial=timezone.localdate,
    )
    orgaan = forms.CharField(label=_("Vastgesteld door"), max_length=200, initial=_("Bestuurlijk overleg"))
    versie = version_field()
