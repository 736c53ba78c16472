"""The rules of the review services: screening, assignment and answers (stance + mandatory justification)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.consultation.enums import ConsultedDocument, Screening, Stance, SubmitterKind
from strategia.consultation.models import Remark, RemarkResponse
from strategia.consultation.review_services import (
    allowed_stances,
    remark_hide,
    remark_publish,
    remarks_assign,
    response_create,
    response_detach,
    response_update,
)
from strategia.core.models import AuditEntry
from tests.consultation.test_review_support import (
    LATE,
    announced,
    freeze_next_version,
    one_remark,
    submit,
    user,
)
from tests.factories import MunicipalityFactory, UserFactory, user_with_municipality_role


@pytest.fixture
def consultation(make_consultation):
    return announced(make_consultation)


def answer(consultation, remarks, **kwargs):
    data = {"stance": Stance.ACCEPTED, "justification": "Zapis zostanie uzupełniony.", **kwargs}
    return response_create(actor=None, consultation=consultation, remarks=remarks, **data)


# --- screening --------------------------------------------------------------------------------------------------

def test_hiding_a_remark_needs_a_reason(consultation):
    remark = one_remark(consultation)
    with pytest.raises(ValidationError) as error:
        remark_hide(actor=None, remark=remark, reason="   ")
    assert "reason" in error.value.message_dict
    remark.refresh_from_db()
    assert remark.screening == Screening.PENDING


def test_a_hidden_remark_keeps_its_answer_and_stays_in_the_consultation(consultation):
    remark = one_remark(consultation)
    response = answer(consultation, [remark])
    remark_hide(actor=None, remark=remark, reason="Dane osobowe osób trzecich")
    remark.refresh_from_db()
    assert remark.screening == Screening.HIDDEN and remark.hidden_reason == "Dane osobowe osób trzecich"
    assert remark.response == response
    assert Remark.objects.filter(consultation=consultation).count() == 1


def test_publishing_clears_the_reason_for_hiding(consultation):
    remark = one_remark(consultation)
    remark_hide(actor=None, remark=remark, reason="Obraźliwe słowa")
    remark_publish(actor=None, remark=remark)
    remark.refresh_from_db()
    assert remark.screening == Screening.PUBLISHED and remark.hidden_reason == ""


def test_screening_is_audited(consultation):
    remark = one_remark(consultation)
    remark_publish(actor=None, remark=remark)
    remark_hide(actor=None, remark=remark, reason="Obraźliwe słowa")
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True))[-2:] == [
        "remark.publish", "remark.hide"]


# --- assignment -------------------------------------------------------------------------------------------------

def test_remarks_are_assigned_to_a_member_of_the_office(consultation):
    remark = one_remark(consultation)
    staff = user(consultation, MR.STAFF)
    assert remarks_assign(actor=None, consultation=consultation, remarks=[remark], assignee=staff) == 1
    remark.refresh_from_db()
    assert remark.assigned_to == staff


@pytest.mark.parametrize("outsider", ["resident", "other_municipality"])
def test_remarks_cannot_be_assigned_outside_the_office(consultation, outsider):
    remark = one_remark(consultation)
    person = (UserFactory() if outsider == "resident"
              else user_with_municipality_role(MunicipalityFactory(), MR.STAFF))
    with pytest.raises(ValidationError):
        remarks_assign(actor=None, consultation=consultation, remarks=[remark], assignee=person)
    remark.refresh_from_db()
    assert remark.assigned_to is None


def test_assigning_to_no_one_takes_the_remarks_back(consultation):
    remark = one_remark(consultation)
    remarks_assign(actor=None, consultation=consultation, remarks=[remark], assignee=user(consultation, MR.STAFF))
    remarks_assign(actor=None, consultation=consultation, remarks=[remark], assignee=None)
    remark.refresh_from_db()
    assert remark.assigned_to is None


# --- answers ----------------------------------------------------------------------------------------------------

def test_every_stance_needs_a_justification(consultation):
    remark = one_remark(consultation)
    with pytest.raises(ValidationError) as error:
        answer(consultation, [remark], justification="  ")
    assert "justification" in error.value.message_dict
    assert not RemarkResponse.objects.exists()


def test_left_unconsidered_also_needs_a_justification(consultation):
    remark = one_remark(consultation, received_at=LATE)
    with pytest.raises(ValidationError) as error:
        answer(consultation, [remark], stance=Stance.NOT_CONSIDERED, justification="")
    assert "justification" in error.value.message_dict


def test_a_remark_on_time_may_get_any_stance(consultation):
    assert allowed_stances(one_remark(consultation)) == list(Stance.values)


def test_a_late_remark_on_the_forecast_is_only_left_unconsidered_citing_art_41(consultation):
    remark = one_remark(consultation, received_at=LATE,
                        remarks=[{"content": "Prognoza pomija hałas.", "document": ConsultedDocument.FORECAST}])
    assert allowed_stances(remark) == [Stance.NOT_CONSIDERED]
    with pytest.raises(ValidationError) as error:
        answer(consultation, [remark], stance=Stance.ACCEPTED)
    assert "art. 41 u.o.o.ś." in " ".join(error.value.message_dict["stance"])


def test_a_late_remark_on_the_forecast_is_left_unconsidered_even_when_late_remarks_are_considered(
        make_consultation):
    consultation = announced(make_consultation, late_remarks_considered=True)
    remark = one_remark(consultation, received_at=LATE,
                        remarks=[{"content": "Prognoza pomija hałas.", "document": ConsultedDocument.FORECAST}])
    assert allowed_stances(remark) == [Stance.NOT_CONSIDERED]


def test_a_late_remark_on_the_strategy_may_be_considered_when_the_resolution_allows_it(make_consultation):
    consultation = announced(make_consultation, late_remarks_considered=True)
    remark = one_remark(consultation, received_at=LATE)
    response = answer(consultation, [remark], stance=Stance.PARTLY, justification="Uwzględniona mimo terminu.")
    assert response.stance == Stance.PARTLY


def test_a_late_remark_on_the_strategy_is_left_unconsidered_by_default(consultation):
    remark = one_remark(consultation, received_at=LATE)
    with pytest.raises(ValidationError):
        answer(consultation, [remark], stance=Stance.REJECTED)
    assert answer(consultation, [remark], stance=Stance.NOT_CONSIDERED,
                  justification="Po terminie.").stance == Stance.NOT_CONSIDERED


@translation.override("en")
def test_an_anonymous_remark_is_not_accepted_where_the_resolution_does_not_accept_them(consultation):
    remark = one_remark(consultation, kind=SubmitterKind.ANONYMOUS)
    with pytest.raises(ValidationError) as error:
        answer(consultation, [remark], stance=Stance.ACCEPTED)
    assert "anonymous" in " ".join(error.value.message_dict["stance"])


def test_an_anonymous_remark_may_be_answered_where_the_resolution_accepts_them(make_consultation):
    consultation = announced(make_consultation, anonymous_remarks_considered=True)
    remark = one_remark(consultation, kind=SubmitterKind.ANONYMOUS)
    assert answer(consultation, [remark]).stance == Stance.ACCEPTED


def test_no_answer_after_the_report_is_published(consultation):
    remark = one_remark(consultation)
    response = answer(consultation, [remark])
    consultation.report_published_at = dt.datetime(2026, 8, 1, 10, tzinfo=dt.UTC)
    consultation.save(update_fields=["report_published_at"])
    with pytest.raises(ValidationError):
        answer(consultation, [remark], stance=Stance.REJECTED)
    with pytest.raises(ValidationError):
        response_update(actor=None, response=response, stance=Stance.REJECTED, justification="Zmiana.")
    with pytest.raises(ValidationError):
        response_detach(actor=None, remark=remark)


def test_a_joint_answer_is_shared_by_every_remark(consultation):
    remarks = list(submit(consultation, remarks=[{"content": "a"}, {"content": "b"}, {"content": "c"}])
                   .remarks.all())
    response = answer(consultation, remarks)
    assert set(response.remarks.all()) == set(remarks)


@translation.override("en")
def test_one_refused_remark_refuses_the_whole_joint_answer(consultation):
    on_time = one_remark(consultation)
    late = one_remark(consultation, received_at=LATE)
    with pytest.raises(ValidationError) as error:
        answer(consultation, [on_time, late])
    assert f"Remark {late.number}" in " ".join(error.value.message_dict["stance"])
    assert not RemarkResponse.objects.exists()


def test_updating_a_joint_answer_changes_it_for_all(consultation):
    remarks = list(submit(consultation, remarks=[{"content": "a"}, {"content": "b"}]).remarks.all())
    response = answer(consultation, remarks)
    response_update(actor=None, response=response, stance=Stance.REJECTED, justification="Nowe uzasadnienie.")
    assert {r.response.stance for r in Remark.objects.select_related("response")} == {Stance.REJECTED}


def test_detaching_leaves_the_others_with_the_joint_answer(consultation):
    first, second = submit(consultation, remarks=[{"content": "a"}, {"content": "b"}]).remarks.all()
    response = answer(consultation, [first, second])
    response_detach(actor=None, remark=first)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.response is None and second.response == response


def test_an_answer_left_with_no_remark_is_removed(consultation):
    remark = one_remark(consultation)
    answer(consultation, [remark])
    remark.refresh_from_db()
    response_detach(actor=None, remark=remark)
    assert not RemarkResponse.objects.exists()


def test_answering_again_together_moves_the_remark_and_drops_the_empty_answer(consultation):
    first, second = submit(consultation, remarks=[{"content": "a"}, {"content": "b"}]).remarks.all()
    old = answer(consultation, [first])
    new = answer(consultation, [first, second])
    assert not RemarkResponse.objects.filter(pk=old.pk).exists()
    assert set(new.remarks.all()) == {first, second}


def test_remarks_of_another_consultation_cannot_be_answered(consultation, make_consultation):
    other = announced(make_consultation)
    remark = one_remark(other)
    with pytest.raises(ValidationError):
        answer(consultation, [remark])


def test_the_version_with_the_change_must_be_a_later_frozen_version(consultation):
    remark = one_remark(consultation)
    with pytest.raises(ValidationError) as error:
        answer(consultation, [remark], change_version=consultation.document_version)
    assert "change_version" in error.value.message_dict
    later = freeze_next_version(consultation.document_version)
    assert answer(consultation, [remark], change_version=later).change_version == later
