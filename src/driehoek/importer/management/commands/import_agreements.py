import json
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from driehoek.accounts.models import User
from driehoek.importer import extract, proposal, services


class Command(BaseCommand):
    help = (
        "Lees een afsprakendocument (PDF met tekstlaag of tekstbestand) en stel een conceptset voor. "
        "--format json schrijft het voorstel in het open-dataformaat; --save bewaart het als document "
        "om te beoordelen in de browser (er komt niets in het register tot iemand het aanvaardt)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--municipality", help="De gemeente, als het document haar niet zelf noemt.")
        parser.add_argument(
            "--format", choices=["json", "text"], default="text", help="Uitvoer: json of een samenvatting."
        )
        parser.add_argument("--save", action="store_true", help="Bewaar als brondocument met conceptset.")
        parser.add_argument(
            "--accept",
            action="store_true",
            help="Met --save: zet de conceptset meteen in het register (status concept), zonder beoordeling.",
        )
        parser.add_argument(
            "--as", dest="username", help="Gebruiker die inleest (bij --save; standaard de eerste beheerder)."
        )

    def handle(self, *args, file, municipality=None, format="text", save=False, accept=False, username=None, **options):
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as e:
            raise CommandError(f"{file}: kan het bestand niet lezen ({e.strerror}).") from e
        started = time.perf_counter()
        try:
            result = proposal.propose(path.name, content, municipality=municipality, progress=self._progress)
        except extract.DocumentError as e:
            raise CommandError(f"{file}: {e}") from e
        seconds = time.perf_counter() - started
        self.stderr.write("")
        s = result.set
        agreements = sum(len(t["agreements"]) for t in s["themes"])
        self.stderr.write(
            f"{file}: {len(s['themes'])} thema's, {agreements} afspraken, {len(s['parties'])} partijen, "
            f"{result.pages} pagina's in {seconds:.2f} s ({1000 * seconds / result.pages:.0f} ms per pagina)."
        )
        for note in result.notes:
            self.stderr.write(f"  - {note}")
        if format == "json":
            self.stdout.write(json.dumps(result.data, ensure_ascii=False, indent=2))
        else:
            for t in s["themes"]:
                self.stdout.write(f"{t['number']} {t['title']}: " + ", ".join(a["number"] for a in t["agreements"]))
        if save:
            user = self._user(username)
            try:
                document = services.upload(user, path.name, content, municipality=municipality)
            except extract.DocumentError as e:
                raise CommandError(f"{file}: {e}") from e
            self.stderr.write(f"Bewaard als brondocument {document.pk}: beoordelen op {document.get_absolute_url()}")
            if accept:
                try:
                    afsprakenset = services.accept(user, document)
                except services.AanvaardFout as e:
                    raise CommandError("Niet aanvaard:\n" + "\n".join(f"  - {p}" for p in e.problems)) from e
                self.stderr.write(f"In het register als concept: {afsprakenset.slug}")

    def _user(self, username: str | None) -> User:
        users = User.objects.filter(is_active=True)
        user = users.filter(username=username).first() if username else users.filter(rol=User.Rol.BEHEERDER).first()
        if user is None:
            raise CommandError("Geen gebruiker om namens in te lezen; geef --as GEBRUIKERSNAAM.")
        return user

    def _progress(self, what: str) -> None:
        if sys.stderr.isatty():
            self.stderr.write(f"\r… {what}".ljust(60), ending="")
