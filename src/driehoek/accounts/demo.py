"""Demo users for development: one per Aa en Hunze party, a secretary and an administrator."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from .models import Partij, User

# (username, first name, last name, party name or None, role)
DEMO_USERS = [
    ("gemeente", "Gerda", "Gemeente", "Gemeente Aa en Hunze", User.Rol.INVULLER),
    ("secretaris", "Sanne", "Secretaris", "Gemeente Aa en Hunze", User.Rol.SECRETARIS),
    ("woonborg", "Wim", "Woonborg", "Woonborg", User.Rol.INVULLER),
    ("volmacht", "Vera", "Volmacht", "Woningstichting De Volmacht", User.Rol.INVULLER),
    ("woonzorg", "Willem", "Woonzorg", "Woonzorg Nederland", User.Rol.INVULLER),
    ("ahwoon", "Anton", "AH WOON", "Algemene Huurdersvereniging WOON", User.Rol.INVULLER),
    ("deelmacht", "Dirk", "Deelmacht", "Huurdersvereniging De Deelmacht", User.Rol.INVULLER),
    ("beheerder", "Bea", "Beheerder", None, User.Rol.BEHEERDER),
]


@transaction.atomic
def create_demo_users() -> list[User]:
    """Create or reset the demo users. Refused where the settings do not allow demo users."""
    if not settings.DEMO_USERS_ALLOWED:
        raise ImproperlyConfigured("Demo-gebruikers zijn in deze omgeving niet toegestaan.")
    users = []
    for username, first, last, party_name, rol in DEMO_USERS:
        partij = Partij.objects.get(naam=party_name) if party_name else None
        user, _created = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.partij, user.rol = partij, rol
        user.is_staff = rol == User.Rol.BEHEERDER  # the admin is the administrator's (docs/adr/0085)
        user.is_superuser = rol == User.Rol.BEHEERDER
        user.set_password(settings.DEMO_PASSWORD)
        user._change_reason = "create_demo_users"
        user.save()
        users.append(user)
    return users
