"""The strategy process and its harmonogram: stages, activities, the council's resolutions, schedule changes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from strategia.processes import activity_types
from strategia.processes.enums import (
    ActivityStatus,
    DatePrecision,
    ProcessStatus,
    ResolutionKind,
    ScheduleChangeStatus,
)
from strategia.processes.periods import period_label


class StrategyProcess(models.Model):
    municipality = models.ForeignKey("core.Municipality", on_delete=models.PROTECT, related_name="processes")
    slug = models.SlugField(_("address in the portal"), max_length=80)
    title = models.CharField(_("title"), max_length=300,
                             help_text=_("e.g. Strategia rozwoju gminy Konstancin-Jeziorna do 2030 roku"))
    horizon_year = models.PositiveSmallIntegerField(_("horizon (year)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProcessStatus.choices,
                              default=ProcessStatus.PREPARATION)
    summary = models.TextField(_("what the strategy is"), blank=True,
                               help_text=_("A few sentences for residents on the home page."))
    blueprint = models.CharField(_("template"), max_length=60, blank=True)
    shift_to_working_day = models.BooleanField(
        _("move deadlines falling on a day off to the next working day"), default=True,
        help_text=_("When the last day of a period is a Saturday, Sunday or public holiday, the period ends on "
                    "the next working day."),
    )
    legal_basis = models.TextField(
        _("legal basis of the resolution on the procedure"), blank=True,
        help_text=_("One citation per line; edit when the consolidated texts (Dz.U.) change."),
    )
    consultation_procedure = models.TextField(
        _("consultation procedure"), blank=True,
        help_text=_("Forms and channels of the consultation, as the council's resolution states them."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("strategy process")
        verbose_name_plural = _("strategy processes")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="unique_process_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("processes:schedule", kwargs={"municipality_slug": self.municipality.slug,
                                                     "process_slug": self.slug})

    def get_municipality(self):
        return self.municipality

    def statutory_deadline(self, *, rule, event_day):
        """A statutory period counted from ``event_day`` under this process's day-off setting."""
        from strategia.core.deadlines import statutory_deadline

        return statutory_deadline(rule=rule, event_day=event_day, shift_to_working_day=self.shift_to_working_day)

    @property
    def procedure_resolution(self):
        return next((r for r in self.resolutions.all() if r.kind == ResolutionKind.PROCEDURE), None)

    @property
    def schedule_is_fixed(self) -> bool:
        """Planned dates are fixed once the council's resolution on the procedure is recorded."""
        return self.resolutions.filter(kind=ResolutionKind.PROCEDURE).exists()


class Resolution(models.Model):
    """A council resolution about the process: the procedure and schedule (art. 10f ust. 1 u.s.g.) or an
    amendment of the schedule. The file is optional; none is invented."""

    process = models.ForeignKey(StrategyProcess, on_delete=models.CASCADE, related_name="resolutions")
    kind = models.CharField(_("kind"), max_length=20, choices=ResolutionKind.choices)
    number = models.CharField(_("number"), max_length=60)
    adopted_on = models.DateField(_("adopted on"))
    title = models.CharField(_("title"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="resolutions/", blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("council resolution")
        verbose_name_plural = _("council resolutions")
        ordering = ["adopted_on", "id"]

    def __str__(self) -> str:
        return _("Resolution no. %(number)s of %(date)s") % {
            "number": self.number, "date": self.adopted_on.strftime("%d.%m.%Y")
        }

    def get_municipality(self):
        return self.process.municipality


class PlannedPeriod(models.Model):
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    planned_precision = models.CharField(_("planned as"), max_length=10, choices=DatePrecision.choices,
                                         default=DatePrecision.QUARTER)

    class Meta:
        abstract = True

    @property
    def planned_label(self) -> str:
        return period_label(self.planned_start, self.planned_end, self.planned_precision)


class Stage(PlannedPeriod):
    process = models.ForeignKey(StrategyProcess, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["process", "number"], name="unique_stage_number"),
            models.CheckConstraint(condition=models.Q(planned_end__gte=models.F("planned_start")),
                                   name="stage_end_after_start"),
        ]

    def __str__(self) -> str:
        return _("Stage %(number)s") % {"number": self.number}

    def get_municipality(self):
        return self.process.municipality


class Activity(PlannedPeriod):
    """A row of the harmonogram."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="activities")
    number = models.CharField(_("number"), max_length=10, help_text=_("As in the resolution, e.g. 1.2 or 4."))
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("wording"), max_length=500)
    short_title = models.CharField(_("short name"), max_length=200)
    description = models.TextField(_("description for residents"), blank=True)
    activity_type = models.CharField(_("type"), max_length=40, choices=activity_types.choices,
                                     default=activity_types.GENERIC)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActivityStatus.choices,
                              default=ActivityStatus.PLANNED)
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["stage__number", "position"]
        constraints = [
            models.UniqueConstraint(fields=["stage", "number"], name="unique_activity_number"),
            models.CheckConstraint(condition=models.Q(planned_end__gte=models.F("planned_start")),
                                   name="activity_end_after_start"),
            models.CheckConstraint(
                condition=models.Q(actual_end__isnull=True) | models.Q(actual_start__isnull=True)
                | models.Q(actual_end__gte=models.F("actual_start")),
                name="activity_actual_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stage.number}.{self.number} {self.short_title}"

    def get_absolute_url(self) -> str:
        process = self.stage.process
        return reverse("processes:activity", kwargs={
            "municipality_slug": process.municipality.slug, "process_slug": process.slug, "activity_id": self.pk,
        })

    def get_municipality(self):
        return self.stage.process.municipality

    @property
    def type(self) -> activity_types.ActivityType:
        return activity_types.get(self.activity_type)

    @property
    def full_number(self) -> str:
        return f"{self.stage.number}.{self.number}"

    @property
    def is_current(self) -> bool:
        return self.status == ActivityStatus.IN_PROGRESS


class ScheduleChange(models.Model):
    """A coordinator's change of planned dates after the schedule was fixed: a "projekt zmiany harmonogramu"
    until the council's amending resolution is recorded."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="schedule_changes")
    proposed_start = models.DateField(_("proposed start"))
    proposed_end = models.DateField(_("proposed end"))
    proposed_precision = models.CharField(_("planned as"), max_length=10, choices=DatePrecision.choices)
    reason = models.TextField(_("reason for the change"))
    status = models.CharField(_("status"), max_length=20, choices=ScheduleChangeStatus.choices,
                              default=ScheduleChangeStatus.PENDING)
    resolution = models.ForeignKey(Resolution, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="schedule_changes")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("draft schedule change")
        verbose_name_plural = _("draft schedule changes")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(proposed_end__gte=models.F("proposed_start")),
                                   name="schedule_change_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.activity}: {self.proposed_label}"

    def get_municipality(self):
        return self.activity.stage.process.municipality

    @property
    def proposed_label(self) -> str:
        return period_label(self.proposed_start, self.proposed_end, self.proposed_precision)
