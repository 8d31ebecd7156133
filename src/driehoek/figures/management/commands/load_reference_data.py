import csv
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from driehoek.figures.models import Referentiejaar

FIELDS = {
    "kwaliteitskortingsgrens": "kwaliteitskortingsgrens",
    "eerste_aftoppingsgrens": "eerste_aftoppingsgrens",
    "tweede_aftoppingsgrens": "tweede_aftoppingsgrens",
    "maximale_huurgrens_huurtoeslag": "daeb_huurgrens",
    "liberalisatiegrens_middenhuur": "liberalisatiegrens_middenhuur",
    "daeb_inkomensgrens_1p": "daeb_inkomensgrens_1p",
    "daeb_inkomensgrens_mp": "daeb_inkomensgrens_mp",
    "passend_1p": "passend_1p",
    "passend_mp": "passend_mp",
    "passend_1p_aow": "passend_1p_aow",
    "passend_mp_aow": "passend_mp_aow",
}


class Command(BaseCommand):
    help = "Laad de huur- en inkomensgrenzen uit data/referentie/ (bestaande jaren blijven ongemoeid)."

    @transaction.atomic
    def handle(self, *args, **options):
        path = settings.DATA_DIR / "referentie" / "huur-en-inkomensgrenzen.csv"
        added = 0
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if Referentiejaar.objects.filter(jaar=int(row["jaar"])).exists():
                    continue
                values = {
                    field: (Decimal(row[column]) if row.get(column) else None) for column, field in FIELDS.items()
                }
                Referentiejaar.objects.create(jaar=int(row["jaar"]), bronnen=row["bronnen"], **values)
                added += 1
        self.stdout.write(f"{added} jaar huur- en inkomensgrenzen geladen uit {path.name}.")
