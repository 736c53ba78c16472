from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "strategia.consultation"
    verbose_name = _("Public consultation")

    def ready(self):
        from strategia.consultation import import_services  # noqa: F401 - registers its @service
