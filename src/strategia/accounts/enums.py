from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityRole(models.TextChoices):
    """Roles in the municipality's office; all of them require TOTP in production."""

    ADMINISTRATOR = "administrator", _("administrator")
    COORDINATOR = "coordinator", _("strategy coordinator")
    STAFF = "staff", _("staff member")
    CONTRACTOR = "contractor", _("contractor")
    APPROVER = "approver", _("approver")


class ProcessRole(models.TextChoices):
    TEAM_MEMBER = "team_member", _("thematic team member")
    STAKEHOLDER = "stakeholder", _("stakeholder representative")
    EVALUATOR = "evaluator", _("evaluator")
    COUNCILLOR = "councillor", _("councillor (read-only)")
