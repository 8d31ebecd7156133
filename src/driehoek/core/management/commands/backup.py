from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from driehoek.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Maak een back-up van de database en de geüploade bestanden (een map onder var/backups/)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Schrijf de back-up naar deze (nieuwe) map.")

    def handle(self, *args, output=None, **options):
        try:
            folder = backup(Path(output) if output else None)
        except (BackupError, FileExistsError) as exc:
            raise CommandError(str(exc)) from exc
        size = sum(f.stat().st_size for f in folder.iterdir())
        self.stdout.write(f"Back-up gemaakt in {folder} ({size / 1_000_000:.1f} MB).")
        self.stdout.write(f"Terugzetten: make restore FILE={folder}")
