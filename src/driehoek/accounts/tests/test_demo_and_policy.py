import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from driehoek.accounts import policy
from driehoek.accounts.models import Partij, User
from driehoek.register.models import Afsprakenset

pytestmark = pytest.mark.django_db


def test_demo_users_one_per_party_plus_secretary_and_administrator(settings):
    call_command("create_demo_users")
    call_command("create_demo_users")  # twice duplicates nothing
    users = {u.username: u for u in User.objects.filter(email__endswith="@example.org")}
    assert len(users) == 8
    parties = {u.partij.naam for u in users.values() if u.partij}
    assert parties == set(Partij.objects.filter(deelnames__isnull=False).values_list("naam", flat=True))
    # The admin is the administrator's (docs/adr/0085): the secretary is no staff.
    assert users["secretaris"].rol == User.Rol.SECRETARIS and not users["secretaris"].is_staff
    assert users["beheerder"].is_superuser and users["beheerder"].is_staff and users["beheerder"].partij is None
    assert users["ahwoon"].check_password(settings.DEMO_PASSWORD)


@override_settings(DEMO_USERS_ALLOWED=False)
def test_demo_users_are_refused_where_not_allowed():
    with pytest.raises(CommandError, match="niet toegestaan"):
        call_command("create_demo_users")
    assert not User.objects.filter(username="beheerder").exists()


def test_only_the_administrator_changes_the_register_in_the_admin(user_factory):
    kader = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    gemeente = Partij.objects.get(naam="Gemeente Aa en Hunze")
    woonborg = Partij.objects.get(naam="Woonborg")
    secretaris = user_factory(partij=gemeente, rol=User.Rol.SECRETARIS)
    corporatie_secretaris = user_factory(partij=woonborg, rol=User.Rol.SECRETARIS)
    invuller = user_factory(partij=gemeente, rol=User.Rol.INVULLER)
    beheerder = user_factory(rol=User.Rol.BEHEERDER)
    other_secretary = user_factory(
        partij=Partij.objects.create(naam="Gemeente Fictief", korte_naam="Fictief", soort="gemeente"),
        rol=User.Rol.SECRETARIS,
    )
    assert policy.can(beheerder, policy.CHANGE_REGISTER, kader)
    for user in (secretaris, corporatie_secretaris, invuller, other_secretary):
        assert not policy.can(user, policy.CHANGE_REGISTER, kader)
    assert policy.can(invuller, policy.VIEW_SET, kader)
    assert not policy.can(other_secretary, policy.VIEW_SET, kader)
    with pytest.raises(ValueError):
        policy.can(secretaris, "alles_mag", kader)


def test_admin_follows_the_policy(client, user_factory):
    gemeente = Partij.objects.get(naam="Gemeente Aa en Hunze")
    kader = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    afspraak = kader.afspraken.get(nummer="5")
    client.force_login(user_factory(rol=User.Rol.BEHEERDER, is_superuser=True))
    url = f"/beheer/register/afspraak/{afspraak.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.get("/beheer/accounts/user/").status_code == 200

    secretaris = user_factory(partij=gemeente, rol=User.Rol.SECRETARIS, is_staff=True)
    client.force_login(secretaris)
    for page in (url, "/beheer/", "/beheer/accounts/user/"):
        assert client.get(page).status_code == 403  # the admin is not theirs

    outsider = user_factory(
        partij=Partij.objects.create(naam="Gemeente Fictief", korte_naam="Fictief", soort="gemeente"),
        rol=User.Rol.SECRETARIS,
        is_staff=True,
    )
    client.force_login(outsider)
    assert client.get(url).status_code in (302, 403, 404)
    assert client.get("/beheer/register/afspraak/").status_code == 403


def test_signed_agreement_text_is_read_only_in_the_admin(client, user_factory):
    afspraak = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031").afspraken.get(nummer="5")
    client.force_login(user_factory(rol=User.Rol.BEHEERDER, is_superuser=True))
    html = client.get(f"/beheer/register/afspraak/{afspraak.pk}/change/").content.decode()
    assert 'name="tekst"' not in html and "Om te garanderen dat Aa en Hunze" in html
