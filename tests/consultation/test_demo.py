"""The demo's consultation (issue #4 point 11): built through the services, labelled as sample data, fitted to the
shifted schedule, idempotent. During the consultation (2.3, the default) the period is open and the remarks received
so far are screened and mostly answered; from 2.4 on all sixty remarks are answered and the public report is
published within the 30 days. The report files' content is tested with the report, not here: rendering is stubbed."""

import datetime as dt
from collections import Counter
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from strategia.consultation import demo_content as content
from strategia.consultation import report as report_module
from strategia.consultation.demo import timeline
from strategia.consultation.enums import (
    AddresseeKind,
    Channel,
    ConsultationStatus,
    ConsultedDocument,
    DispatchChannel,
    MeetingKind,
    ReportFormat,
    ReportVariant,
    Screening,
    Stance,
    SubmitterCategory,
    SubmitterKind,
)
from strategia.consultation.models import Consultation, Dispatch, Remark, RemarkResponse, ReportFile, Submission
from strategia.consultation.report_services import remarks_without_answer
from strategia.consultation.selectors import consultation_open_for_version
from strategia.consultation.services import comment_period, report_deadline
from strategia.core.deadlines import is_working_day
from strategia.documents.enums import ExportStatus
from strategia.documents.models import FrozenBlock
from strategia.processes.enums import ActivityStatus
from strategia.processes.models import Activity

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
# Mid-quarter days: with the seed, activities 2.3 and 2.4 share one quarter (3 kw.), here Q3 2026.
DURING = dt.datetime(2026, 8, 19, 10, 0, tzinfo=WARSAW)  # day 50 of the quarter
AFTER = dt.datetime(2026, 9, 10, 10, 0, tzinfo=WARSAW)  # day 72 of the quarter
ALL_REMARKS = sum(len(s.remarks) for s in content.SUBMISSIONS)


@pytest.fixture(autouse=True)
def _stub_rendering(monkeypatch):
    """The report's renderer is tested in its own tests; here a rendering only has to succeed."""
    monkeypatch.setattr(report_module, "report_content",
                        lambda *, consultation, variant, **kwargs: SimpleNamespace(
                            rows=list(Remark.objects.filter(consultation=consultation))))
    monkeypatch.setattr(report_module, "render", lambda content, *, format: b"report")


def load(moment: dt.datetime, at: str | None = None) -> Consultation | None:
    with time_machine.travel(moment, tick=False):
        call_command("load_demo", *(["--at", at] if at else []))
    return Consultation.objects.filter(title=content.TITLE).first()


def activity(activity_type: str) -> Activity:
    return Activity.objects.get(activity_type=activity_type)


def stances(consultation) -> Counter:
    return Counter(r.response.stance for r in consultation.remarks.select_related("response"))


# --- during the consultation (the default) ---------------------------------------------------------------------

def test_by_default_the_comment_period_is_open_today_for_at_least_35_days_within_the_activity():
    consultation = load(DURING)
    today = DURING.date()
    period = comment_period(consultation)
    planned = activity("consultation")
    assert consultation.status == ConsultationStatus.ANNOUNCED
    assert consultation.announced_at.astimezone(WARSAW).date() < today <= period.last_day
    assert (consultation.ends_on - consultation.planned_announcement_on).days >= 35
    assert planned.planned_start <= consultation.planned_announcement_on
    assert period.last_day <= planned.planned_end
    assert consultation.activity == planned


def test_by_default_residents_can_send_remarks_from_the_reading_view():
    consultation = load(DURING)
    with time_machine.travel(DURING, tick=False):
        assert consultation_open_for_version(version=consultation.document_version) == consultation


def test_by_default_only_remarks_received_before_today_are_there_and_none_is_late():
    consultation = load(DURING)
    announced = consultation.planned_announcement_on
    expected = sum(len(s.remarks) for s in content.SUBMISSIONS
                   if s.after_end is None and announced + dt.timedelta(days=s.day) < DURING.date())
    assert 30 <= expected < ALL_REMARKS
    assert consultation.remarks.count() == expected
    assert not consultation.submissions.filter(is_late=True).exists()


def test_by_default_the_remarks_so_far_are_screened_and_mostly_answered():
    consultation = load(DURING)
    remarks = consultation.remarks.all()
    answered = remarks.filter(response__isnull=False).count()
    assert remarks.filter(screening=Screening.HIDDEN).count() == 1
    assert remarks.count() / 2 < answered < remarks.count()
    assert all(r.assigned_to is not None for r in remarks.filter(response__isnull=True))


def test_by_default_both_report_variants_are_requested_in_three_formats_and_not_published():
    consultation = load(DURING)
    requested = set(ReportFile.objects.filter(consultation=consultation).values_list("variant", "format"))
    assert requested == {(v, f) for v in ReportVariant.values for f in ReportFormat.values}
    assert consultation.report_published_at is None


# --- after the consultation (2.4 and later) ---------------------------------------------------------------------

def test_after_the_period_there_are_sixty_remarks_of_every_channel():
    consultation = load(AFTER, at="2.4")
    assert consultation.remarks.count() == ALL_REMARKS == 60
    by_channel = Counter(r.submission.channel for r in consultation.remarks.select_related("submission"))
    assert set(by_channel) == set(Channel.values)


def test_after_the_period_every_submitter_category_and_kind_is_represented():
    consultation = load(AFTER, at="2.4")
    submissions = consultation.submissions.all()
    assert {s.category for s in submissions} == set(SubmitterCategory.values)
    assert {s.submitter_kind for s in submissions} == set(SubmitterKind.values)
    persons = submissions.filter(submitter_kind=SubmitterKind.PERSON)
    assert persons.filter(consent_publish_name=True).exists()
    assert persons.filter(consent_publish_name=False).exists()


def test_after_the_period_every_stance_is_taken_and_every_remark_is_answered():
    consultation = load(AFTER, at="2.4")
    assert remarks_without_answer(consultation=consultation) == 0
    assert set(stances(consultation)) == set(Stance.values)
    assert not RemarkResponse.objects.filter(consultation=consultation, justification="").exists()


def test_identical_remarks_share_one_joint_answer():
    consultation = load(AFTER, at="2.4")
    identical = consultation.remarks.filter(content__endswith=content.IDENTICAL_CHYLICE)
    assert identical.count() >= 5
    assert identical.values("response").distinct().count() == 1
    assert identical.first().response.remarks.count() == identical.count()
    assert len({r.submission.channel for r in identical.select_related("submission")}) > 1


def test_one_remark_is_hidden_with_a_reason_and_still_answered():
    consultation = load(AFTER, at="2.4")
    hidden = consultation.remarks.get(screening=Screening.HIDDEN)
    assert hidden.hidden_reason
    assert hidden.response.justification
    assert not consultation.remarks.filter(screening=Screening.PENDING).exists()


def test_two_late_remarks_one_on_the_strategy_one_on_the_forecast_are_left_unconsidered():
    consultation = load(AFTER, at="2.4")
    late = list(consultation.remarks.filter(submission__is_late=True).select_related("submission", "response"))
    assert sorted(r.document for r in late) == [ConsultedDocument.FORECAST, ConsultedDocument.STRATEGY]
    assert {r.response.stance for r in late} == {Stance.NOT_CONSIDERED}
    forecast = next(r for r in late if r.document == ConsultedDocument.FORECAST)
    assert "art. 41" in forecast.response.justification


def test_a_letter_posted_on_the_last_day_but_received_later_is_late_because_receipt_decides():
    consultation = load(AFTER, at="2.4")
    last_day = comment_period(consultation).last_day
    letter = consultation.submissions.get(channel=Channel.POST, is_late=True)
    assert letter.postmark_on == last_day
    assert letter.received_at.astimezone(WARSAW).date() > last_day
    assert consultation.submissions.filter(channel=Channel.POST, postmark_on__isnull=False).count() > 1


def test_the_one_anonymous_remark_is_left_unconsidered():
    consultation = load(AFTER, at="2.4")
    anonymous = consultation.remarks.get(submission__submitter_kind=SubmitterKind.ANONYMOUS)
    assert not consultation.anonymous_remarks_considered
    assert anonymous.response.stance == Stance.NOT_CONSIDERED


def test_an_organisations_letter_carries_several_remarks():
    consultation = load(AFTER, at="2.4")
    letters = [s for s in consultation.submissions.filter(submitter_kind=SubmitterKind.ORGANISATION,
                                                          channel=Channel.POST)
               if s.remarks.count() >= 3]
    assert letters


def test_remarks_on_paragraphs_cite_frozen_blocks_of_the_consulted_version_with_their_wording():
    consultation = load(AFTER, at="2.4")
    blocks = {b.uid: b for b in FrozenBlock.objects.filter(version=consultation.document_version)}
    on_paragraphs = consultation.remarks.filter(block_uid__isnull=False)
    expected = sum(1 for s in content.SUBMISSIONS for r in s.remarks if r.target and not r.forecast)
    assert on_paragraphs.count() == expected
    for remark in on_paragraphs:
        block = blocks[remark.block_uid]
        assert remark.current_wording == block.text
        assert remark.display_number == block.display_number


def test_some_remarks_are_on_the_forecast_and_some_general():
    consultation = load(AFTER, at="2.4")
    forecast = consultation.remarks.filter(document=ConsultedDocument.FORECAST)
    assert forecast.count() >= 4
    assert all(r.fragment.startswith("Prognoza") and r.block_uid is None for r in forecast)
    assert consultation.remarks.filter(document=ConsultedDocument.STRATEGY, block_uid__isnull=True).exists()


def test_the_settings_follow_the_procedure_resolution():
    consultation = load(AFTER, at="2.4")
    assert consultation.forecast_title == content.FORECAST_TITLE
    assert not consultation.forecast_file
    assert not consultation.anonymous_remarks_considered
    assert not consultation.late_remarks_considered
    assert consultation.decisive_date == "receipt"


def test_the_public_discussion_and_a_meeting_took_place_with_attendance_and_oral_remarks():
    consultation = load(AFTER, at="2.4")
    meetings = list(consultation.meetings.all())
    assert {m.kind for m in meetings} == {MeetingKind.MEETING, MeetingKind.PUBLIC_DISCUSSION}
    assert all(m.attendance for m in meetings)
    discussion = next(m for m in meetings if m.kind == MeetingKind.PUBLIC_DISCUSSION)
    assert discussion.submissions.filter(channel=Channel.ORAL).count() >= 2
    assert discussion.starts_at.astimezone(WARSAW).date() <= comment_period(consultation).last_day


def test_the_neighbouring_gminas_and_the_rzgw_are_notified_with_proofs():
    consultation = load(AFTER, at="2.4")
    addressees = consultation.addressees.all()
    gminas = {a.name for a in addressees if a.kind == AddresseeKind.NEIGHBOURING_GMINA}
    assert len(gminas) == 6
    assert any("Piaseczno" in name for name in gminas)
    assert addressees.filter(kind=AddresseeKind.WATER_AUTHORITY, name__contains="Warszawie").count() == 1
    e_delivery = Dispatch.objects.filter(addressee__consultation=consultation, channel=DispatchChannel.EDORECZENIA)
    assert e_delivery.count() == 7
    assert not e_delivery.filter(received_on__isnull=True).exists()
    post = Dispatch.objects.get(addressee__consultation=consultation, channel=DispatchChannel.POST)
    assert post.received_on is None and post.sending_proof


def test_the_public_report_is_published_within_30_days_and_within_the_report_activity():
    consultation = load(AFTER, at="2.4")
    published = consultation.report_published_at.astimezone(WARSAW).date()
    assert consultation.status == ConsultationStatus.REPORTED
    assert comment_period(consultation).last_day < published <= report_deadline(consultation).last_day
    planned = activity("consultation_report")
    assert planned.planned_start <= published <= planned.planned_end


def test_after_the_period_both_reports_are_generated_in_three_formats():
    consultation = load(AFTER, at="2.4")
    files = ReportFile.objects.filter(consultation=consultation)
    assert {(f.variant, f.format) for f in files} == {(v, f) for v in ReportVariant.values
                                                      for f in ReportFormat.values}
    assert {f.status for f in files} == {ExportStatus.DONE}


def test_after_the_period_the_whole_consultation_lies_within_the_planned_activity():
    consultation = load(AFTER, at="2.4")
    planned = activity("consultation")
    assert planned.planned_start <= consultation.planned_announcement_on
    assert comment_period(consultation).last_day <= planned.planned_end
    assert (consultation.ends_on - consultation.planned_announcement_on).days >= 35


def test_invented_text_is_labelled_as_sample_data():
    consultation = load(AFTER, at="2.4")
    assert all(r.content.startswith(content.SAMPLE_MARK) for r in consultation.remarks.all())
    partners = consultation.addressees.filter(kind=AddresseeKind.PARTNER)
    assert partners.exists() and all(content.SAMPLE in a.name for a in partners)
    invented = consultation.submissions.exclude(organisation_name="").exclude(
        category__in=[SubmitterCategory.NEIGHBOURING_GMINA, SubmitterCategory.WATER_AUTHORITY])
    assert all(content.SAMPLE in s.organisation_name for s in invented)


# --- what exists when, and idempotency --------------------------------------------------------------------------

def test_before_the_consultation_there_is_none():
    assert load(DURING, at="2.2") is None
    assert not Consultation.objects.exists()


def _state():
    return (
        list(Consultation.objects.values_list("pk", "announced_at", "ends_on", "report_published_at")),
        list(Submission.objects.order_by("pk").values_list("pk", "number", "received_at")),
        list(Remark.objects.order_by("pk").values_list("pk", "number", "screening", "response_id", "assigned_to")),
        RemarkResponse.objects.count(), ReportFile.objects.count(), Dispatch.objects.count(),
    )


@pytest.mark.parametrize(("moment", "at"), [(DURING, None), (AFTER, "2.4")])
def test_loading_twice_the_same_day_changes_nothing(moment, at):
    load(moment, at)
    first = _state()
    load(moment, at)
    assert _state() == first


def test_moving_today_rebuilds_the_consultation_without_duplicates():
    load(DURING)
    consultation = load(AFTER, at="2.4")
    assert Consultation.objects.count() == 1
    assert consultation.remarks.count() == ALL_REMARKS
    assert load(DURING, at="2.2") is None
    assert not Remark.objects.exists()


# --- the timeline, on every day of a year ----------------------------------------------------------------------

def _activity(start, end, status):
    return Activity(planned_start=start, planned_end=end, status=status)


QUARTER = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


def test_during_the_activity_today_is_always_inside_a_period_of_at_least_35_days():
    consultation = _activity(*QUARTER, ActivityStatus.IN_PROGRESS)
    today = QUARTER[0]
    while today <= QUARTER[1]:
        plan = timeline(today=today, consultation_activity=consultation, report_activity=None)
        assert plan.announced_on <= today <= plan.ends_on, today
        assert (plan.ends_on - plan.announced_on).days >= 35, today
        assert is_working_day(plan.ends_on), today
        assert QUARTER[0] <= plan.announced_on, today
        today += dt.timedelta(days=1)


def test_after_the_activity_the_period_ends_before_the_late_remarks_and_the_report_follows_within_30_days():
    consultation = _activity(*QUARTER, ActivityStatus.COMPLETED)
    report = _activity(*QUARTER, ActivityStatus.IN_PROGRESS)
    today = QUARTER[0] + dt.timedelta(days=10)
    while today <= QUARTER[1] + dt.timedelta(days=200):
        plan = timeline(today=today, consultation_activity=consultation, report_activity=report)
        assert (plan.ends_on - plan.announced_on).days >= 35, today
        assert plan.ends_on + dt.timedelta(days=2) < plan.report_on <= today, today
        assert plan.report_on <= plan.ends_on + dt.timedelta(days=30), today
        if today >= QUARTER[0] + dt.timedelta(days=60):  # room enough for the whole story inside the quarter
            assert QUARTER[0] <= plan.announced_on and plan.report_on <= QUARTER[1], today
        today += dt.timedelta(days=1)


def test_before_the_activity_there_is_no_timeline():
    consultation = _activity(*QUARTER, ActivityStatus.PLANNED)
    assert timeline(today=QUARTER[0], consultation_activity=consultation, report_activity=None) is None



def test_without_reports_nothing_is_requested_or_published():
    from strategia.consultation.demo import consultation_load
    from strategia.processes.demo import municipality_load, process_load

    load(AFTER, at="2.2")
    with time_machine.travel(AFTER, tick=False):
        process = process_load(municipality=municipality_load(), today=AFTER.date(), anchor="2.4")
        consultation = consultation_load(process=process, today=AFTER.date(), reports=False)
    assert consultation.remarks.count() == ALL_REMARKS
    assert not ReportFile.objects.exists()
    assert consultation.report_published_at is None
