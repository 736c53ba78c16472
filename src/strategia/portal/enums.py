from django.db import models
from django.utils.translation import gettext_lazy as _


class PageCode(models.TextChoices):
    """Portal pages that can carry a Polish Sign Language (PJM) recording."""

    TAKE_PART = "take_part", _("How to take part (both versions)")


class AccessibilityStatus(models.TextChoices):
    """Compliance with the digital accessibility act, as the statement declares it (art. 10 ust. 4)."""

    COMPLIANT = "compliant", _("compliant (zgodna)")
    PARTIALLY_COMPLIANT = "partially_compliant", _("partially compliant (częściowo zgodna)")
    NON_COMPLIANT = "non_compliant", _("non-compliant (niezgodna)")


class AssessmentMethod(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("self-assessment by the office")
    EXTERNAL_AUDIT = "external_audit", _("audit by an external body")
