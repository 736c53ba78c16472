import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from strategia.core.periodic import PERIODIC_JOBS, run_all


class Command(BaseCommand):
    help = "Run every periodic job once (scheduled publication, reminders, statutory clocks); --loop repeats."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Repeat every PERIODIC_INTERVAL_SECONDS.")

    def handle(self, *args, loop=False, **options):
        while True:
            results = run_all(now=timezone.now())
            for name, count in results.items():
                self.stdout.write(f"{name}: {count}")
            if not loop:
                if any(count < 0 for count in results.values()):
                    raise SystemExit(1)
                return
            time.sleep(settings.PERIODIC_INTERVAL_SECONDS)

    @staticmethod
    def job_names():
        return sorted(PERIODIC_JOBS)
