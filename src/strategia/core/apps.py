from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "strategia.core"
    verbose_name = _("Core")

    def ready(self):
        # Fill the registries: write services (audit) and periodic jobs of every app.
        autodiscover_modules("services")
        autodiscover_modules("jobs")
