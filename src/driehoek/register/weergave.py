"""Shared components rendered once per distinct input instead of once per row (issue 18).

A list of ninety agreements names the same few parties and the same few lights over and over; an
`{% include %}` per row was the larger part of such a page's rendering. These render the component
itself (so it stays the one place its HTML is written) once for each distinct value on the page, and
the rows take the result."""

from django.template.loader import render_to_string


class Onderdelen:
    """One page's rendered components, by their input; lives as long as one request."""

    def __init__(self):
        self._made: dict = {}

    def _render(self, template: str, key, context: dict) -> str:
        if (template, key) not in self._made:
            self._made[template, key] = render_to_string(template, context)
        return self._made[template, key]

    def partijen(self, partijen) -> str:
        """components/partijen.html for a list of Partij."""
        key = tuple((p.pk, p.naam, p.korte_naam, p.soort) for p in partijen)
        return self._render("components/partijen.html", key, {"partijen": partijen})

    def stoplicht(self, kleur: str, reden: str = "") -> str:
        """components/stoplicht.html for a light and its reason."""
        return self._render("components/stoplicht.html", (kleur, reden), {"kleur": kleur, "reden": reden})
