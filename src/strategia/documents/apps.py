from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "strategia.documents"
    verbose_name = _("Strategy documents")

    def ready(self):
        # Service modules other than services.py register their @service functions on import.
        from strategia.documents import (  # noqa: F401
            export_services,
            generate_services,
            import_services,
        )
