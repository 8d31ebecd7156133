import json

from django.core.management.base import BaseCommand, CommandError

from driehoek.register.opendata import RegisterFormatError, import_sets


class Command(BaseCommand):
    help = (
        "Lees een afsprakenregister in Driehoeks open-dataformaat. Alles of niets: bij een fout wordt niets "
        "opgeslagen. Een set die al bestaat wordt bijgewerkt tot de inhoud van het bestand."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--skip-existing", action="store_true", help="Laat sets die al bestaan ongemoeid (voor make setup)."
        )

    def handle(self, *args, files, skip_existing=False, **options):
        for path in files:
            try:
                with open(path, encoding="utf-8") as f:
                    data = json.load(f)
            except OSError as e:
                raise CommandError(f"{path}: kan het bestand niet lezen ({e.strerror}).") from e
            except json.JSONDecodeError as e:
                raise CommandError(f"{path}: geen geldige JSON (regel {e.lineno}, kolom {e.colno}: {e.msg}).") from e
            try:
                result = import_sets(data, skip_existing=skip_existing, progress=self._progress)
            except RegisterFormatError as e:
                raise CommandError(
                    f"{path}: niets opgeslagen, want:\n" + "\n".join(f"  - {p}" for p in e.problems)
                ) from e
            self.stdout.write(
                f"{path}: sets {result['nieuw']} nieuw, {result['gewijzigd']} gewijzigd, "
                f"{result['ongewijzigd']} ongewijzigd, {result['overgeslagen']} overgeslagen; "
                f"{result['wijzigingen']} rijen geschreven."
            )

    def _progress(self, done: int, total: int, slug: str) -> None:
        width = 30
        filled = width * done // total
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {slug}", ending="")
        if done == total:
            self.stderr.write("")
