from django import forms
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.core.versioning import RELOAD, version_field
from driehoek.core.widgets import DateInput, DateTimeInput
from driehoek.monitoring.models import Kleur, Reden

from .models import Besluit, Overlegsoort, Stemregel


class JaarForm(forms.Form):
    prefix = "cyclus"
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)

    def __init__(self, years, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(y, y) for y in years]


class OverlegForm(forms.Form):
    prefix = "overleg"
    soort = forms.ChoiceField(label=_("Soort overleg"), choices=Overlegsoort.choices)
    titel = forms.CharField(label=_("Titel"), max_length=250)
    datum = forms.DateTimeField(label=_("Datum en tijd"), required=False, widget=DateTimeInput())
    plaats = forms.CharField(label=_("Plaats"), max_length=200, required=False)


class AgendapuntForm(forms.Form):
    prefix = "agendapunt"
    titel = forms.CharField(label=_("Agendapunt"), max_length=300)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class VerslagForm(forms.Form):
    prefix = "verslag"
    tekst = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 10}))
    versie = version_field()


class VersieForm(forms.Form):
    """A step on the minutes as they were read (send for checking, make final)."""

    versie = version_field()


class CorrectieForm(forms.Form):
    prefix = "correctie"
    tekst = forms.CharField(label=_("Correctie of aanvulling van uw partij"), widget=forms.Textarea(attrs={"rows": 3}))


class BeslisCorrectieForm(forms.Form):
    correctie = forms.IntegerField(widget=forms.HiddenInput)
    besluit = forms.ChoiceField(
        label=_("Besluit"), choices=[("over", _("overnemen")), ("af", _("niet overnemen"))], widget=forms.RadioSelect
    )
    reden = forms.CharField(
        label=_("Reden (verplicht bij niet overnemen)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BesluitForm(forms.Form):
    prefix = "besluit"
    soort = forms.ChoiceField(label=_("Soort besluit"), choices=Besluit.Soort.choices)
    tekst = forms.CharField(label=_("Besluit"), widget=forms.Textarea(attrs={"rows": 2}))
    jaar = forms.IntegerField(label=_("Over jaar (bij vaststelling van de evaluatie)"), required=False)
    afspraken = forms.ModelMultipleChoiceField(
        label=_("Over de afspraken"),
        queryset=None,
        required=False,
        help_text=_("Houd Ctrl ingedrukt om er meer te kiezen."),
    )

    def __init__(self, afsprakenset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["afspraken"].queryset = afsprakenset.afspraken.all()


class ActiepuntForm(forms.Form):
    prefix = "actiepunt"
    omschrijving = forms.CharField(label=_("Actiepunt"), widget=forms.Textarea(attrs={"rows": 2}))
    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar"), queryset=Partij.objects.none(), empty_label=_("Kies een partij")
    )
    uiterlijk = forms.DateField(label=_("Uiterlijk"), required=False, widget=DateInput())
    afspraak = forms.ModelChoiceField(label=_("Bij afspraak"), queryset=None, required=False, empty_label=_("geen"))

    def __init__(self, afsprakenset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["afspraak"].queryset = afsprakenset.afspraken.all()
        self.fields["eigenaar"].queryset = Partij.objects.filter(deelnames__afsprakenset=afsprakenset).order_by(
            "deelnames__volgorde"
        )


class GeschilForm(forms.Form):
    prefix = "geschil"
    beoordeling = forms.IntegerField(widget=forms.HiddenInput, required=False)
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=300)
    omschrijving = forms.CharField(label=_("Waarover is geen consensus?"), widget=forms.Textarea(attrs={"rows": 3}))


class ModeratorForm(forms.Form):
    prefix = "moderator"
    moderator = forms.CharField(label=_("Onafhankelijke moderator"), max_length=200)
    deadline = forms.DateField(label=_("Termijn (vooraf vastgelegd)"), widget=DateInput())


class SessieForm(forms.Form):
    prefix = "sessie"
    datum = forms.DateField(label=_("Datum"), widget=DateInput())
    verslag = forms.CharField(label=_("Verslag van de sessie"), widget=forms.Textarea(attrs={"rows": 3}))


class StemmingForm(forms.Form):
    prefix = "stemming"
    opties = forms.CharField(
        label=_("Opties, één per regel"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "De stemregel van de set bepaalt wie stemt; de optie met de meeste stemmen is het besluit. Bij een "
            "geschil over een beoordeling: begin een optie met de kleur, bijvoorbeeld “oranje (a): vertraagd”; "
            "die kleur krijgt de beoordeling als de optie wint."
        ),
    )


class StemForm(forms.Form):
    prefix = "stem"
    optie = forms.TypedChoiceField(label=_("Uw stem"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, stemming, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["optie"].choices = [(o.pk, o.tekst) for o in stemming.opties.all()]


class ConsensusForm(forms.Form):
    prefix = "consensus"
    uitkomst = forms.CharField(label=_("Uitkomst"), widget=forms.Textarea(attrs={"rows": 2}))
    kleur = forms.ChoiceField(
        label=_("Beoordeling die hieruit volgt"),
        required=False,
        choices=[("", _("geen (het geschil gaat niet over een beoordeling)"))] + list(Kleur.choices),
    )
    reden = forms.ChoiceField(
        label=_("Reden (bij oranje of rood)"), required=False, choices=[("", "—")] + list(Reden.choices)
    )


class StemregelForm(forms.Form):
    prefix = "stemregel"
    stemregel = forms.ChoiceField(
        label=_("Stemregel bij een stemming"), choices=Stemregel.choices, widget=forms.RadioSelect
    )


class WijzigingForm(forms.Form):
    prefix = "wijziging"
    besluit = forms.IntegerField(widget=forms.HiddenInput)
    afspraak = forms.ModelChoiceField(label=_("Afspraak"), queryset=None, empty_label=_("Kies een afspraak"))
    tekst = forms.CharField(
        label=_("Nieuwe tekst, zoals het bestuurlijk overleg die vaststelde"), widget=forms.Textarea(attrs={"rows": 6})
    )

    # The version of every agreement of the set when the page was drawn ("pk:versie,..."), since
    # the agreement is only chosen in the form: a change based on an older text is refused.
    versies = forms.CharField(widget=forms.HiddenInput, error_messages={"required": RELOAD})

    def __init__(self, afsprakenset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["afspraak"].queryset = afsprakenset.afspraken.all()
        if not self.is_bound:
            pairs = afsprakenset.afspraken.values_list("pk", "versie")
            self.initial["versies"] = ",".join(f"{pk}:{versie}" for pk, versie in pairs)

    def clean(self):
        data = super().clean()
        versions = dict(item.split(":", 1) for item in (data.get("versies") or "").split(",") if ":" in item)
        afspraak = data.get("afspraak")
        seen = versions.get(str(afspraak.pk)) if afspraak else None
        data["versie"] = int(seen) if seen and seen.isdigit() else None
        if afspraak and data["versie"] is None:
            raise forms.ValidationError(RELOAD)
        return data

    def offer_current_version(self, current) -> None:
        versions = self.data.get(self.add_prefix("versies"), "")
        others = [item for item in versions.split(",") if item and not item.startswith(f"{current.pk}:")]
        data = self.data.copy()
        data[self.add_prefix("versies")] = ",".join([*others, f"{current.pk}:{current.versie}"])
        self.data = data


class OverlegBewerkenForm(forms.Form):
    prefix = "bewerken"
    datum = forms.DateTimeField(label=_("Datum en tijd"), required=False, widget=DateTimeInput())
    plaats = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    genodigden = forms.ModelMultipleChoiceField(
        label=_("Genodigde partijen"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    aanwezigen = forms.CharField(
        label=_("Aanwezigen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Per partij de namen, één partij per regel."),
    )

    def __init__(self, afsprakenset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["genodigden"].queryset = Partij.objects.filter(deelnames__afsprakenset=afsprakenset).order_by(
            "deelnames__volgorde"
        )


class NieuweAfspraakForm(forms.Form):
    prefix = "nieuw"
    besluit = forms.IntegerField(widget=forms.HiddenInput)
    thema = forms.ModelChoiceField(label=_("Thema"), queryset=None, empty_label=_("Kies een thema"))
    nummer = forms.CharField(label=_("Nummer"), max_length=20)
    titel = forms.CharField(label=_("Titel"), max_length=300, required=False)
    soort = forms.ChoiceField(label=_("Soort"), choices=[])
    tekst = forms.CharField(
        label=_("Tekst, zoals het bestuurlijk overleg die vaststelde"), widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, afsprakenset, *args, **kwargs):
        from driehoek.register.models import Afspraak

        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = afsprakenset.themas.all()
        self.fields["soort"].choices = Afspraak.Soort.choices
