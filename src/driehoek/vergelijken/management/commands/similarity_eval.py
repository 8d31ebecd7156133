from django.core.management.base import BaseCommand

from driehoek.vergelijken import evaluation


class Command(BaseCommand):
    help = "Precision@5 van elke zoekmethode op de beoordeelde set (docs/adr/0110)."

    def handle(self, *args, **options):
        docs = evaluation.documents()
        queries, pairs = evaluation.judged(docs)
        self.stdout.write(f"{len(docs)} afspraken; {len(queries)} zoekvragen en {len(pairs)} paren beoordeeld.")
        self.stdout.write(f"{'methode':<38} {'vragen':>7} {'paren':>7} {'samen':>7} {'ruis ±':>7}")
        for u in evaluation.evaluate():
            self.stdout.write(f"{u.method:<38} {u.queries:>7.3f} {u.pairs:>7.3f} {u.both:>7.3f} {u.noise:>7.3f}")
