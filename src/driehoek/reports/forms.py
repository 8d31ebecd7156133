from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from driehoek.accounts.models import Partij
from driehoek.register.models import Gemeente


class LongSelect(forms.Select):
    """A select of hundreds of options (every corporation in the country) with the markup of Django's,
    written without a template per option: those cost more than the rest of the national overview."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class LandelijkForm(forms.Form):
    provincie = forms.ChoiceField(
        label=_("Provincie"), required=False, choices=[("", _("Alle provincies"))] + list(Gemeente.Provincie.choices)
    )
    corporatie = forms.ModelChoiceField(
        label=_("Corporatie"),
        required=False,
        queryset=Partij.objects.filter(soort="corporatie"),
        widget=LongSelect,
        empty_label=_("Alle corporaties"),
    )
    jaar = forms.IntegerField(label=_("Jaar van de beoordelingen"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, sets, **kwargs):
        super().__init__(*args, **kwargs)
        # Only corporations of the sets the viewer may see: the list must not reveal other parties.
        self.fields["corporatie"].queryset = Partij.objects.filter(
            soort="corporatie", deelnames__afsprakenset__in=sets
        ).distinct()
