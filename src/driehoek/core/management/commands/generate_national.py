import time

from django.core.management.base import BaseCommand, CommandError

from driehoek.core.synthetic import AlreadyGenerated, Generator


class Command(BaseCommand):
    help = (
        "Maak een verzonnen landelijke dataset (342 gemeenten, ongeveer 280 corporaties, 1.200 afsprakensets, "
        "2,3 miljoen woningen bij --scale 1.0), gemarkeerd als fictief, om Driehoek op landelijke schaal te meten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Deel van het land, bijvoorbeeld 0.01 voor tests.")
        parser.add_argument("--seed", type=int, default=2026, help="Zelfde seed en schaal geven dezelfde data.")

    def handle(self, *args, scale: float, seed: int, **options):
        start = time.monotonic()
        try:
            generator = Generator(scale=scale, seed=seed, progress=self.stderr if options["verbosity"] else None)
            counts = generator.run()
        except ValueError as e:
            raise CommandError(f"--scale moet tussen 0 en 2 liggen ({e}).") from e
        except AlreadyGenerated as e:
            raise CommandError(f"{e} Gebruik een lege database (zie docs/performance.md).") from e
        summary = ", ".join(f"{n:,} {name}".replace(",", ".") for name, n in counts.items())
        self.stdout.write(f"Fictieve landelijke dataset gemaakt in {time.monotonic() - start:.1f} s: {summary}.")
