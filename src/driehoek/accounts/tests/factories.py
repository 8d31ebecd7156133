import factory

from driehoek.accounts.models import Partij, User


class PartijFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partij
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Fictieve Corporatie {n}")
    korte_naam = factory.LazyAttribute(lambda p: p.naam.split()[-1])
    soort = Partij.Soort.CORPORATIE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    rol = User.Rol.INVULLER
    partij = None
    password = factory.django.Password("geheim-wachtwoord-123")
