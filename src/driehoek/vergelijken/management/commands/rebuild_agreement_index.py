import sys

from django.core.management.base import BaseCommand

from driehoek.vergelijken import services


class Command(BaseCommand):
    help = "Bouw de index voor vergelijkbare afspraken en de SMART-scores opnieuw op (docs/adr/0110)."

    def handle(self, *args, **options):
        def progress(done: int) -> None:
            sys.stderr.write(f"\r{done} afspraken gelezen")
            sys.stderr.flush()

        built = services.build_index(progress=progress)
        sys.stderr.write("\n")
        self.stdout.write(
            f"{built.aantal_afspraken} afspraken geïndexeerd in {built.bouwtijd:.1f} s; "
            f"index {built.grootte / 1_000_000:.1f} MB."
        )
