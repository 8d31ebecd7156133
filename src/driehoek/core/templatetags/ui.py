"""Form widgets in NL Design System markup, for components/field.html."""

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

register = template.Library()


def widget_class(widget: forms.Widget) -> str:
    """The Utrecht component class for a widget; empty for checkboxes, radios and hidden inputs."""
    if isinstance(widget, (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple, forms.HiddenInput)):
        return ""
    if isinstance(widget, forms.Select):
        return "utrecht-select utrecht-select--html-select"
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea utrecht-textarea--html-textarea"
    return "utrecht-textbox utrecht-textbox--html-input"


@register.filter
def nlds_widget(field: BoundField) -> SafeString:
    """The field's widget with its Utrecht class. Django adds aria-invalid and aria-describedby
    (pointing at "<id>_helptext" and "<id>_error", the ids field.html gives them)."""
    classes = " ".join(c for c in (field.field.widget.attrs.get("class", ""), widget_class(field.field.widget)) if c)
    if field.errors and classes:
        classes += " " + classes.split()[0] + "--invalid"
    return field.as_widget(attrs={"class": classes} if classes else None)
