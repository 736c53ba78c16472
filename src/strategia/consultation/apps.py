from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "strategia.consultation"
    verbose_name = _("Public consultation")

    def ready(self):
        # Register their @service functions (the audit registry lists every one).
        from strategia.consultation import (  # noqa: F401
            addressee_services,
            import_services,
            report_services,
            review_services,
        )
