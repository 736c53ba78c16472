"""Periodic jobs of the harmonogram: remind coordinators of activities that should start or end soon."""

from __future__ import annotations

import datetime as dt

from strategia.accounts.enums import MunicipalityRole
from strategia.accounts.models import MunicipalityMembership
from strategia.core.deadlines import local_date
from strategia.core.mail import mail_send
from strategia.core.periodic import mark_once, periodic_job
from strategia.processes.enums import ActivityStatus, ProcessStatus
from strategia.processes.models import Activity

REMINDER_DAYS_AHEAD = 7


def _coordinator_emails(municipality) -> list[str]:
    return sorted(set(
        MunicipalityMembership.objects.filter(
            municipality=municipality, role__in=[MunicipalityRole.ADMINISTRATOR, MunicipalityRole.COORDINATOR],
            user__is_active=True,
        ).values_list("user__email", flat=True)
    ))


@periodic_job("processes.activity_reminders",
              "E-mail coordinators 7 days before an activity's planned start or end (once per activity and date).")
def activity_reminders(now: dt.datetime) -> int:
    today = local_date(now)
    until = today + dt.timedelta(days=REMINDER_DAYS_AHEAD)
    sent = 0
    activities = (Activity.objects.exclude(stage__process__status=ProcessStatus.CLOSED)
                  .select_related("stage__process__municipality"))
    starting = activities.filter(status=ActivityStatus.PLANNED, planned_start__gte=today, planned_start__lte=until)
    ending = activities.filter(status=ActivityStatus.IN_PROGRESS, planned_end__gte=today, planned_end__lte=until)
    for event, queryset, date_field in (("start", starting, "planned_start"), ("end", ending, "planned_end")):
        for activity in queryset:
            day = getattr(activity, date_field)
            if not mark_once(job="processes.activity_reminders", key=f"{activity.pk}:{event}:{day.isoformat()}"):
                continue
            municipality = activity.stage.process.municipality
            recipients = _coordinator_emails(municipality)
            if recipients:
                mail_send(to=recipients, template="processes/email/activity_reminder", municipality=municipality,
                          context={"activity": activity, "event": event, "day": day})
            sent += 1
    return sent
