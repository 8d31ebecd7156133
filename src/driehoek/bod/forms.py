from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from driehoek.core.versioning import version_field
from driehoek.core.widgets import DateInput
from driehoek.monitoring.forms import attachment_kind, max_attachment

from . import rules

DATE = DateInput()


class StartForm(forms.Form):
    prefix = "start"
    jaar = forms.IntegerField(label=gettext_lazy("Bod voor het jaar"), min_value=2000, max_value=2100)
    uiterlijk = forms.DateField(
        label=gettext_lazy("In te dienen uiterlijk"),
        required=False,
        widget=DATE,
        help_text=gettext_lazy("Leeg: 1 juli van het jaar ervoor, zoals de Woningwet vraagt."),
    )


class BodForm(forms.Form):
    """The five-year table (one number field per subject and year), the text per theme and the
    deadlines. The template draws the numbers as a table with row and column headers."""

    prefix = "bod"
    uiterlijk = forms.DateField(label=gettext_lazy("In te dienen uiterlijk"), widget=DATE)
    reacties_uiterlijk = forms.DateField(
        label=gettext_lazy("Reacties uiterlijk"),
        required=False,
        widget=DATE,
        help_text=gettext_lazy("Tot wanneer de huurdersorganisaties en de gemeente reageren."),
    )
    versie = version_field()

    def __init__(self, bod, *args, **kwargs):
        # 12 rather than 12,0: whole numbers as the person typed them.
        values = {(c.onderwerp, c.jaar): c.waarde.normalize() + 0 for c in bod.cijfers.all()}
        initial = {
            "uiterlijk": bod.uiterlijk,
            "reacties_uiterlijk": bod.reacties_uiterlijk,
            "versie": bod.versie,
            **{f"t_{key}": bod.teksten.get(key, "") for key, _label in rules.THEMAS},
            **{f"c_{k}_{j}": v for (k, j), v in values.items()},
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.bod = bod
        for o in rules.ONDERWERPEN:
            for jaar in bod.jaren:
                self.fields[f"c_{o.key}_{jaar}"] = forms.DecimalField(
                    label=f"{o.label}, {jaar} ({o.eenheid})",
                    required=False,
                    max_digits=9,
                    decimal_places=1,
                    min_value=o.minimum,
                    max_value=o.maximum,
                    localize=True,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
                )
        for key, label in rules.THEMAS:
            self.fields[f"t_{key}"] = forms.CharField(
                label=label, required=False, max_length=rules.MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
            )

    def rows(self):
        """Per subject its fields per year, for the table."""
        return [(o, [self[f"c_{o.key}_{jaar}"] for jaar in self.bod.jaren]) for o in rules.ONDERWERPEN]

    def text_fields(self):
        return [self[f"t_{key}"] for key, _label in rules.THEMAS]

    def cijfers(self) -> dict:
        return {(o.key, j): self.cleaned_data[f"c_{o.key}_{j}"] for o in rules.ONDERWERPEN for j in self.bod.jaren}

    def teksten(self) -> dict:
        return {key: self.cleaned_data[f"t_{key}"] for key, _label in rules.THEMAS}


class BijlageForm(forms.Form):
    prefix = "bijlage"
    bestand = forms.FileField(
        label=gettext_lazy("Bijlage (pdf, xlsx, png of jpg; ten hoogste 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.xlsx,.png,.jpg,.jpeg"}),
    )

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > max_attachment():
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_MB["attachment"]}
            )
        kind = attachment_kind(upload)
        if kind is None:
            raise forms.ValidationError(_("Alleen pdf, xlsx, png en jpg zijn toegestaan; dit bestand is geen van die."))
        self.soort = kind
        return upload


class ReactieForm(forms.Form):
    prefix = "reactie"
    tekst = forms.CharField(
        label=gettext_lazy("Uw reactie"), max_length=rules.MAX_TEXT, widget=forms.Textarea(attrs={"rows": 5})
    )
    formeel_advies = forms.BooleanField(
        label=gettext_lazy("Dit is ons formele advies onder de Overlegwet"), required=False
    )
    versie = version_field()


class AntwoordForm(forms.Form):
    """The corporation's answer to one reaction; prefixed per reaction (antwoord-<pk>)."""

    antwoord = forms.CharField(
        label=gettext_lazy("Antwoord van de corporatie"),
        max_length=rules.MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    versie = version_field()
