from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from driehoek.monitoring import services
from driehoek.register.models import Afsprakenset


class Command(BaseCommand):
    help = "Start de monitoring van een jaar van een set (doet niets als die al gestart is)."

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="slug", required=True, help="Kenmerk van de set.")
        parser.add_argument("--year", type=int, required=True, help="Het jaar.")
        parser.add_argument("--as", dest="username", required=True, help="De secretaris namens wie gestart wordt.")

    def handle(self, *args, slug, year, username, **options):
        try:
            afsprakenset = Afsprakenset.objects.get(slug=slug)
            user = get_user_model().objects.get(username=username)
        except (Afsprakenset.DoesNotExist, get_user_model().DoesNotExist) as e:
            raise CommandError(f"Onbekende set of gebruiker: {e}") from e
        if afsprakenset.monitoringsjaren.filter(jaar=year).exists():
            self.stdout.write(f"{afsprakenset.titel}: monitoring {year} was al gestart.")
            return
        try:
            services.start_year(user, afsprakenset, year)
        except (PermissionDenied, ValidationError) as e:
            raise CommandError(f"Niet gestart: {e}") from e
        self.stdout.write(f"{afsprakenset.titel}: monitoring {year} gestart.")
