import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from driehoek.vergelijken import queries


class Command(BaseCommand):
    help = "Zoek afspraken in alle sets (als het systeem), best passende eerst."

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, query, limit, format, **options):
        try:
            results = queries.search(queries.SYSTEM, query, limit=limit)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        write(self, results, format)


def write(command, results, format: str) -> None:
    rows = [r.as_json() for r in results]
    if format == "json":
        command.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        command.stdout.write(f"{row['score']:.3f}  {row['municipality']}  {row['set']}  {row['number']}")
