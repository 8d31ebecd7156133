from django.conf import settings
from django.core.management.base import BaseCommand

from driehoek.accounts import permissions_table


class Command(BaseCommand):
    help = "Write the permissions table into docs/authorization.md from accounts/permissions_table.py."

    def handle(self, *args, **options):
        path = settings.BASE_DIR / "docs" / "authorization.md"
        permissions_table.write_docs(path)
        self.stdout.write(f"{path}: {len(permissions_table.cells())} cells")
