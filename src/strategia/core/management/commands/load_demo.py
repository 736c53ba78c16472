from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from strategia.core.deadlines import today_local


class Command(BaseCommand):
    help = ("Load the Konstancin-Jeziorna demo (sample data). Idempotent. By default today falls in the public "
            "consultation; --at moves the dates so that another activity runs today.")

    def add_arguments(self, parser):
        parser.add_argument("--at", default="2.3",
                            help="Activity running today: stage and number (1.1.2 = stage 1, item 1.2; "
                                 "2.3 = stage 2, item 3) or its type (e.g. diagnosis, consultation).")

    @transaction.atomic
    def handle(self, *args, at="2.3", **options):
        from strategia.accounts.demo import users_load
        from strategia.consultation.demo import consultation_load
        from strategia.core.localities import localities_load
        from strategia.documents.demo import documents_load
        from strategia.news.demo import news_load
        from strategia.portal.demo import portal_load
        from strategia.processes.demo import municipality_load, process_load
        from strategia.proposals.demo import proposals_load

        today = today_local()
        municipality = municipality_load()
        localities_load(gmina=municipality.unit)
        try:
            process = process_load(municipality=municipality, today=today, anchor=at)
        except ValueError as error:
            raise CommandError(str(error)) from error
        users_load(municipality=municipality, process=process)
        proposals_load(process=process, today=today)
        news_load(municipality=municipality, process=process, today=today)
        portal_load(municipality=municipality, today=today)
        document = documents_load(process=process, today=today)
        _request_demo_exports(document)
        consultation = consultation_load(process=process, today=today)
        self.stdout.write(self.style.SUCCESS(
            f"Demo loaded: {municipality.name}, {process.title}; today is in activity {at}."
        ))
        if consultation is not None:
            self.stdout.write(f"Consultation: {consultation.remarks.count()} remarks, "
                              f"report {'published' if consultation.report_published_at else 'not published'}.")


def _request_demo_exports(document) -> None:
    """Ask the task worker for the DOCX and PDF of every frozen version (once: ready files are reused)."""
    from strategia.documents.enums import ExportFormat
    from strategia.documents.export_services import export_request
    from strategia.documents.selectors import versions_frozen

    for version in versions_frozen(document=document):
        for export_format in (ExportFormat.DOCX, ExportFormat.PDF):
            export_request(actor=None, version=version, format=export_format)
