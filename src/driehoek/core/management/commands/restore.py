from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from driehoek.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Zet een back-up terug (make restore FILE=var/backups/...); wat er nu in de database staat, vervalt."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="De map van de back-up.")
        parser.add_argument("--noinput", action="store_false", dest="interactive", help="Niet om bevestiging vragen.")

    def handle(self, *args, folder, interactive=True, **options):
        if interactive:
            answer = input(f"Alles in de database vervangen door de back-up in {folder}? Typ 'ja': ")
            if answer.strip().lower() != "ja":
                raise CommandError("Niets teruggezet.")
        try:
            restore(Path(folder))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Back-up {folder} teruggezet.")
