from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessStatus(models.TextChoices):
    PREPARATION = "preparation", _("in preparation")
    IN_PROGRESS = "in_progress", _("in progress")
    ADOPTED = "adopted", _("strategy adopted")
    MONITORING = "monitoring", _("monitoring")
    CLOSED = "closed", _("closed")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")


class DatePrecision(models.TextChoices):
    QUARTER = "quarter", _("quarters")
    MONTH = "month", _("months")
    DAY = "day", _("exact dates")


class ResolutionKind(models.TextChoices):
    PROCEDURE = "procedure", _("resolution on the procedure and schedule (art. 10f ust. 1 u.s.g.)")
    AMENDMENT = "amendment", _("resolution amending the schedule")


class ScheduleChangeStatus(models.TextChoices):
    PENDING = "pending", _("draft change awaiting a resolution")
    ADOPTED = "adopted", _("adopted by resolution")
    WITHDRAWN = "withdrawn", _("withdrawn")
