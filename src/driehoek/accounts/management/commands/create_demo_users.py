from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from driehoek.accounts.demo import create_demo_users
from driehoek.accounts.models import Partij


class Command(BaseCommand):
    help = "Maak de demo-gebruikers aan (alleen in ontwikkeling). De Aa en Hunze-gegevens moeten al geladen zijn."

    def handle(self, *args, **options):
        try:
            users = create_demo_users()
        except ImproperlyConfigured as e:
            raise CommandError(str(e)) from e
        except Partij.DoesNotExist as e:
            raise CommandError("Laad eerst de Aa en Hunze-gegevens (make setup).") from e
        self.stdout.write(f"{len(users)} demo-gebruikers klaar: {', '.join(u.username for u in users)}.")
