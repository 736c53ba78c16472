"""The demo's public consultation of the draft (``demo_content``), built through the same services as production.

Where the demo's "today" falls decides what exists (``timeline``):
- before the consultation (activity 2.3 not started): no consultation;
- during it (2.3 in progress, the default): announced about three and a half weeks ago, the period (36 days) ends
  in about a week and a half, so residents can try the remark form; the remarks received before today are there,
  screened and mostly answered; both report variants are requested as working copies;
- after it (2.3 completed: 2.4 or later): the period is over, all remarks are in (two of them late), screened and
  answered, both reports are generated (DOCX, PDF, XLSX) and the public one is published within the 30 days.
The announcement, the period and the report fall inside the planned dates of activities 2.3 and 2.4 whenever the
schedule leaves room for it.

Idempotent: each step does only what is missing, so loading again the same day changes nothing. When the dates
no longer fit (another day, another ``--at``) the demo's own consultation is discarded and built again: the demo
moves in time like the process's schedule does (``processes/demo.py``)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from strategia.accounts.models import User
from strategia.consultation import demo_content as content
from strategia.consultation.addressee_services import addressee_create, dispatch_receipt, dispatch_record
from strategia.consultation.enums import ConsultedDocument, ReportFormat, ReportVariant, Screening
from strategia.consultation.models import Consultation, Remark, ReportFile, Submission
from strategia.consultation.report_services import report_publish, report_request, report_run
from strategia.consultation.review_services import remark_hide, remark_publish, remarks_assign, response_create
from strategia.consultation.services import (
    consultation_announce,
    consultation_create,
    meeting_create,
    meeting_update,
    submission_create,
)
from strategia.core.deadlines import WARSAW, is_working_day
from strategia.documents import demo_content as document_content
from strategia.documents.enums import ExportStatus, VersionStage
from strategia.documents.models import DocumentVersion, FrozenBlock
from strategia.processes.enums import ActivityStatus
from strategia.processes.models import Activity

logger = logging.getLogger(__name__)

LATE_DAYS = 2  # the last late remark arrives two days after the last day
REPORT_AFTER_DAYS = 17  # the report is published about two and a half weeks after the last day (30 allowed)
SCREENED_AFTER_DAYS = 3  # while the period runs, remarks older than this are screened…
ANSWERED_AFTER_DAYS = 5  # …and those older than this answered


@dataclass(frozen=True)
class Timeline:
    announced_on: dt.date
    ends_on: dt.date
    closed: bool
    report_on: dt.date | None = None  # the day the report is published (closed timeline only)


def _working_day_on_or_after(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _working_day_on_or_before(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def timeline(*, today: dt.date, consultation_activity: Activity, report_activity: Activity | None) -> Timeline | None:
    """The consultation's dates for the demo's ``today``, from the status and planned dates of activity 2.3 (the
    consultation) and 2.4 (the report). The last day is a working day, so it is never moved by the holiday rule."""
    status = consultation_activity.status
    if status not in (ActivityStatus.IN_PROGRESS, ActivityStatus.COMPLETED):
        return None
    start, end = consultation_activity.planned_start, consultation_activity.planned_end
    days = dt.timedelta(days=content.PERIOD_DAYS)
    if status == ActivityStatus.IN_PROGRESS:
        # Today is in the period: about day 24 of 36, moved inside the activity's planned dates when it fits.
        announced = max(today - dt.timedelta(days=24), start)
        ends = _working_day_on_or_after(announced + days)
        if ends > end and _working_day_on_or_before(end) >= today:
            ends = _working_day_on_or_before(end)
            announced = min(ends - days, today)
        return Timeline(announced_on=announced, ends_on=ends, closed=False)
    # The period is over: the last day about three weeks ago, two late remarks after it, then the report.
    report_end = report_activity.planned_end if report_activity else end
    latest = today - dt.timedelta(days=LATE_DAYS + 2)
    ends = min(today - dt.timedelta(days=20), end, report_end - dt.timedelta(days=REPORT_AFTER_DAYS))
    ends = max(ends, start + days)  # announced no earlier than the activity's planned start…
    ends = _working_day_on_or_before(min(ends, latest))  # …unless today leaves no room for it
    report_on = min(ends + dt.timedelta(days=REPORT_AFTER_DAYS), today)
    return Timeline(announced_on=ends - days, ends_on=ends, closed=True, report_on=report_on)


# --- the loader ---------------------------------------------------------------------------------------------------

def _activity(process, activity_type: str) -> Activity | None:
    return (Activity.objects.filter(stage__process=process, activity_type=activity_type)
            .order_by("stage__number", "position").first())


def _consulted_version(process) -> DocumentVersion | None:
    return (DocumentVersion.objects.filter(document__process=process, document__slug=document_content.SLUG,
                                           stage=VersionStage.CONSULTATION, frozen_at__isnull=False)
            .select_related("document").order_by("number").first())


def _moment(day: dt.date, time: str) -> dt.datetime:
    hours, minutes = (int(part) for part in time.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=WARSAW)


@transaction.atomic
def consultation_load(*, process, today: dt.date, now: dt.datetime | None = None,
                      reports: bool = True) -> Consultation | None:
    """The demo's consultation for ``today`` (None before activity 2.3 has started). ``reports=False`` leaves out
    the report renderings (and so the publication of the report), for browser tests that do not need them."""
    now = now or timezone.now()
    activity = _activity(process, "consultation")
    version = _consulted_version(process)
    existing = Consultation.objects.filter(process=process, title=content.TITLE).first()
    plan = None
    if activity is not None and version is not None:
        plan = timeline(today=today, consultation_activity=activity,
                        report_activity=_activity(process, "consultation_report"))
    if existing is not None and (plan is None or (existing.planned_announcement_on, existing.ends_on)
                                 != (plan.announced_on, plan.ends_on)):
        _discard(existing)
        existing = None
    if plan is None:
        return None
    consultation = existing or consultation_create(
        actor=None, process=process, document_version=version, title=content.TITLE,
        planned_announcement_on=plan.announced_on, ends_on=plan.ends_on, forecast_title=content.FORECAST_TITLE,
        activity=activity, anonymous_remarks_considered=False, late_remarks_considered=False)
    if consultation.announced_at is None:
        consultation = consultation_announce(actor=None, consultation=consultation,
                                             now=min(_moment(plan.announced_on, "09:00"), now))
    staff = User.objects.filter(email=content.STAFF_EMAIL).first()
    _addressees_load(consultation, plan, today)
    meetings = _meetings_load(consultation, plan, now)
    _submissions_load(consultation, plan, today, meetings)
    _screen(consultation, plan, today)
    _answer(consultation, plan, today)
    _assign(consultation, staff)
    if reports:
        _reports_load(consultation, plan, now)
    consultation.refresh_from_db()
    return consultation


def _discard(consultation: Consultation) -> None:
    """Remove the demo's consultation whose dates no longer fit the demo's today. Demo time travel, like the
    schedule's in ``processes/demo.py``: not a change of a real consultation's register (there is no such
    service, on purpose)."""
    for report in ReportFile.objects.filter(consultation=consultation).exclude(file=""):
        report.file.delete(save=False)
    Remark.objects.filter(consultation=consultation).delete()
    Submission.objects.filter(consultation=consultation).delete()
    consultation.delete()


def _addressees_load(consultation: Consultation, plan: Timeline, today: dt.date) -> None:
    existing = {a.name: a for a in consultation.addressees.prefetch_related("dispatches")}
    for spec in content.ADDRESSEES:
        addressee = existing.get(spec.name) or addressee_create(
            actor=None, consultation=consultation, kind=spec.kind, name=spec.name, address=spec.address,
            electronic_address=spec.electronic_address)
        sent_on = plan.announced_on + dt.timedelta(days=spec.sent_day)
        if sent_on > today:
            continue
        dispatch = addressee.dispatches.first() if spec.name in existing else None
        if dispatch is None:
            dispatch = dispatch_record(actor=None, addressee=addressee, channel=spec.channel, sent_on=sent_on,
                                       sending_proof=_sending_proof(spec))
        if spec.receipt_day is None or dispatch.received_on is not None:
            continue
        received_on = plan.announced_on + dt.timedelta(days=spec.receipt_day)
        if received_on <= today:
            dispatch_receipt(actor=None, dispatch=dispatch, received_on=received_on,
                             receipt_proof=f"Urzędowe poświadczenie odbioru (UPD) {content.SAMPLE}")


def _sending_proof(spec: content.DemoAddressee) -> str:
    return {
        "edoreczenia": f"Dowód nadania e-Doręczeń (UPN) {content.SAMPLE}",
        "post": f"Przesyłka polecona za potwierdzeniem odbioru nr 00659007734000000000 {content.SAMPLE}",
        "email": f"Wiadomość e-mail z projektem Strategii {content.SAMPLE}",
        "in_person": f"Pismo doręczone na posiedzeniu, potwierdzenie na kopii {content.SAMPLE}",
        "public_notice": "Ogłoszenie na stronie internetowej, w BIP i na tablicy ogłoszeń urzędu",
    }.get(spec.channel, "")


def _meetings_load(consultation: Consultation, plan: Timeline, now: dt.datetime) -> dict:
    existing = {m.kind: m for m in consultation.meetings.all()}
    meetings = {}
    for spec in content.MEETINGS:
        starts_at = _moment(plan.announced_on + dt.timedelta(days=spec.day), spec.start)
        ends_at = starts_at + dt.timedelta(hours=spec.hours)
        meeting = existing.get(spec.kind) or meeting_create(
            actor=None, consultation=consultation, kind=spec.kind, starts_at=starts_at, ends_at=ends_at,
            place=spec.place, form=spec.form, accessibility=spec.accessibility)
        if ends_at <= now and meeting.attendance is None:
            meeting = meeting_update(actor=None, meeting=meeting, starts_at=starts_at, ends_at=ends_at,
                                     place=spec.place, kind=spec.kind, form=spec.form,
                                     accessibility=spec.accessibility, attendance=spec.attendance, now=now)
        meetings[spec.key] = meeting
    return meetings


def received_on(spec: content.DemoSubmission, plan: Timeline) -> dt.date:
    if spec.after_end is not None:
        return plan.ends_on + dt.timedelta(days=spec.after_end)
    return plan.announced_on + dt.timedelta(days=spec.day)


def _postmark(spec: content.DemoSubmission, plan: Timeline) -> dt.date | None:
    if spec.postmark_after_end is not None:
        return plan.ends_on + dt.timedelta(days=spec.postmark_after_end)
    if spec.postmark_day is not None:
        return plan.announced_on + dt.timedelta(days=spec.postmark_day)
    return None


def _submissions_load(consultation: Consultation, plan: Timeline, today: dt.date, meetings: dict) -> None:
    """Every sample submission received before today (so the set does not change during the day)."""
    blocks = list(FrozenBlock.objects.filter(version=consultation.document_version).order_by("position"))
    stored = set(Submission.objects.filter(consultation=consultation).values_list("channel", "received_at"))
    for spec in content.SUBMISSIONS:
        day = received_on(spec, plan)
        if day >= today:
            continue
        received_at = _moment(day, spec.time)
        if (spec.channel, received_at) in stored:
            continue
        submission_create(
            actor=None, consultation=consultation, channel=spec.channel, submitter_kind=spec.kind,
            remarks=[_remark_fields(remark, blocks) for remark in spec.remarks], submitter_name=spec.name,
            organisation_name=spec.organisation, category=spec.category, contact_email=spec.email,
            consent_publish_name=spec.consent, received_at=received_at, now=received_at,
            postmark_on=_postmark(spec, plan), meeting=meetings.get(spec.meeting))


def _remark_fields(remark: content.DemoRemark, blocks: list[FrozenBlock]) -> dict:
    """The remark as the form or the staff intake would store it: on a paragraph (its uid, number and current
    wording), on the forecast (chapter and page as text) or general. A phrase no longer in the draft makes it a
    general remark rather than a wrong reference."""
    fields = {"content": f"{content.SAMPLE_MARK} {remark.content}", "proposed_wording": remark.proposed,
              "justification": remark.justification}
    if remark.forecast:
        return {**fields, "document": ConsultedDocument.FORECAST, "fragment": remark.forecast}
    block = next((b for b in blocks if remark.target and not b.is_heading and remark.target in b.text), None)
    if block is None:
        return {**fields, "fragment": remark.general or content.GENERAL}
    heading = next((b for b in reversed(blocks) if b.is_heading and b.position < block.position), None)
    fragment = f"{heading.display_number} {heading.text}" if heading else ""
    return {**fields, "block_uid": block.uid, "display_number": block.display_number,
            "fragment": (fragment or block.display_number)[:300], "current_wording": block.text}


def _specs_by_remark(consultation: Consultation, plan: Timeline):
    """Each stored remark with the sample it came from (matched by the moment its submission was received)."""
    specs = {(s.channel, _moment(received_on(s, plan), s.time)): s for s in content.SUBMISSIONS}
    remarks = (Remark.objects.filter(consultation=consultation).select_related("submission", "response")
               .order_by("number"))
    for remark in remarks:
        spec = specs.get((remark.submission.channel, remark.submission.received_at))
        if spec is not None and remark.position <= len(spec.remarks):
            yield remark, spec, spec.remarks[remark.position - 1]


def _due(day: dt.date, plan: Timeline, today: dt.date, after_days: int) -> bool:
    return plan.closed or day <= today - dt.timedelta(days=after_days)


def _screen(consultation: Consultation, plan: Timeline, today: dt.date) -> None:
    for remark, spec, _sample in _specs_by_remark(consultation, plan):
        if remark.screening != Screening.PENDING or not _due(received_on(spec, plan), plan, today,
                                                               SCREENED_AFTER_DAYS):
            continue
        if spec.hide:
            remark_hide(actor=None, remark=remark, reason=spec.hide)
        else:
            remark_publish(actor=None, remark=remark)


def _answer(consultation: Consultation, plan: Timeline, today: dt.date) -> None:
    """One answer per remark; the identical ones (the same key of ``JOINT_ANSWERS``) share one."""
    joint: dict[str, list[Remark]] = {}
    for remark, spec, sample in _specs_by_remark(consultation, plan):
        if not _due(received_on(spec, plan), plan, today, ANSWERED_AFTER_DAYS):
            continue
        if isinstance(sample.answer, str):
            joint.setdefault(sample.answer, []).append(remark)
        elif remark.response_id is None:
            _respond(consultation, [remark], sample.answer)
    for key, remarks in joint.items():
        if len({r.response_id for r in remarks}) > 1 or remarks[0].response_id is None:
            _respond(consultation, remarks, content.JOINT_ANSWERS[key])


def _respond(consultation: Consultation, remarks: list[Remark], answer: content.Answer) -> None:
    response_create(actor=None, consultation=consultation, remarks=remarks, stance=answer.stance,
                    justification=answer.justification, resulting_change=answer.change)


def _assign(consultation: Consultation, staff: User | None) -> None:
    """The remarks on the forecast and those still awaiting an answer go to the office's demo employee."""
    if staff is None:
        return
    remarks = list(Remark.objects.filter(consultation=consultation, assigned_to__isnull=True)
                   .filter(Q(document=ConsultedDocument.FORECAST) | Q(response__isnull=True)))
    if remarks:
        remarks_assign(actor=None, consultation=consultation, remarks=remarks, assignee=staff)


def _reports_load(consultation: Consultation, plan: Timeline, now: dt.datetime) -> None:
    """Both variants in the three formats. After the period they are rendered here, at once (the worker then finds
    them done), so that the public report can be published within the 30 days."""
    if consultation.report_published_at is not None:
        return
    requested = set(ReportFile.objects.filter(consultation=consultation).values_list("variant", "format"))
    for variant in ReportVariant.values:
        for report_format in ReportFormat.values:
            if (variant, report_format) not in requested:
                report_request(actor=None, consultation=consultation, variant=variant, format=report_format)
    if not plan.closed:
        return
    for report in ReportFile.objects.filter(consultation=consultation).exclude(status=ExportStatus.DONE):
        report_run(actor=None, report_id=report.pk)
    try:
        report_publish(actor=None, consultation=consultation,
                       now=min(_moment(plan.report_on, "12:00"), now))
    except ValidationError as error:
        logger.warning("The demo's consultation report was not published: %s", "; ".join(error.messages))
