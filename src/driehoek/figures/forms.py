from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from driehoek.core.widgets import DateInput

from .models import Aanlevering
from .uploads import SPECS, UploadError, sniff


def max_upload() -> int:
    """Bytes; large enough for the unit register of a large corporation (UPLOAD_MAX_MB_FIGURES)."""
    return settings.UPLOAD_MAX_MB["figures"] * 1024 * 1024


class AanleverForm(forms.Form):
    prefix = "aanlevering"
    soort = forms.ChoiceField(label=_("Wat levert u aan?"), choices=Aanlevering.Soort.choices)
    peildatum = forms.DateField(
        label=_("Peildatum"),
        widget=DateInput(),
        help_text=_("De datum waarop de cijfers gelden; voor jaarcijfers 31 december van dat jaar."),
    )
    bestand = forms.FileField(
        label=_("Bestand (CSV of Excel .xlsx)"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"})
    )

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > max_upload():
            raise forms.ValidationError(
                _("Het bestand is groter dan %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_MB["figures"]}
            )
        # What the file is follows from its content, not from its name.
        try:
            sniff(upload.read())
        except UploadError as e:
            raise forms.ValidationError(e.problems[0]) from None
        finally:
            upload.seek(0)
        return upload


class InvoerForm(forms.Form):
    """The few numbers that need no file: one row of the upload, typed in."""

    prefix = "invoer"
    peildatum = forms.DateField(label=_("Peildatum"), widget=DateInput())

    def __init__(self, soort: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for column in SPECS[soort]:
            self.fields[column.name] = forms.CharField(
                label=column.name.replace("_", " "), required=column.required, help_text=column.help, max_length=200
            )
