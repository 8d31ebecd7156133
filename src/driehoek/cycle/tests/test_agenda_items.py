"""Tenant associations put items on a meeting's agenda (domain review, "Tenant role")."""

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from driehoek.cycle import services

pytestmark = pytest.mark.django_db


def test_a_tenant_association_puts_an_item_on_the_agenda_until_the_minutes_begin(kader, people):
    ao = services.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO najaar")
    point = services.add_agenda_item(people["ahwoon"], ao, "Huurdersmanifest Drenthe", "Graag bespreken.")
    assert (point.ingebracht_door.korte_naam, point.volgorde) == ("AH WOON", ao.agendapunten.count())
    assert point.history.first().history_user == people["ahwoon"]
    for name in ("woonborg", "lezer", "buitenstaander"):
        with pytest.raises(PermissionDenied):
            services.add_agenda_item(people[name], ao, "Iets")
    with pytest.raises(ValidationError):
        services.add_agenda_item(people["deelmacht"], ao, "  ")
    services.write_minutes(people["secretaris"], ao, "Aanwezig: allen.")
    with pytest.raises(ValidationError, match="agenda staat vast"):
        services.add_agenda_item(people["deelmacht"], ao, "Te laat")
