"""The consultation's statutory clock at its edges (art. 6 ust. 5–6 u.z.p.p.r., art. 39 u.o.o.ś.)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from strategia.consultation.enums import Channel, ConsultationStatus, DecisiveDate
from strategia.consultation.models import Consultation
from strategia.consultation.services import (
    comment_period,
    consultation_announce,
    consultation_close,
    consultation_extend,
    report_deadline,
    submission_create,
)
from strategia.core.statutory import Rule, period

WARSAW = ZoneInfo("Europe/Warsaw")
UTC = ZoneInfo("UTC")
REMARK = [{"content": "Proszę dodać ścieżkę rowerową.", "display_number": "1.1"}]


def _at(*args):
    return dt.datetime(*args, tzinfo=WARSAW)


def test_35_days_from_the_day_after_the_announcement_are_accepted(make_consultation):
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    assert comment_period(consultation).last_day == dt.date(2026, 7, 6)


def test_34_days_are_refused_with_the_article(make_consultation):
    with pytest.raises(ValidationError) as error:
        make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 5))
    message = " ".join(error.value.message_dict["ends_on"])
    assert period(Rule.CONSULTATION_MIN_DAYS).citation in message
    assert "06.07.2026" in message


def test_the_period_is_revalidated_when_the_announcement_is_published_late(make_consultation):
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    with pytest.raises(ValidationError):
        consultation_announce(actor=None, consultation=consultation, now=_at(2026, 6, 2, 9, 0))
    consultation.refresh_from_db()
    assert consultation.announced_at is None


def test_announcement_on_the_planned_day_records_its_time(make_consultation):
    consultation = make_consultation()
    announced = consultation_announce(actor=None, consultation=consultation, now=_at(2026, 6, 1, 23, 59, 59))
    assert announced.announced_at == _at(2026, 6, 1, 23, 59, 59)


def test_an_announcement_just_after_midnight_counts_from_the_next_day(make_consultation):
    consultation = make_consultation()
    # 22:30 UTC on 1 June is 00:30 on 2 June in Warsaw: one day fewer, below 35.
    with pytest.raises(ValidationError):
        consultation_announce(actor=None, consultation=consultation, now=dt.datetime(2026, 6, 1, 22, 30, tzinfo=UTC))


def test_with_the_forecast_the_21_day_rule_is_also_checked(make_consultation):
    consultation = make_consultation(forecast_title="Prognoza oddziaływania na środowisko")
    assert consultation.has_forecast  # 35 days satisfy both rules


def test_the_period_can_be_extended_but_never_shortened(make_consultation):
    consultation = make_consultation(ends_on=dt.date(2026, 7, 10))
    consultation_announce(actor=None, consultation=consultation, now=_at(2026, 6, 1, 10, 0))
    extended = consultation_extend(actor=None, consultation=consultation, ends_on=dt.date(2026, 7, 20))
    assert extended.ends_on == dt.date(2026, 7, 20)
    with pytest.raises(ValidationError) as error:
        consultation_extend(actor=None, consultation=extended, ends_on=dt.date(2026, 7, 15))
    assert "art. 6 ust. 5 u.z.p.p.r." in " ".join(error.value.message_dict["ends_on"])


def _announced(make_consultation, **kwargs):
    consultation = make_consultation(**kwargs)
    return consultation_announce(actor=None, consultation=consultation, now=_at(2026, 6, 1, 10, 0))


def test_a_web_remark_at_235959_of_the_last_day_is_on_time(make_consultation, time_machine):
    consultation = _announced(make_consultation)
    time_machine.move_to(_at(2026, 7, 6, 23, 59, 59), tick=False)
    submission = submission_create(actor=None, consultation=consultation, channel=Channel.PLATFORM,
                                   submitter_kind="anonymous", remarks=REMARK)
    assert not submission.is_late


def test_a_web_remark_at_000000_after_the_last_day_is_stored_and_marked_late(make_consultation, time_machine):
    consultation = _announced(make_consultation)
    time_machine.move_to(_at(2026, 7, 7, 0, 0, 0), tick=False)
    submission = submission_create(actor=None, consultation=consultation, channel=Channel.PLATFORM,
                                   submitter_kind="anonymous", remarks=REMARK)
    assert submission.is_late
    assert submission.remarks.count() == 1


def test_the_server_clock_decides_not_a_date_sent_by_the_page(make_consultation, time_machine):
    consultation = _announced(make_consultation)
    time_machine.move_to(_at(2026, 7, 8, 12, 0), tick=False)
    submission = submission_create(actor=None, consultation=consultation, channel=Channel.PLATFORM,
                                   submitter_kind="anonymous", remarks=REMARK, received_at=_at(2026, 7, 1, 12, 0))
    assert submission.is_late
    assert submission.received_at == _at(2026, 7, 8, 12, 0)


def test_a_last_day_on_a_holiday_moves_to_the_next_working_day(make_consultation, time_machine):
    # Announced 7 October 2026; 35 days later is Wednesday 11 November (a public holiday) → Thursday 12 November.
    consultation = make_consultation(announce_on=dt.date(2026, 10, 7), ends_on=dt.date(2026, 11, 11))
    consultation = consultation_announce(actor=None, consultation=consultation, now=_at(2026, 10, 7, 9, 0))
    assert comment_period(consultation).last_day == dt.date(2026, 11, 12)
    time_machine.move_to(_at(2026, 11, 12, 20, 0), tick=False)
    on_time = submission_create(actor=None, consultation=consultation, channel=Channel.PLATFORM,
                                submitter_kind="anonymous", remarks=REMARK)
    assert not on_time.is_late


def test_across_the_dst_change_the_deadline_is_warsaw_midnight(make_consultation, time_machine):
    # Announced 1 October 2026, last day Thursday 5 November (after the change to CET, UTC+1).
    consultation = make_consultation(announce_on=dt.date(2026, 10, 1), ends_on=dt.date(2026, 11, 5))
    consultation = consultation_announce(actor=None, consultation=consultation, now=_at(2026, 10, 1, 9, 0))
    time_machine.move_to(dt.datetime(2026, 11, 5, 22, 59, 59, tzinfo=UTC), tick=False)
    assert not submission_create(actor=None, consultation=consultation, channel=Channel.PLATFORM,
                                 submitter_kind="anonymous", remarks=REMARK).is_late
    time_machine.move_to(dt.datetime(2026, 11, 5, 23, 0, 0, tzinfo=UTC), tick=False)
    assert submission_create(actor=None, consultation=consultation, channel=Channel.PLATFORM,
                             submitter_kind="anonymous", remarks=REMARK).is_late


def test_the_postmark_decides_for_post_when_the_resolution_says_so(make_consultation):
    consultation = _announced(make_consultation, decisive_date=DecisiveDate.POSTMARK)
    letter = submission_create(actor=None, consultation=consultation, channel=Channel.POST,
                               submitter_kind="person", submitter_name="Jan Nowak", remarks=REMARK,
                               received_at=_at(2026, 7, 9, 10, 0), postmark_on=dt.date(2026, 7, 6))
    assert not letter.is_late
    assert letter.received_at == _at(2026, 7, 9, 10, 0)


def test_the_receipt_decides_for_post_by_default(make_consultation):
    consultation = _announced(make_consultation)
    letter = submission_create(actor=None, consultation=consultation, channel=Channel.POST,
                               submitter_kind="person", remarks=REMARK,
                               received_at=_at(2026, 7, 9, 10, 0), postmark_on=dt.date(2026, 7, 6))
    assert letter.is_late
    assert letter.postmark_on == dt.date(2026, 7, 6)  # both dates are stored


def test_the_report_is_due_30_days_after_the_end_of_the_period(make_consultation):
    consultation = _announced(make_consultation)
    # Last day Monday 6 July 2026 + 30 days = Wednesday 5 August 2026.
    assert report_deadline(consultation).last_day == dt.date(2026, 8, 5)
    assert report_deadline(consultation).citation == period(Rule.CONSULTATION_REPORT_DAYS).citation


def cites_the_article(error: pytest.ExceptionInfo) -> bool:
    """Every refusal of a deadline rule names its article of the act (issue #4 point 2)."""
    message = " ".join(error.value.messages)
    return "art. 6 ust." in message and "u.z.p.p.r." in message


def test_remarks_before_the_announcement_are_refused_with_the_article(make_consultation):
    consultation = make_consultation()
    with pytest.raises(ValidationError) as error:
        submission_create(actor=None, consultation=consultation, channel=Channel.PLATFORM,
                          submitter_kind="anonymous", remarks=REMARK)
    assert cites_the_article(error)
    assert not consultation.submissions.exists()


def test_extending_after_the_report_is_published_is_refused_with_the_article(make_consultation):
    consultation = _announced(make_consultation)
    Consultation.objects.filter(pk=consultation.pk).update(report_published_at=_at(2026, 7, 20, 12, 0),
                                                           status=ConsultationStatus.REPORTED)
    with pytest.raises(ValidationError) as error:
        consultation_extend(actor=None, consultation=consultation, ends_on=dt.date(2026, 7, 30))
    assert cites_the_article(error)
    assert Consultation.objects.get(pk=consultation.pk).ends_on == dt.date(2026, 7, 6)


@translation.override("en")
def test_after_the_report_any_new_last_day_is_refused_because_the_consultation_is_over(make_consultation):
    consultation = _announced(make_consultation)
    Consultation.objects.filter(pk=consultation.pk).update(report_published_at=_at(2026, 7, 20, 12, 0),
                                                           status=ConsultationStatus.REPORTED)
    with pytest.raises(ValidationError) as error:
        consultation_extend(actor=None, consultation=consultation, ends_on=dt.date(2026, 7, 1))
    assert "has been published" in " ".join(error.value.messages)


def test_closing_on_the_last_day_is_refused_with_the_article_and_the_day(make_consultation):
    consultation = _announced(make_consultation)
    with pytest.raises(ValidationError) as error:
        consultation_close(actor=None, consultation=consultation, today=dt.date(2026, 7, 6))
    assert cites_the_article(error)
    assert "06.07.2026" in " ".join(error.value.messages)
    assert Consultation.objects.get(pk=consultation.pk).status == ConsultationStatus.ANNOUNCED


def test_closing_the_day_after_the_last_day_is_allowed(make_consultation):
    consultation = _announced(make_consultation)
    closed = consultation_close(actor=None, consultation=consultation, today=dt.date(2026, 7, 7))
    assert closed.status == ConsultationStatus.CLOSED


def test_a_working_version_cannot_be_consulted(process, make_consultation, frozen_draft):
    from strategia.consultation.services import consultation_create
    from strategia.documents.selectors import version_working

    working = version_working(document=frozen_draft.document)
    with pytest.raises(ValidationError):
        consultation_create(actor=None, process=process, document_version=working, title="x",
                            planned_announcement_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))


def test_an_organisation_must_be_named_and_contact_data_is_optional(make_consultation):
    consultation = _announced(make_consultation)
    with pytest.raises(ValidationError):
        submission_create(actor=None, consultation=consultation, channel=Channel.EMAIL,
                          submitter_kind="organisation", remarks=REMARK, received_at=_at(2026, 6, 10, 9, 0))
    person = submission_create(actor=None, consultation=consultation, channel=Channel.EMAIL,
                               submitter_kind="person", remarks=REMARK, received_at=_at(2026, 6, 10, 9, 0))
    assert person.contact_email == "" and person.contact_phone == ""
    assert person.tracking_token
