"""The policy reads a set's visibility once per request, never longer (docs/adr/0185).

The signed-in user of a request carries that request's answers; every request loads its user anew,
so a party taken out of a set loses it on its next request. A user object from anywhere else asks
the database every time.
"""

import pytest

from django.contrib.auth import get_user_model

from driehoek.accounts import policy
from driehoek.accounts.backends import UserBackend
from driehoek.accounts.models import Partij, User
from driehoek.register.models import Afsprakenset, Deelname, Gemeente

pytestmark = pytest.mark.django_db


@pytest.fixture
def kader(db):
    """A set not yet signed, so that a party can leave it."""
    gemeente = Gemeente.objects.create(naam="Zandvoort aan Zee", provincie="Noord-Holland")
    return Afsprakenset.objects.create(
        gemeente=gemeente, slug="zandvoort-2026", soort="prestatieafspraken", titel="Afspraken Zandvoort",
        eerste_jaar=2026, laatste_jaar=2027,
    )  # fmt: skip


@pytest.fixture
def people(kader, user_factory):
    inside = Partij.objects.create(naam="Woonstichting Zandvoort", korte_naam="WZ", soort="corporatie")
    outside = Partij.objects.create(naam="Woonstichting Elders", korte_naam="WE", soort="corporatie")
    Deelname.objects.create(afsprakenset=kader, partij=inside, volgorde=1)
    return {
        "woonborg": user_factory(username="binnen", partij=inside, rol=User.Rol.INVULLER),
        "buitenstaander": user_factory(username="buiten", partij=outside, rol=User.Rol.INVULLER),
    }


@pytest.fixture
def guest(kader, people):
    """The outsider's party taken into the set: it sees the set until its deelname goes."""
    user = people["buitenstaander"]
    deelname = Deelname.objects.create(afsprakenset=kader, partij=user.partij, volgorde=2)
    return user, deelname


def test_a_request_user_asks_the_visibility_of_a_set_once(kader, guest, django_assert_num_queries):
    user = UserBackend().get_user(guest[0].pk)
    with django_assert_num_queries(1):
        assert policy.can(user, policy.VIEW_SET, kader)
    with django_assert_num_queries(0):
        assert policy.can(user, policy.VIEW_SET, kader)
        assert policy.can(user, policy.REPORT_DISPUTE, kader)


def test_the_answers_do_not_outlive_the_request(client, kader, guest):
    user, deelname = guest
    client.force_login(user)
    assert client.get(kader.get_absolute_url()).status_code == 200
    deelname.delete()
    assert client.get(kader.get_absolute_url()).status_code == 404


def test_a_user_object_from_elsewhere_asks_every_time(kader, guest):
    user, deelname = guest
    assert policy.can(user, policy.VIEW_SET, kader)
    deelname.delete()
    assert not policy.can(user, policy.VIEW_SET, kader)
    assert not policy.can(get_user_model().objects.get(pk=user.pk), policy.VIEW_SET, kader)


def test_one_users_answers_are_not_anothers(kader, people):
    inside = UserBackend().get_user(people["woonborg"].pk)
    outside = UserBackend().get_user(people["buitenstaander"].pk)
    assert policy.can(inside, policy.VIEW_SET, kader)
    assert not policy.can(outside, policy.VIEW_SET, kader)
    assert inside.policy_answers is not outside.policy_answers
