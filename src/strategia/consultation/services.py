"""The consultation's statutory clock and the register of submissions. Every rule goes through the one deadline
helper (core/deadlines.py) and every number comes from core/statutory.py; every refusal cites the article.

- The comment period runs from the day after the website announcement and may not be shorter than 35 days
  (art. 6 ust. 5 u.z.p.p.r.); with the environmental forecast the 21-day rule (art. 39 ust. 1 pkt 3 u.o.o.ś.) is
  also met.
- The last day is re-validated when the announcement is published; later it can be extended, never shortened.
- The server's clock decides. A remark that arrives after 23:59:59 (Warsaw) of the last day is stored and marked
  late, never refused.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from strategia.consultation.enums import (
    Channel,
    ConsultationStatus,
    ConsultedDocument,
    DecisiveDate,
    SubmitterKind,
)
from strategia.consultation.models import Consultation, Meeting, Remark, Submission
from strategia.core.deadlines import Deadline, deadline, local_date
from strategia.core.services import service
from strategia.core.statutory import Rule, period
from strategia.documents.enums import FROZEN_STAGES
from strategia.documents.models import FrozenBlock

# --- the clock ------------------------------------------------------------------------------------------------

def announcement_day(consultation: Consultation) -> dt.date:
    """The day of the website announcement (actual once published, else planned)."""
    if consultation.announced_at:
        return local_date(consultation.announced_at)
    return consultation.planned_announcement_on


def comment_period(consultation: Consultation) -> Deadline:
    """The comment period from the day after the announcement to ``ends_on`` (moved to the next working day when
    it falls on a day off and the process says so)."""
    event_day = announcement_day(consultation)
    return deadline(event_day=event_day, days=(consultation.ends_on - event_day).days,
                    shift_to_working_day=consultation.process.shift_to_working_day,
                    citation=period(Rule.CONSULTATION_MIN_DAYS, on=event_day).citation)


def report_deadline(consultation: Consultation) -> Deadline:
    """The report is due within 30 days after the end of the comment period (art. 6 ust. 6 u.z.p.p.r.)."""
    return consultation.process.statutory_deadline(rule=Rule.CONSULTATION_REPORT_DAYS,
                                                   event_day=comment_period(consultation).last_day)


def validate_period(*, event_day: dt.date, ends_on: dt.date, with_forecast: bool) -> None:
    """Refuse a comment period shorter than the law allows, citing the article."""
    rules = [Rule.CONSULTATION_MIN_DAYS] + ([Rule.SEA_PUBLIC_PARTICIPATION_MIN_DAYS] if with_forecast else [])
    for rule in rules:
        minimum = period(rule, on=event_day)
        if (ends_on - event_day).days < minimum.days:
            earliest = event_day + dt.timedelta(days=minimum.days)
            raise ValidationError({"ends_on": [
                _("Remarks must be accepted for at least %(days)s days from the day after the announcement "
                  "(%(citation)s): the last day can be %(earliest)s at the earliest.")
                % {"days": minimum.days, "citation": minimum.citation, "earliest": earliest.strftime("%d.%m.%Y")}
            ]})


def is_late(consultation: Consultation, *, received_at: dt.datetime, postmark_on: dt.date | None = None) -> bool:
    """Whether a submission is after the deadline. The server's clock (``received_at``) decides, judged in Warsaw;
    for post, the postmark decides when the council's resolution says so (both dates are stored)."""
    last_day = comment_period(consultation).last_day
    if consultation.decisive_date == DecisiveDate.POSTMARK and postmark_on is not None:
        return postmark_on > last_day
    return local_date(received_at) > last_day


# --- the consultation -----------------------------------------------------------------------------------------

@service("consultation.create")
def consultation_create(*, actor, process, document_version, title: str, planned_announcement_on: dt.date,
                        ends_on: dt.date, forecast_title: str = "", activity=None,
                        anonymous_remarks_considered: bool = False, decisive_date: str = DecisiveDate.RECEIPT,
                        late_remarks_considered: bool = False, forecast_file=None) -> Consultation:
    """A consultation of a frozen version, its period checked against the planned announcement day. The forecast
    may be given by its title, an uploaded PDF (checked by content in the form), or both."""
    if document_version.document.process_id != process.pk:
        raise ValidationError({"document_version": [_("The version belongs to another process.")]})
    if not document_version.is_frozen or document_version.stage not in FROZEN_STAGES:
        raise ValidationError({"document_version": [
            _("Only a frozen version can be consulted: freeze the draft for consultation first.")]})
    validate_period(event_day=planned_announcement_on, ends_on=ends_on,
                    with_forecast=bool(forecast_title or forecast_file))
    return Consultation.objects.create(
        process=process, activity=activity, document_version=document_version, title=title,
        planned_announcement_on=planned_announcement_on, ends_on=ends_on, forecast_title=forecast_title,
        forecast_file=forecast_file or "",
        anonymous_remarks_considered=anonymous_remarks_considered, decisive_date=decisive_date,
        late_remarks_considered=late_remarks_considered,
    )


@service("consultation.announce", target="consultation")
@transaction.atomic
def consultation_announce(*, actor, consultation: Consultation, now: dt.datetime | None = None) -> Consultation:
    """Record the website announcement (art. 6 ust. 4) at the server's time and re-validate the period from that
    day: an announcement published later than planned may make the period too short."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.announced_at is not None:
        raise ValidationError(_("The consultation has already been announced."))
    now = now or timezone.now()
    validate_period(event_day=local_date(now), ends_on=consultation.ends_on, with_forecast=consultation.has_forecast)
    consultation.announced_at = now
    consultation.status = ConsultationStatus.ANNOUNCED
    consultation.save(update_fields=["announced_at", "status"])
    return consultation


@service("consultation.extend", target="consultation")
@transaction.atomic
def consultation_extend(*, actor, consultation: Consultation, ends_on: dt.date) -> Consultation:
    """Move the last day later. Shortening an announced period is refused (art. 6 ust. 5 u.z.p.p.r.)."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.report_published_at is not None:
        raise ValidationError({"ends_on": [
            _("The report on the consultation has been published (%(citation)s): the consultation is over and its "
              "comment period can no longer be extended.")
            % {"citation": period(Rule.CONSULTATION_REPORT_DAYS, on=announcement_day(consultation)).citation}]})
    if ends_on <= consultation.ends_on:
        raise ValidationError({"ends_on": [
            _("The comment period can be extended but never shortened (%(citation)s). Choose a day after %(day)s.")
            % {"citation": period(Rule.CONSULTATION_MIN_DAYS, on=announcement_day(consultation)).citation,
               "day": consultation.ends_on.strftime("%d.%m.%Y")}
        ]})
    consultation.ends_on = ends_on
    if consultation.status == ConsultationStatus.CLOSED:  # closed by the periodic job: open again until the new day
        consultation.status = ConsultationStatus.ANNOUNCED
    consultation.save(update_fields=["ends_on", "status"])
    return consultation


@service("consultation.close", target="consultation")
@transaction.atomic
def consultation_close(*, actor, consultation: Consultation, today: dt.date) -> Consultation:
    """Mark the comment period as over once its last day has passed (the periodic job does it the next morning).
    Remarks that arrive later are still stored, marked late."""
    consultation = Consultation.objects.select_for_update().select_related("process").get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.ANNOUNCED:
        raise ValidationError(_("Only an announced consultation can be closed."))
    clock = comment_period(consultation)
    if today <= clock.last_day:
        raise ValidationError(_("The comment period has not ended yet: remarks are accepted until %(day)s "
                                "(%(citation)s).") % {"day": clock.last_day.strftime("%d.%m.%Y"),
                                                      "citation": clock.citation})
    consultation.status = ConsultationStatus.CLOSED
    consultation.save(update_fields=["status"])
    return consultation


@service("meeting.create")
def meeting_create(*, actor, consultation: Consultation, starts_at: dt.datetime, place: str, kind: str = "meeting",
                   form: str = "in_person", ends_at: dt.datetime | None = None, accessibility: str = "") -> Meeting:
    if ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("The end must be later than the start.")]})
    if not place.strip():
        raise ValidationError({"place": [_("Please give the place (or the link for an online meeting).")]})
    return Meeting.objects.create(consultation=consultation, kind=kind, starts_at=starts_at, ends_at=ends_at,
                                  place=place.strip(), form=form, accessibility=accessibility)


# --- submissions ----------------------------------------------------------------------------------------------

REMARK_FIELDS = ("document", "block_uid", "display_number", "fragment", "current_wording", "proposed_wording",
                 "justification", "content")

# "3.2.1", "pkt 3.2.1", "punkt 3.2.1.", "rozdz. 3", "rozdział 3.2": a fragment that names only a point or chapter.
POINT_REFERENCE = re.compile(
    r"^\s*(?:(?:pkt|punkt|rozdz|rozdział|rozdzial|podrozdział|podrozdzial)\.?\s*)?(\d+(?:\.\d+)*)\.?\s*$",
    re.IGNORECASE)


def point_reference(text: str) -> str:
    """The display number a fragment names ("pkt 3.2.1" → "3.2.1"), or "" when it says more than a number."""
    match = POINT_REFERENCE.match(text or "")
    return match.group(1) if match else ""


def _placed_remarks(consultation: Consultation, remarks: list[dict]) -> list[dict]:
    """The remarks with their target resolved, whatever the channel: a remark on the forecast names no paragraph of
    the strategy; a remark on the strategy that names a point or chapter only by its number (typed by staff from a
    letter, or a spreadsheet cell) gets that block's uid and number, so it lands on the same paragraph as remarks
    sent from the reading view. A number that is not in the consulted version stays as the submitter wrote it."""
    placed, wanted = [], {}
    for remark in remarks:
        remark = dict(remark)
        document = remark.get("document") or ConsultedDocument.STRATEGY
        if document == ConsultedDocument.FORECAST:
            if not consultation.has_forecast:
                raise ValidationError({"document": [
                    _("This consultation does not include an environmental impact forecast.")]})
            remark["block_uid"], remark["display_number"] = None, ""
        elif not remark.get("block_uid"):
            number = point_reference(remark.get("display_number") or "") or point_reference(
                remark.get("fragment") or "")
            if number:
                wanted[id(remark)] = number
        remark["document"] = document
        placed.append(remark)
    if wanted:
        blocks = {block.display_number: block for block in FrozenBlock.objects.filter(
            version_id=consultation.document_version_id, display_number__in=set(wanted.values()))}
        for remark in placed:
            block = blocks.get(wanted.get(id(remark), ""))
            if block is not None:
                remark["block_uid"], remark["display_number"] = block.uid, block.display_number
    return placed


@service("submission.create")
@transaction.atomic
def submission_create(*, actor, consultation: Consultation, channel: str, submitter_kind: str,
                      remarks: list[dict], submitter_name: str = "", organisation_name: str = "",
                      category: str = "resident", contact_email: str = "", contact_phone: str = "",
                      consent_publish_name: bool = False, received_at: dt.datetime | None = None,
                      postmark_on: dt.date | None = None, scan=None, meeting=None,
                      held_for_review: bool = False, now: dt.datetime | None = None) -> Submission:
    """Store a submission with its remarks. Nothing is refused for being late: it is stored and marked.
    On the platform the server's clock is the time of receipt (a date sent by the page is ignored); ``now``
    stands in for that clock only where code, never a request, sets it (the demo's history, tests)."""
    if consultation.announced_at is None:
        raise ValidationError(_("The consultation has not been announced yet: remarks are accepted from the day "
                                "after the announcement on the website (%(citation)s).")
                              % {"citation": period(Rule.CONSULTATION_MIN_DAYS, on=local_date(now or timezone.now()))
                                 .citation})
    if not remarks:
        raise ValidationError(_("A submission needs at least one remark."))
    if channel == Channel.PLATFORM or received_at is None:
        received_at = now or timezone.now()
    for index, remark in enumerate(remarks, start=1):
        unknown = set(remark) - set(REMARK_FIELDS)
        if unknown:
            raise TypeError(f"Unknown remark fields {sorted(unknown)}")
        if not (remark.get("content") or "").strip():
            raise ValidationError({"content": [_("Remark %(number)s is empty.") % {"number": index}]})
    remarks = _placed_remarks(consultation, remarks)
    if meeting is not None and meeting.consultation_id != consultation.pk:
        raise ValidationError({"meeting": [_("The meeting belongs to another consultation.")]})
    if submitter_kind == SubmitterKind.ORGANISATION and not organisation_name.strip():
        raise ValidationError({"organisation_name": [_("Please give the organisation's or institution's name.")]})
    # Consecutive numbers within the consultation, under a lock so that two submissions never share one.
    Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
    submission_number = (Submission.objects.filter(consultation=consultation).aggregate(m=Max("number"))["m"] or 0) + 1
    remark_number = Remark.objects.filter(consultation=consultation).aggregate(m=Max("number"))["m"] or 0
    submission = Submission.objects.create(
        consultation=consultation, number=submission_number, channel=channel, submitter_kind=submitter_kind,
        submitter_name=submitter_name,
        organisation_name=organisation_name, category=category, contact_email=contact_email,
        contact_phone=contact_phone, consent_publish_name=consent_publish_name, received_at=received_at,
        postmark_on=postmark_on, is_late=is_late(consultation, received_at=received_at, postmark_on=postmark_on),
        scan=scan or "", meeting=meeting, held_for_review=held_for_review,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    Remark.objects.bulk_create([
        Remark(submission=submission, consultation=consultation, number=remark_number + index, position=index,
               **{k: v for k, v in remark.items() if v is not None})
        for index, remark in enumerate(remarks, start=1)
    ])
    return submission


# --- managing the consultation in the back-office --------------------------------------------------------------

@service("consultation.update", target="consultation")
@transaction.atomic
def consultation_update(*, actor, consultation: Consultation, document_version, title: str,
                        planned_announcement_on: dt.date, ends_on: dt.date, forecast_title: str = "",
                        activity=None, anonymous_remarks_considered: bool = False,
                        decisive_date: str = DecisiveDate.RECEIPT, late_remarks_considered: bool = False,
                        forecast_file=None, remove_forecast_file: bool = False) -> Consultation:
    """Change the settings of a consultation that is not yet announced (the same checks as at creation). Once
    announced, the announcement fixed them: only the last day can still move, later, through
    ``consultation_extend``. ``forecast_file`` replaces the stored PDF; ``remove_forecast_file`` drops it."""
    consultation = Consultation.objects.select_for_update().select_related("process").get(pk=consultation.pk)
    if consultation.announced_at is not None:
        raise ValidationError(_(
            "The consultation has been announced: its settings can no longer be changed; the last day can only be "
            "extended (%(citation)s).")
            % {"citation": period(Rule.CONSULTATION_MIN_DAYS, on=announcement_day(consultation)).citation})
    if document_version.document.process_id != consultation.process_id:
        raise ValidationError({"document_version": [_("The version belongs to another process.")]})
    if not document_version.is_frozen or document_version.stage not in FROZEN_STAGES:
        raise ValidationError({"document_version": [
            _("Only a frozen version can be consulted: freeze the draft for consultation first.")]})
    if activity is not None and activity.stage.process_id != consultation.process_id:
        raise ValidationError({"activity": [_("The activity belongs to another process.")]})
    keeps_file = bool(consultation.forecast_file) and not remove_forecast_file
    validate_period(event_day=planned_announcement_on, ends_on=ends_on,
                    with_forecast=bool(forecast_title or forecast_file or keeps_file))
    for name, value in (("document_version", document_version), ("title", title),
                        ("planned_announcement_on", planned_announcement_on), ("ends_on", ends_on),
                        ("forecast_title", forecast_title), ("activity", activity),
                        ("anonymous_remarks_considered", anonymous_remarks_considered),
                        ("decisive_date", decisive_date), ("late_remarks_considered", late_remarks_considered)):
        setattr(consultation, name, value)
    if forecast_file:
        consultation.forecast_file = forecast_file
    elif remove_forecast_file:
        consultation.forecast_file = ""
    consultation.save()
    return consultation


@service("meeting.update", target="meeting")
@transaction.atomic
def meeting_update(*, actor, meeting: Meeting, starts_at: dt.datetime, place: str, kind: str, form: str,
                   ends_at: dt.datetime | None = None, accessibility: str = "", attendance: int | None = None,
                   minutes=None, now: dt.datetime | None = None) -> Meeting:
    """Change a meeting's date, place, form or accessibility and, once it has started, record its attendance and
    minutes (a PDF checked by content in the form). ``minutes`` replaces the stored file; None keeps it."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    now = now or timezone.now()
    if ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("The end must be later than the start.")]})
    if not place.strip():
        raise ValidationError({"place": [_("Please give the place (or the link for an online meeting).")]})
    if starts_at > now:
        if attendance is not None:
            raise ValidationError({"attendance": [_("Attendance can be recorded once the meeting has started.")]})
        if minutes:
            raise ValidationError({"minutes": [_("The minutes can be attached once the meeting has started.")]})
    meeting.starts_at, meeting.ends_at, meeting.place = starts_at, ends_at, place.strip()
    meeting.kind, meeting.form, meeting.accessibility, meeting.attendance = kind, form, accessibility, attendance
    if minutes:
        meeting.minutes = minutes
    meeting.save()
    return meeting
