import time

from django.core.management.base import BaseCommand

from driehoek.reports import samenvatting


class Command(BaseCommand):
    help = (
        "Bouw alle jaaroverzichten van het landelijk overzicht opnieuw op uit de beoordelingen, doelen en "
        "aanleveringen (na een bulk-import of een release die ze raakt; docs/adr/0120)."
    )

    def handle(self, *args, **options):
        start = time.monotonic()
        n = samenvatting.rebuild(stream=self.stderr if options["verbosity"] else None)
        self.stdout.write(f"{n} jaaroverzichten opgebouwd in {time.monotonic() - start:.1f} s.")
