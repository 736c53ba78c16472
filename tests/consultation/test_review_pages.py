"""The register of remarks, the remark page, the joint answer, the assignment and the progress view: who may
open them, what they show and how the answering rules reach the user."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.consultation.enums import ConsultedDocument, Screening, Stance, SubmitterKind
from strategia.consultation.models import Remark, RemarkResponse
from strategia.consultation.review_services import remarks_assign, response_create
from strategia.core.models import AuditEntry
from tests.consultation.test_review_support import (
    LATE,
    WARSAW,
    announced,
    first_paragraph,
    freeze_next_version,
    office,
    one_remark,
    remark_url,
    submit,
    url,
    user,
)
from tests.factories import MunicipalityFactory, user_with_municipality_role, user_with_process_role

PAGES = ["remark_register", "remark_detail", "review_progress", "remarks_joint_answer"]
POSTS = {"remark_publish": MR.CONTRACTOR, "remark_hide": MR.CONTRACTOR, "remarks_assign": MR.CONTRACTOR,
         "remark_answer": MR.APPROVER, "remark_detach": MR.APPROVER, "remarks_joint_answer": MR.APPROVER}


@pytest.fixture
def consultation(make_consultation):
    return announced(make_consultation)


@pytest.fixture
def remark(consultation):
    return one_remark(consultation)


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def page_url(name, remark):
    if name in ("remark_detail", "remark_publish", "remark_hide", "remark_answer", "remark_detach"):
        return remark_url(name, remark)
    address = url(name, remark.consultation)
    return f"{address}?uwagi={remark.pk}" if name == "remarks_joint_answer" else address


def answer_data(**overrides):
    return {"stance": Stance.ACCEPTED, "justification": "Zapis zostanie uzupełniony.", "resulting_change": "",
            "change_version": "", **overrides}


def answer(consultation, remarks, **kwargs):
    data = {"stance": Stance.ACCEPTED, "justification": "Zapis zostanie uzupełniony.", **kwargs}
    return response_create(actor=None, consultation=consultation, remarks=remarks, **data)


# --- who may open the pages -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_the_login_page(client, remark, name):
    response = client.get(page_url(name, remark))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_staff_of_another_municipality_gets_404(client, remark, name):
    client.force_login(user_with_municipality_role(MunicipalityFactory(), MR.ADMINISTRATOR))
    assert client.get(page_url(name, remark)).status_code == 404


@pytest.mark.parametrize("name", PAGES)
def test_office_staff_may_open_every_page(client, remark, name):
    client.force_login(office(remark.consultation))
    assert client.get(page_url(name, remark)).status_code == 200


@pytest.mark.parametrize("name", ["remark_register", "remark_detail", "review_progress"])
def test_a_councillor_may_read_the_register_the_remark_and_the_progress(client, remark, name):
    client.force_login(user_with_process_role(remark.consultation.process, PR.COUNCILLOR))
    assert client.get(page_url(name, remark)).status_code == 200


def test_a_councillor_may_not_open_the_joint_answer(client, remark):
    client.force_login(user_with_process_role(remark.consultation.process, PR.COUNCILLOR))
    assert client.get(page_url("remarks_joint_answer", remark)).status_code == 403


@pytest.mark.parametrize(("name", "role"), POSTS.items())
def test_actions_are_refused_to_a_role_without_the_permission(client, remark, name, role):
    client.force_login(user(remark.consultation, role))
    assert client.post(page_url(name, remark), {"uwagi": remark.pk, "reason": "x", **answer_data()}).status_code \
        == 403


@pytest.mark.parametrize("name", ["remark_publish", "remark_hide", "remark_answer", "remark_detach",
                                  "remarks_assign"])
def test_actions_are_post_only(client, remark, name):
    client.force_login(user(remark.consultation, MR.COORDINATOR))
    assert client.get(page_url(name, remark)).status_code == 405


def test_a_remark_of_another_consultation_is_404(client, consultation, make_consultation):
    other = one_remark(announced(make_consultation))
    client.force_login(office(consultation))
    assert client.get(url("remark_detail", consultation, remark_id=other.pk)).status_code == 404


def test_a_consultation_of_another_process_is_404(client, remark):
    client.force_login(office(remark.consultation))
    address = page_url("remark_register", remark).replace(remark.consultation.process.slug, "inny-proces")
    assert client.get(address).status_code == 404


def test_a_councillor_sees_no_action_buttons(english, remark):
    english.force_login(user_with_process_role(remark.consultation.process, PR.COUNCILLOR))
    html = english.get(page_url("remark_register", remark)).content.decode()
    assert 'name="uwagi"' not in html and "Answer together" not in html


def test_a_contractor_may_answer_but_not_screen_or_assign(english, remark):
    english.force_login(user(remark.consultation, MR.CONTRACTOR))
    html = english.get(page_url("remark_detail", remark)).content.decode()
    assert "Save the answer" in html
    assert "Hide the remark" not in html and 'name="assignee"' not in html


# --- the register -----------------------------------------------------------------------------------------------

def test_the_register_lists_every_remark_hidden_ones_included(english, consultation):
    shown = one_remark(consultation, remarks=[{"content": "Widoczna uwaga"}])
    hidden = one_remark(consultation, remarks=[{"content": "Ukryta uwaga"}])
    Remark.objects.filter(pk=hidden.pk).update(screening=Screening.HIDDEN, hidden_reason="Obraźliwe słowa")
    english.force_login(office(consultation))
    html = english.get(url("remark_register", consultation)).content.decode()
    assert "Widoczna uwaga" in html and "Ukryta uwaga" in html
    assert f"Remark {shown.number}" in html and f"Remark {hidden.number}" in html


def test_the_register_shows_the_late_mark_fragment_stance_and_assignee(english, consultation):
    remark = one_remark(consultation, received_at=LATE,
                        remarks=[{"content": "Uwaga", "display_number": "3.2.1", "fragment": "Rozdział 3"}])
    staff = office(consultation)
    remarks_assign(actor=None, consultation=consultation, remarks=[remark], assignee=staff)
    answer(consultation, [remark], stance=Stance.NOT_CONSIDERED, justification="Po terminie.")
    english.force_login(staff)
    html = english.get(url("remark_register", consultation)).content.decode()
    assert "late" in html and "point 3.2.1" in html and "Rozdział 3" in html
    assert "left unconsidered" in html and "Pracownik staff" in html


def _numbers(client, consultation, **params):
    response = client.get(url("remark_register", consultation), params)
    return [r.number for r in response.context["page"].object_list]


def test_the_register_filters_remarks_awaiting_a_stance(client, consultation):
    answered, waiting = (one_remark(consultation) for _ in range(2))
    answer(consultation, [answered])
    client.force_login(office(consultation))
    assert _numbers(client, consultation, stanowisko="none") == [waiting.number]
    assert _numbers(client, consultation, stanowisko=Stance.ACCEPTED) == [answered.number]


def test_the_register_filters_by_screening_late_document_and_point(client, consultation):
    hidden = one_remark(consultation, remarks=[{"content": "a", "display_number": "2.1"}])
    Remark.objects.filter(pk=hidden.pk).update(screening=Screening.HIDDEN, hidden_reason="x")
    late = one_remark(consultation, received_at=LATE, remarks=[{"content": "b", "display_number": "3.1"}])
    forecast = one_remark(consultation, remarks=[{"content": "c", "document": ConsultedDocument.FORECAST,
                                                  "fragment": "str. 12"}])
    client.force_login(office(consultation))
    assert _numbers(client, consultation, publikacja=Screening.HIDDEN) == [hidden.number]
    assert _numbers(client, consultation, po_terminie="tak") == [late.number]
    assert _numbers(client, consultation, dokument=ConsultedDocument.FORECAST) == [forecast.number]
    assert _numbers(client, consultation, punkt="3") == [late.number]
    assert _numbers(client, consultation, punkt="str. 12") == [forecast.number]


def test_the_register_filters_by_assignment(client, consultation):
    mine, theirs, nobody = (one_remark(consultation) for _ in range(3))
    me, colleague = office(consultation), office(consultation)
    remarks_assign(actor=None, consultation=consultation, remarks=[mine], assignee=me)
    remarks_assign(actor=None, consultation=consultation, remarks=[theirs], assignee=colleague)
    client.force_login(me)
    assert _numbers(client, consultation, przydzial="me") == [mine.number]
    assert _numbers(client, consultation, przydzial="none") == [nobody.number]
    assert _numbers(client, consultation, przydzial="any") == [mine.number, theirs.number]
    assert _numbers(client, consultation, przydzial=str(colleague.pk)) == [theirs.number]


def test_the_register_searches_the_text(client, consultation):
    one_remark(consultation, remarks=[{"content": "Więcej zieleni w centrum"}])
    wanted = one_remark(consultation, remarks=[{"content": "Nowa ścieżka", "proposed_wording": "Dodać ROWERY"}])
    client.force_login(office(consultation))
    assert _numbers(client, consultation, q="rowery") == [wanted.number]


def test_the_register_is_paginated_with_the_filters_kept(english, consultation):
    submit(consultation, remarks=[{"content": f"Uwaga {n}"} for n in range(55)])
    english.force_login(office(consultation))
    first = english.get(url("remark_register", consultation), {"q": "Uwaga"})
    second = english.get(url("remark_register", consultation), {"q": "Uwaga", "strona": "2"})
    assert len(first.context["page"].object_list) == 50 and len(second.context["page"].object_list) == 5
    assert "?q=Uwaga&amp;strona=2" in first.content.decode()


def _register_queries(client, consultation) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("remark_register", consultation), {"stanowisko": "none"}).status_code == 200
    return len(queries)


def test_the_register_takes_the_same_number_of_queries_for_1_and_30_remarks(client, consultation):
    staff = office(consultation)
    client.force_login(staff)
    remark = one_remark(consultation)
    remarks_assign(actor=None, consultation=consultation, remarks=[remark], assignee=staff)
    small = _register_queries(client, consultation)
    for n in range(29):
        extra = one_remark(consultation, kind=SubmitterKind.ORGANISATION if n % 2 else SubmitterKind.PERSON,
                           organisation="Stowarzyszenie", received_at=LATE if n % 3 else dt.datetime(
                               2026, 6, 11, tzinfo=WARSAW))
        remarks_assign(actor=None, consultation=consultation, remarks=[extra], assignee=office(consultation))
    assert Remark.objects.count() == 30
    assert _register_queries(client, consultation) == small


# --- screening through the pages --------------------------------------------------------------------------------

def test_hiding_without_a_reason_shows_the_message_next_to_the_field(english, remark):
    english.force_login(office(remark.consultation))
    response = english.post(remark_url("remark_hide", remark), {"reason": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_reason_error"' in html and "Please give the reason for hiding the remark." in html
    assert 'aria-invalid="true"' in html
    remark.refresh_from_db()
    assert remark.screening == Screening.PENDING


def test_a_hidden_remark_keeps_its_stance_and_stays_in_the_register(english, remark):
    consultation = remark.consultation
    answer(consultation, [remark], stance=Stance.REJECTED, justification="Niezgodne z diagnozą.")
    english.force_login(office(consultation))
    english.post(remark_url("remark_hide", remark), {"reason": "Dane osobowe osób trzecich"})
    remark.refresh_from_db()
    assert remark.screening == Screening.HIDDEN and remark.response.stance == Stance.REJECTED
    html = english.get(url("remark_register", consultation)).content.decode()
    assert f"Remark {remark.number}" in html and "not accepted" in html and "hidden" in html


def test_publishing_a_remark(client, remark):
    client.force_login(office(remark.consultation))
    response = client.post(remark_url("remark_publish", remark))
    assert response.status_code == 302
    remark.refresh_from_db()
    assert remark.screening == Screening.PUBLISHED
    assert AuditEntry.objects.filter(action="remark.publish").count() == 1


# --- answering through the pages --------------------------------------------------------------------------------

def test_an_answer_is_saved(client, remark):
    client.force_login(user(remark.consultation, MR.CONTRACTOR))
    response = client.post(remark_url("remark_answer", remark), answer_data(resulting_change="Dodano zapis."))
    assert response.status_code == 302
    remark.refresh_from_db()
    assert remark.response.stance == Stance.ACCEPTED and remark.response.resulting_change == "Dodano zapis."


def test_an_answer_without_justification_shows_the_message_next_to_the_field_and_keeps_the_text(english, remark):
    english.force_login(office(remark.consultation))
    response = english.post(remark_url("remark_answer", remark),
                            answer_data(justification="", resulting_change="Mój wpisany tekst"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_justification_error"' in html and "Every stance needs a justification" in html
    assert 'aria-describedby="id_justification_error"' in html
    assert "Mój wpisany tekst" in html
    assert not RemarkResponse.objects.exists()


def test_a_late_forecast_remark_offers_only_left_unconsidered_citing_art_41(english, consultation):
    remark = one_remark(consultation, received_at=LATE,
                        remarks=[{"content": "Prognoza", "document": ConsultedDocument.FORECAST}])
    english.force_login(office(consultation))
    response = english.get(remark_url("remark_detail", remark))
    assert [value for value, _ in response.context["answer_form"].fields["stance"].widget.choices] == [
        Stance.NOT_CONSIDERED]
    assert "art. 41 u.o.o.ś." in response.content.decode()


def test_a_late_forecast_remark_cannot_be_accepted_and_the_refusal_cites_art_41(english, consultation):
    remark = one_remark(consultation, received_at=LATE,
                        remarks=[{"content": "Prognoza", "document": ConsultedDocument.FORECAST}])
    english.force_login(office(consultation))
    response = english.post(remark_url("remark_answer", remark), answer_data(stance=Stance.ACCEPTED))
    assert response.status_code == 200
    assert any("art. 41 u.o.o.ś." in e for e in response.context["answer_form"].errors["stance"])
    assert not RemarkResponse.objects.exists()


def test_an_anonymous_remark_cannot_be_accepted(english, consultation):
    remark = one_remark(consultation, kind=SubmitterKind.ANONYMOUS)
    english.force_login(office(consultation))
    response = english.post(remark_url("remark_answer", remark), answer_data(stance=Stance.ACCEPTED))
    assert "stance" in response.context["answer_form"].errors
    assert not RemarkResponse.objects.exists()


def test_no_answer_after_the_report_is_published(english, remark):
    consultation = remark.consultation
    consultation.report_published_at = dt.datetime(2026, 8, 1, 10, tzinfo=dt.UTC)
    consultation.save(update_fields=["report_published_at"])
    english.force_login(office(consultation))
    page = english.get(remark_url("remark_detail", remark)).content.decode()
    response = english.post(remark_url("remark_answer", remark), answer_data())
    assert "the answers are final" in page and "Save the answer" not in page
    assert response.status_code == 200 and "the answers are final" in response.content.decode()
    assert not RemarkResponse.objects.exists()


def test_changing_an_answer_on_one_remark_changes_it_for_those_sharing_it(client, consultation):
    first, second = submit(consultation, remarks=[{"content": "a"}, {"content": "b"}]).remarks.all()
    answer(consultation, [first, second])
    client.force_login(office(consultation))
    client.post(remark_url("remark_answer", first), answer_data(stance=Stance.EXPLANATION, justification="Wyj."))
    second.refresh_from_db()
    assert second.response.stance == Stance.EXPLANATION and RemarkResponse.objects.count() == 1


def test_the_remark_page_lists_those_sharing_the_answer_and_detach_works(english, consultation):
    first, second = submit(consultation, remarks=[{"content": "a"}, {"content": "b"}]).remarks.all()
    answer(consultation, [first, second])
    english.force_login(office(consultation))
    html = english.get(remark_url("remark_detail", first)).content.decode()
    assert f"Remark {second.number}" in html and "Take this remark out of the joint answer" in html
    english.post(remark_url("remark_detach", first))
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.response is None and second.response is not None


def test_the_remark_page_suggests_remarks_on_the_same_paragraph_or_with_the_same_content(english, consultation):
    uid = first_paragraph(consultation.document_version).uid
    remark = one_remark(consultation, remarks=[{"content": "Więcej drzew!", "block_uid": uid}])
    same_paragraph = one_remark(consultation, remarks=[{"content": "Inna treść", "block_uid": uid}])
    same_content = one_remark(consultation, remarks=[{"content": "  więcej   DRZEW "}])
    unrelated = one_remark(consultation, remarks=[{"content": "Coś innego"}])
    english.force_login(office(consultation))
    response = english.get(remark_url("remark_detail", remark))
    assert [r.pk for r in response.context["identical"]] == [same_paragraph.pk, same_content.pk]
    assert unrelated.pk not in [r.pk for r in response.context["identical"]]


# --- the lineage link -------------------------------------------------------------------------------------------

def test_the_answer_links_to_the_same_paragraph_in_the_version_with_the_change(english, consultation):
    block = first_paragraph(consultation.document_version)
    remark = one_remark(consultation, remarks=[{"content": "Zmienić cel", "block_uid": block.uid}])
    later = freeze_next_version(consultation.document_version)
    answer(consultation, [remark], change_version=later)
    english.force_login(office(consultation))
    html = english.get(remark_url("remark_detail", remark)).content.decode()
    moved = first_paragraph(later)
    assert f'{later.get_absolute_url()}#{moved.anchor}"' in html
    assert moved.uid == block.uid


def test_the_answer_says_when_the_paragraph_was_removed(english, consultation):
    block = first_paragraph(consultation.document_version)
    remark = one_remark(consultation, remarks=[{"content": "Usunąć cel", "block_uid": block.uid}])
    later = freeze_next_version(consultation.document_version, drop_paragraph=True)
    answer(consultation, [remark], change_version=later)
    english.force_login(office(consultation))
    html = english.get(remark_url("remark_detail", remark)).content.decode()
    assert f"The paragraph was removed in version {later.number}." in html


def test_the_answer_form_offers_only_later_frozen_versions(client, consultation, remark):
    later = freeze_next_version(consultation.document_version)
    client.force_login(office(consultation))
    form = client.get(remark_url("remark_detail", remark)).context["answer_form"]
    assert list(form.fields["change_version"].queryset) == [later]


# --- the joint answer -------------------------------------------------------------------------------------------

def test_the_register_selection_opens_the_joint_answer_with_the_remarks(client, consultation):
    first, second = submit(consultation, remarks=[{"content": "a"}, {"content": "b"}]).remarks.all()
    client.force_login(office(consultation))
    response = client.post(url("remarks_joint_answer", consultation), {"uwagi": [first.pk, second.pk]})
    assert response.status_code == 200
    assert [r.pk for r in response.context["remarks"]] == [first.pk, second.pk]
    assert not response.context["form"].is_bound


def test_a_joint_answer_updates_all_the_remarks(client, consultation):
    remarks = list(submit(consultation, remarks=[{"content": "a"}, {"content": "b"}, {"content": "c"}])
                   .remarks.all())
    client.force_login(office(consultation))
    response = client.post(url("remarks_joint_answer", consultation),
                           {"uwagi": [r.pk for r in remarks], "answer": "1", **answer_data()})
    assert response.status_code == 302
    assert RemarkResponse.objects.count() == 1
    assert set(RemarkResponse.objects.get().remarks.all()) == set(remarks)


def test_a_joint_answer_names_the_refused_remark_and_keeps_what_was_typed(english, consultation):
    on_time = one_remark(consultation)
    late = one_remark(consultation, received_at=LATE)
    english.force_login(office(consultation))
    response = english.post(url("remarks_joint_answer", consultation),
                            {"uwagi": [on_time.pk, late.pk], "answer": "1",
                             **answer_data(justification="Moje długie uzasadnienie")})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Remark {late.number} came after the deadline" in html
    assert "Moje długie uzasadnienie" in html
    assert f'name="uwagi" value="{on_time.pk}"' in html and f'name="uwagi" value="{late.pk}"' in html
    assert not RemarkResponse.objects.exists()


def test_the_joint_answer_ignores_remarks_of_another_consultation(client, consultation, make_consultation):
    mine = one_remark(consultation)
    foreign = one_remark(announced(make_consultation))
    client.force_login(office(consultation))
    client.post(url("remarks_joint_answer", consultation), {"uwagi": [mine.pk, foreign.pk], "answer": "1",
                                                             **answer_data()})
    foreign.refresh_from_db()
    assert foreign.response is None
    assert RemarkResponse.objects.get().remarks.get() == mine


def test_the_joint_answer_without_remarks_asks_to_choose_them_in_the_register(english, consultation):
    english.force_login(office(consultation))
    response = english.post(url("remarks_joint_answer", consultation), {"answer": "1", **answer_data()})
    html = response.content.decode()
    assert response.status_code == 200 and "Choose at least one remark to answer." in html
    assert url("remark_register", consultation) in html and 'name="justification"' not in html
    assert not RemarkResponse.objects.exists()


# --- assignment through the pages -------------------------------------------------------------------------------

def test_remarks_are_assigned_from_the_register_without_javascript(client, consultation):
    first, second = submit(consultation, remarks=[{"content": "a"}, {"content": "b"}]).remarks.all()
    staff = office(consultation)
    client.force_login(user(consultation, MR.COORDINATOR))
    response = client.post(url("remarks_assign", consultation), {"uwagi": [first.pk, second.pk],
                                                                 "assignee": staff.pk})
    assert response.status_code == 302
    assert set(Remark.objects.values_list("assigned_to", flat=True)) == {staff.pk}


@pytest.mark.parametrize("role", [MR.CONTRACTOR, MR.APPROVER])
def test_remarks_can_be_assigned_only_to_office_staff(client, remark, role):
    outsider = user(remark.consultation, role)
    client.force_login(office(remark.consultation))
    client.post(url("remarks_assign", remark.consultation), {"uwagi": [remark.pk], "assignee": outsider.pk})
    remark.refresh_from_db()
    assert remark.assigned_to is None


def test_the_assignment_select_lists_only_office_staff(client, remark):
    staff = office(remark.consultation)
    contractor = user(remark.consultation, MR.CONTRACTOR)
    client.force_login(staff)
    form = client.get(remark_url("remark_detail", remark)).context["assign_form"]
    choices = list(form.fields["assignee"].queryset)
    assert staff in choices and contractor not in choices


def test_assigning_returns_to_the_page_it_came_from_but_never_elsewhere(client, remark):
    client.force_login(office(remark.consultation))
    here = remark_url("remark_detail", remark)
    back = client.post(url("remarks_assign", remark.consultation), {"uwagi": [remark.pk], "assignee": "",
                                                                    "next": here})
    away = client.post(url("remarks_assign", remark.consultation), {"uwagi": [remark.pk], "assignee": "",
                                                                    "next": "https://evil.example/"})
    assert back["Location"] == here
    assert away["Location"] == url("remark_register", remark.consultation)


# --- progress ---------------------------------------------------------------------------------------------------

def test_the_progress_view_counts_by_stance_screening_and_assignee(english, consultation):
    remarks = list(submit(consultation, remarks=[{"content": str(n)} for n in range(5)]).remarks.all())
    answer(consultation, remarks[:2], stance=Stance.REJECTED, justification="Nie.")
    answer(consultation, remarks[2:3], stance=Stance.ACCEPTED)
    Remark.objects.filter(pk=remarks[4].pk).update(screening=Screening.HIDDEN, hidden_reason="x")
    staff = office(consultation)
    remarks_assign(actor=None, consultation=consultation, remarks=remarks[:3], assignee=staff)
    english.force_login(staff)
    progress = english.get(url("review_progress", consultation)).context["progress"]
    assert (progress.total, progress.awaiting, progress.hidden, progress.unassigned) == (5, 2, 1, 2)
    assert dict(progress.by_stance)["not accepted"] == 2 and dict(progress.by_stance)["accepted"] == 1
    assert progress.by_assignee == [("Pracownik staff", 3)]


@pytest.mark.parametrize("stored", ["", " \n\t "])
def test_the_progress_view_counts_answers_without_justification(client, consultation, remark, stored):
    response = answer(consultation, [remark])
    RemarkResponse.objects.filter(pk=response.pk).update(justification=stored)  # blank counts as none
    client.force_login(office(consultation))
    progress = client.get(url("review_progress", consultation)).context["progress"]
    assert progress.without_justification == 1 and progress.awaiting == 0


def test_the_progress_view_shows_the_report_deadline_and_days_left(english, consultation):
    english.force_login(office(consultation))
    with time_machine.travel(dt.datetime(2026, 7, 26, 12, tzinfo=WARSAW), tick=False):
        html = english.get(url("review_progress", consultation)).content.decode()
    assert "05.08.2026" in html and "art. 6 ust. 6" in html
    assert "10 days left" in html


def test_the_progress_view_says_when_the_report_is_overdue(english, consultation):
    english.force_login(office(consultation))
    with time_machine.travel(dt.datetime(2026, 8, 8, 12, tzinfo=WARSAW), tick=False):
        html = english.get(url("review_progress", consultation)).content.decode()
    assert "Overdue by 3 days" in html


def _progress_queries(client, consultation) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("review_progress", consultation)).status_code == 200
    return len(queries)


def test_the_progress_view_takes_the_same_number_of_queries_whatever_the_size(client, consultation):
    client.force_login(office(consultation))
    remark = one_remark(consultation)
    remarks_assign(actor=None, consultation=consultation, remarks=[remark], assignee=office(consultation))
    small = _progress_queries(client, consultation)
    for _ in range(20):
        extra = one_remark(consultation)
        remarks_assign(actor=None, consultation=consultation, remarks=[extra], assignee=office(consultation))
        answer(consultation, [extra])
    assert _progress_queries(client, consultation) == small


def test_a_submission_held_by_the_anti_spam_check_is_marked_on_the_remark_page(client, make_consultation):
    from strategia.consultation.services import submission_create

    consultation = announced(make_consultation)
    remark = submission_create(actor=None, consultation=consultation, channel="email", submitter_kind="anonymous",
                               remarks=[{"content": "Kup teraz!"}], received_at=LATE,
                               held_for_review=True).remarks.get()
    client.force_login(office(consultation))
    client.cookies["django_language"] = "en"
    html = client.get(remark_url("remark_detail", remark)).content.decode()
    assert "data-held" in html and "Held for review" in html
