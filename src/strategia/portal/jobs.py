"""Periodic jobs of the portal: the yearly review of the accessibility statement."""

from __future__ import annotations

import datetime as dt

from strategia.core.deadlines import local_date
from strategia.core.mail import mail_send
from strategia.core.models import Municipality
from strategia.core.periodic import mark_once, periodic_job
from strategia.core.statutory import ACCESSIBILITY_STATEMENT_CITATION, ACCESSIBILITY_STATEMENT_REVIEW_BY
from strategia.portal import selectors

REVIEW_REMINDER_JOB = "portal.accessibility_review_reminder"


@periodic_job(REVIEW_REMINDER_JOB,
              "In March, e-mail administrators and coordinators once a year when the accessibility statement "
              "has not yet had its yearly review (due by 31 March).")
def accessibility_review_reminder(now: dt.datetime) -> int:
    """Returns the number of e-mails sent."""
    today = local_date(now)
    month, _ = ACCESSIBILITY_STATEMENT_REVIEW_BY
    if today.month != month:
        return 0
    sent = 0
    for municipality in Municipality.objects.order_by("pk"):
        review = selectors.accessibility_review_state(municipality=municipality, today=today)
        if not review.is_due:
            continue
        recipients = selectors.accessibility_review_recipients(municipality=municipality)
        # Without recipients nothing is marked, so the reminder goes out once someone holds the role.
        if not recipients or not mark_once(job=REVIEW_REMINDER_JOB, key=f"{municipality.pk}:{today.year}"):
            continue
        for email in recipients:
            mail_send(to=[email], template="portal/emails/accessibility_review_reminder",
                      municipality=municipality,
                      context={"review": review, "citation": ACCESSIBILITY_STATEMENT_CITATION})
            sent += 1
    return sent
