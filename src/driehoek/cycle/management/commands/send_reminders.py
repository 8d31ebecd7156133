from django.core.management.base import BaseCommand

from driehoek.cycle.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Zet het versturen van de herinneringen van vandaag in de wachtrij (de worker, manage.py db_worker, "
        "verstuurt ze). Draai dit dagelijks, bijvoorbeeld met cron of een systemd-timer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Verstuur direct, zonder wachtrij.")

    def handle(self, *args, now=False, **options):
        if now:
            self.stdout.write(f"{send_reminders.call()} herinnering(en) verstuurd.")
        else:
            result = send_reminders.enqueue()
            self.stdout.write(f"In de wachtrij gezet: {result.id}")
