"""Background tasks of documents (Django's ``django.tasks``; run by ``manage.py db_worker`` in demo and
production, immediately in tests). Arguments are JSON-able ids; the work lives in the services."""

from django.tasks import task

from strategia.documents.export_services import export_run


@task
def render_export(*, export_id: int) -> None:
    """Render one requested export (DOCX or PDF) of a frozen version into its stored file."""
    export_run(actor=None, export_id=export_id)
