"""Which help page fits which user: by the kind of their party and their role."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class HelpPage:
    slug: str
    title: Promise
    who: Promise


PAGES = [
    HelpPage("huurdersorganisatie", _("Voor de huurdersorganisatie"), _("Bestuursleden en vrijwilligers")),
    HelpPage("corporatie", _("Voor de woningcorporatie"), _("Medewerkers die cijfers invullen en voorzetten maken")),
    HelpPage("gemeente", _("Voor de gemeente"), _("De secretaris die het proces regelt")),
    HelpPage("bestuurder", _("Voor bestuurders"), _("Wethouder, directeur of voorzitter")),
    HelpPage("beheerder", _("Voor de beheerder"), _("Wie gebruikers en partijen beheert")),
    HelpPage("openbaar", _("Voor raad en inwoners"), _("Wie de openbare cijfers bekijkt")),
]


def page_for(user) -> HelpPage | None:
    """The help page for this user's part in the process; None for someone not logged in."""
    if not getattr(user, "is_authenticated", False):
        return None
    slug = {"bestuurder": "bestuurder", "beheerder": "beheerder"}.get(user.rol)
    if slug is None and user.partij_id:
        slug = {"huurdersorganisatie": "huurdersorganisatie", "corporatie": "corporatie", "gemeente": "gemeente"}.get(
            user.partij.soort
        )
    return next((p for p in PAGES if p.slug == slug), None)
