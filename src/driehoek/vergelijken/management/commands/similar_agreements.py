from django.core.management.base import BaseCommand, CommandError

from driehoek.register.models import Afspraak
from driehoek.vergelijken import queries

from .search_agreements import write


class Command(BaseCommand):
    help = "De meest gelijkende afspraken bij een afspraak, over alle sets (als het systeem)."

    def add_arguments(self, parser):
        parser.add_argument("set_slug")
        parser.add_argument("number")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--other-municipalities-only", action="store_true")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, set_slug, number, limit, other_municipalities_only, format, **options):
        afspraak = (
            Afspraak.objects.filter(afsprakenset__slug=set_slug, nummer=number).select_related("afsprakenset").first()
        )
        if afspraak is None:
            raise CommandError(f"Afspraak {number} in set {set_slug} bestaat niet.")
        results = queries.similar(
            queries.SYSTEM, afspraak, limit=limit, other_municipalities_only=other_municipalities_only
        )
        write(self, results, format)
