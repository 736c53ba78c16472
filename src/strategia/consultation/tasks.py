"""Background tasks of the consultation (run by ``manage.py db_worker``; immediately in tests)."""

from django.tasks import task

from strategia.consultation.report_services import report_run


@task
def render_report(*, report_id: int) -> None:
    """Render one requested report file (public or internal; DOCX, PDF or XLSX)."""
    report_run(actor=None, report_id=report_id)
