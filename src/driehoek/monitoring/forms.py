import zipfile

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.core.versioning import version_field
from driehoek.core.widgets import DateInput

from . import rules
from .models import Kleur, Reactie, Status

# Recognised by their first bytes, not by the name or the browser's word for it.
SIGNATURES = {
    b"%PDF-": "pdf",
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"PK\x03\x04": "xlsx",
}


def max_attachment() -> int:
    return settings.UPLOAD_MAX_MB["attachment"] * 1024 * 1024


def attachment_kind(upload) -> str | None:
    head = upload.read(16)
    upload.seek(0)
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            if kind == "xlsx" and not _is_xlsx(upload):
                return None
            return kind
    return None


def _is_xlsx(upload) -> bool:
    """A zip is an Excel workbook when it holds [Content_Types].xml and a workbook under xl/."""
    try:
        names = set(zipfile.ZipFile(upload).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


class IndicatorwaardeForm(forms.Form):
    waarde = forms.DecimalField(label=_("Waarde"), required=False, max_digits=14, decimal_places=2, localize=True)
    eenheid = forms.CharField(
        label=_("Eenheid"), required=False, max_length=60, help_text=_("Bijvoorbeeld woningen, % of euro.")
    )
    oordeel = forms.CharField(
        label=_("Oordeel of toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    bron = forms.CharField(label=_("Bron"), required=False, max_length=300, help_text=_("Waar het getal vandaan komt."))
    bijlage = forms.FileField(
        label=_("Bijlage (pdf, xlsx, png of jpg; ten hoogste 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.xlsx,.png,.jpg,.jpeg"}),
    )
    versie = version_field()

    def clean_bijlage(self):
        upload = self.cleaned_data.get("bijlage")
        if not upload:
            return None
        if upload.size > max_attachment():
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_MB["attachment"]}
            )
        kind = attachment_kind(upload)
        if kind is None:
            raise forms.ValidationError(_("Alleen pdf, xlsx, png en jpg zijn toegestaan; dit bestand is geen van die."))
        self.cleaned_data["bijlage_soort"] = kind
        return upload

    def clean(self):
        data = super().clean()
        if data.get("waarde") is None and not (data.get("oordeel") or "").strip() and not self.errors:
            raise forms.ValidationError(_("Vul een waarde of een oordeel in."))
        return data


class VoorzetForm(forms.Form):
    prefix = "voorzet"
    kleur = forms.ChoiceField(label=_("Beoordeling voortgang"), choices=Kleur.choices, widget=forms.RadioSelect)
    reden = forms.ChoiceField(
        label=_("Reden (bij oranje of rood)"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("geen (bij groen en afgerond)"))] + rules.reason_choices(),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bij oranje en rood: wat is de oorzaak, wat is het gevolg en wat wordt eraan gedaan?"),
    )
    afwijking_toelichting = forms.CharField(
        label=_("Waarom wijkt u af van de suggestie?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    versie = version_field()

    def clean(self):
        data = super().clean()
        # A reason belongs to oranje and rood only: one still ticked from the suggestion does not
        # stop a switch to groen or afgerond (the reasons' own labels name their light).
        if data.get("kleur") and data["kleur"] not in rules.REASONS:
            data["reden"] = ""
        return data


class ReactieForm(forms.Form):
    prefix = "reactie"
    soort = forms.ChoiceField(label=_("Reactie van uw partij"), choices=Reactie.Soort.choices, widget=forms.RadioSelect)
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij niet akkoord: geef de reden."),
    )
    revisie = version_field()


class VaststellenForm(forms.Form):
    prefix = "vaststellen"
    datum = forms.DateField(label=_("Datum van het overleg"), widget=DateInput(), initial=timezone.localdate)
    orgaan = forms.CharField(label=_("Vastgesteld door"), max_length=200, initial=_("Bestuurlijk overleg"))
    versie = version_field()


class HerzienForm(forms.Form):
    prefix = "herzien"
    reden = forms.CharField(label=_("Reden van de herziening"), widget=forms.Textarea(attrs={"rows": 2}))
    versie = version_field()


class DelegatieForm(forms.Form):
    """Who is asked for an indicator's value: its lead (the trekker) or one of its co-holders."""

    partij = forms.TypedChoiceField(
        label=_("Wie vult deze indicator in?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Kies de trekker of een mede-actiehouder van deze indicator.")},
    )
    versie = version_field(min_value=0)

    def __init__(self, holders: list[Partij], *args, indicator=None, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator is not None:  # the legend names the indicator: a page holds one form per indicator
            self.fields["partij"].label = _("Wie vult “%(indicator)s” in?") % {"indicator": indicator}
        lead, *co_holders = holders or [None]
        choices = [(lead.pk, _("%(partij)s (trekker)") % {"partij": lead.korte_naam})] if lead else []
        self.fields["partij"].choices = choices + [(p.pk, p.korte_naam) for p in co_holders]


class StartJaarForm(forms.Form):
    prefix = "start"
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)

    def __init__(self, years: list[int], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(y, y) for y in years]


class TabelFilterForm(forms.Form):
    thema = forms.ModelChoiceField(label=_("Thema"), queryset=None, required=False, empty_label=_("Alle thema's"))
    partij = forms.ModelChoiceField(
        label=_("Actiehouder"), queryset=None, required=False, empty_label=_("Alle partijen")
    )
    kleur = forms.ChoiceField(label=_("Beoordeling"), required=False, choices=[("", _("Alle"))] + list(Kleur.choices))
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, afsprakenset, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = afsprakenset.themas.all()
        self.fields["partij"].queryset = Partij.objects.filter(deelnames__afsprakenset=afsprakenset).order_by(
            "deelnames__volgorde"
        )
        self.fields["status"].choices = [("", _("Alle"))] + list(Status.choices)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}
