from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "strategia.processes"
    verbose_name = _("Strategy processes and schedules")
