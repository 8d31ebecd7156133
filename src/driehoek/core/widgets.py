"""The browser's own date pickers. A `date` or `datetime-local` input accepts only ISO values
(2026-11-30, 2026-11-30T14:00); a value in the Dutch display format (30-11-2026 14:00:00) is
refused by the browser, which then shows the field empty and submits it empty. Every form uses
these two widgets, so a stored date comes back in the form exactly as it was stored."""

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")
