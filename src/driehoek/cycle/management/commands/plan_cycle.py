from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from driehoek.cycle import services
from driehoek.register.models import Afsprakenset


class Command(BaseCommand):
    help = "Plan de jaarcyclus van een set voor alle jaren van de looptijd die nog niet gepland zijn."

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="slug", required=True, help="Kenmerk van de set.")
        parser.add_argument("--as", dest="username", required=True, help="De secretaris namens wie gepland wordt.")

    def handle(self, *args, slug, username, **options):
        try:
            afsprakenset = Afsprakenset.objects.get(slug=slug)
            user = get_user_model().objects.get(username=username)
        except (Afsprakenset.DoesNotExist, get_user_model().DoesNotExist) as e:
            raise CommandError(f"Onbekende set of gebruiker: {e}") from e
        planned = set(afsprakenset.planitems.values_list("jaar", flat=True))
        years = [y for y in range(afsprakenset.eerste_jaar, afsprakenset.laatste_jaar + 1) if y not in planned]
        try:
            for year in years:
                services.generate_year(user, afsprakenset, year)
        except PermissionDenied as e:
            raise CommandError(f"{username} mag de cyclus van deze set niet plannen.") from e
        self.stdout.write(f"{afsprakenset.titel}: {len(years)} jaar gepland, {len(planned)} al gepland.")
