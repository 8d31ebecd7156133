import json
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from driehoek.accounts.models import Partij
from driehoek.figures.models import Aanlevering, Koppeling, Voorraadtelling
from driehoek.register.models import Gemeente, Indicator
from driehoek.reports import samenvatting


class Command(BaseCommand):
    help = "Laad de cijfers die de documenten zelf geven en de koppelingen met indicatoren (data/*/cijfers.json)."

    @transaction.atomic
    def handle(self, *args, **options):
        added = linked = 0
        for path in sorted(settings.DATA_DIR.glob("*/cijfers.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            for row in data.get("aanleveringen", []):
                gemeente = Gemeente.objects.get(naam=row["gemeente"])
                corporatie = Partij.objects.get(naam=row["corporatie"])
                peildatum = date.fromisoformat(row["peildatum"])
                lookup = {"gemeente": gemeente, "corporatie": corporatie, "soort": row["soort"], "peildatum": peildatum}
                if Aanlevering.objects.filter(**lookup).exists():
                    continue
                aanlevering = Aanlevering.objects.create(**lookup, bron=row["bron"], rijen=1)
                Voorraadtelling.objects.create(aanlevering=aanlevering, aantal=row["aantal"])
                added += 1
            for row in data.get("koppelingen", []):
                indicator = Indicator.objects.get(
                    afspraak__afsprakenset__slug=row["set"],
                    afspraak__nummer=row["afspraak"],
                    omschrijving=row["indicator"],
                )
                _obj, created = Koppeling.objects.get_or_create(
                    indicator=indicator, defaults={"berekening": row["berekening"]}
                )
                linked += created
                samenvatting.refresh(indicator.afspraak.afsprakenset)  # a net-additions target shows nationally
        self.stdout.write(f"{added} aanlevering(en) en {linked} koppeling(en) uit de documenten geladen.")
