import json

from django.core.management.base import BaseCommand, CommandError

from driehoek.register.models import Afsprakenset
from driehoek.register.opendata import export_sets


class Command(BaseCommand):
    help = "Schrijf het afsprakenregister in Driehoeks open-dataformaat (docs/open-data-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="slug", help="Alleen deze set (kenmerk).")
        parser.add_argument("--format", default="json", choices=["json"], help="Uitvoerformaat.")
        parser.add_argument("--output", "-o", help="Schrijf naar dit bestand in plaats van naar standaarduitvoer.")

    def handle(self, *args, slug=None, output=None, **options):
        sets = Afsprakenset.objects.select_related("gemeente", "bovenliggende_set").order_by("slug")
        if slug:
            sets = sets.filter(slug=slug)
            if not sets.exists():
                raise CommandError(f"Er is geen set met kenmerk “{slug}”.")
        text = json.dumps(export_sets(sets), ensure_ascii=False, indent=2) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as f:
                f.write(text)
        else:
            self.stdout.write(text, ending="")
