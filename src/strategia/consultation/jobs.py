"""Periodic jobs of the consultation: closing the comment period the day after its last day, and reminding the
coordinators of the report's statutory deadline (art. 6 ust. 6 u.z.p.p.r.) a week before it and once it has passed
with the report still unpublished."""

from __future__ import annotations

import datetime as dt

from strategia.consultation.enums import ConsultationStatus
from strategia.consultation.models import Consultation
from strategia.consultation.report_services import remarks_without_answer
from strategia.consultation.services import comment_period, consultation_close, report_deadline
from strategia.core.deadlines import local_date
from strategia.core.mail import mail_send
from strategia.core.periodic import mark_once, periodic_job
from strategia.portal.selectors import accessibility_review_recipients as coordinators_of

CLOSE_JOB = "consultation.close_ended"
REMINDER_JOB = "consultation.report_deadline_reminder"
REMIND_DAYS_BEFORE = 7


@periodic_job(CLOSE_JOB, "Mark consultations whose comment period has ended as closed.")
def close_ended(now: dt.datetime) -> int:
    today = local_date(now)
    closed = 0
    for consultation in (Consultation.objects.select_related("process__municipality")
                         .filter(status=ConsultationStatus.ANNOUNCED, announced_at__isnull=False)):
        if today > comment_period(consultation).last_day:
            consultation_close(actor=None, consultation=consultation, today=today)
            closed += 1
    return closed


@periodic_job(REMINDER_JOB,
              "E-mail the coordinators a week before the consultation report is due, and once when it is overdue, "
              "while the report is not published.")
def report_deadline_reminder(now: dt.datetime) -> int:
    """Returns the number of e-mails sent."""
    today = local_date(now)
    sent = 0
    for consultation in (Consultation.objects.select_related("process__municipality")
                         .filter(status=ConsultationStatus.CLOSED, report_published_at__isnull=True)):
        due = report_deadline(consultation)
        days_left = (due.last_day - today).days
        if days_left < 0:
            key = f"{consultation.pk}:overdue"
        elif days_left <= REMIND_DAYS_BEFORE:
            key = f"{consultation.pk}:week"
        else:
            continue
        municipality = consultation.process.municipality
        recipients = coordinators_of(municipality=municipality)
        # Without recipients nothing is marked, so the reminder goes out once someone holds the role.
        if not recipients or not mark_once(job=REMINDER_JOB, key=key):
            continue
        context = {"consultation": consultation, "due": due, "days_left": days_left, "overdue": days_left < 0,
                   "awaiting": remarks_without_answer(consultation=consultation)}
        for email in recipients:
            mail_send(to=[email], template="consultation/email/report_deadline", municipality=municipality,
                      context=context)
            sent += 1
    return sent
