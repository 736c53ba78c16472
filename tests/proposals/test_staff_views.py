"""The call's back-office: who may open which page, the process's calls and creating one, the call's settings and
themes (the window comes from the harmonogram), the register of ideas (order, marks, filters, pagination, query
count) and an idea's page (contacts, private attachments and scans, history)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.proposals.enums import Channel, HideReason, Moderation, ModerationMode, Status
from strategia.proposals.models import Attachment, Call, Theme
from strategia.proposals.services import (
    proposal_hide,
    proposal_merge,
    proposal_publish,
    proposal_register,
    proposals_route,
)
from tests.factories import MunicipalityFactory, user_with_municipality_role, user_with_process_role

WARSAW = ZoneInfo("Europe/Warsaw")
RECEIVED = dt.datetime(2026, 3, 2, 10, 15, tzinfo=WARSAW)
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


# --- helpers shared by the other staff test modules ---------------------------------------------------------------

def idea(call, *, title="Chodnik przy szkole", description="Proszę o budowę chodnika.", theme=None, **fields):
    """An idea keyed in by staff (any date in the past: no call window is checked)."""
    data = {"channel": Channel.EMAIL, "received_at": RECEIVED}
    data.update(fields)
    return proposal_register(actor=None, call=call, title=title, description=description,
                             theme=theme or call.themes.order_by("position").first(), **data)


def url(name, call, **extra):
    return reverse(f"backoffice:proposals_staff:{name}", kwargs={
        "municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
        "call_id": call.pk, **extra})


def calls_url(process):
    return reverse("backoffice:proposals_staff:calls", kwargs={"municipality_slug": process.municipality.slug,
                                                               "process_slug": process.slug})


def office(call, role=MR.STAFF):
    return user_with_municipality_role(call.process.municipality, role)


def english(client):
    client.cookies["django_language"] = "en"
    return client


# --- who may open the pages -----------------------------------------------------------------------------------

READ_PAGES = ["register", "detail", "export_xlsx", "export_csv", "export_pdf", "attachment"]
MODERATE_GET_PAGES = ["merge", "batch_status", "scan"]
MANAGE_PAGES = ["call_update", "theme_create"]
POST_ONLY = ["publish", "hide", "status"]


@pytest.fixture
def page_url(call, theme):
    proposal = idea(call, scan=ContentFile(PDF, name="skan.pdf"))
    attachment = Attachment.objects.create(proposal=proposal, file=ContentFile(PDF, name="a.pdf"),
                                           original_name="plan.pdf", kind="pdf", size=len(PDF))

    def make(name):
        if name in ("detail", "merge", "scan", *POST_ONLY):
            return url(name, call, proposal_id=proposal.pk)
        if name == "attachment":
            return url(name, call, proposal_id=proposal.pk, attachment_id=attachment.pk)
        return url(name, call)

    return make


ALL_PAGES = READ_PAGES + MODERATE_GET_PAGES + MANAGE_PAGES + POST_ONLY


@pytest.mark.parametrize("name", ALL_PAGES)
def test_anonymous_is_sent_to_the_login_page(client, page_url, name):
    response = client.get(page_url(name))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("name", ALL_PAGES)
def test_a_resident_without_a_role_gets_404(client, page_url, resident, name):
    client.force_login(resident)
    assert client.get(page_url(name)).status_code == 404


@pytest.mark.parametrize("name", ALL_PAGES)
def test_staff_of_another_municipality_gets_404(client, page_url, name):
    client.force_login(user_with_municipality_role(MunicipalityFactory(), MR.ADMINISTRATOR))
    assert client.get(page_url(name)).status_code == 404


@pytest.mark.parametrize("role", [PR.COUNCILLOR, MR.CONTRACTOR])
@pytest.mark.parametrize("name", READ_PAGES)
def test_councillors_and_contractors_may_read_and_export(client, call, page_url, role, name):
    user = (user_with_process_role(call.process, role) if role in PR.values
            else user_with_municipality_role(call.process.municipality, role))
    client.force_login(user)
    assert client.get(page_url(name)).status_code == 200


@pytest.mark.parametrize("role", [PR.COUNCILLOR, MR.CONTRACTOR])
@pytest.mark.parametrize("name", MODERATE_GET_PAGES + MANAGE_PAGES + POST_ONLY)
def test_councillors_and_contractors_may_not_moderate_or_manage(client, call, page_url, role, name):
    user = (user_with_process_role(call.process, role) if role in PR.values
            else user_with_municipality_role(call.process.municipality, role))
    client.force_login(user)
    assert client.get(page_url(name)).status_code == 403


@pytest.mark.parametrize("name", READ_PAGES + MODERATE_GET_PAGES)
def test_office_staff_may_read_and_moderate(client, call, page_url, name):
    client.force_login(office(call))
    assert client.get(page_url(name)).status_code == 200


@pytest.mark.parametrize("name", POST_ONLY)
def test_moderation_actions_take_only_post(client, call, page_url, name):
    client.force_login(office(call))
    assert client.get(page_url(name)).status_code == 405


@pytest.mark.parametrize("name", MANAGE_PAGES)
def test_office_staff_may_not_change_the_call(client, call, page_url, name):
    client.force_login(office(call))
    assert client.get(page_url(name)).status_code == 403


@pytest.mark.parametrize("name", MANAGE_PAGES)
def test_the_coordinator_may_change_the_call(client, call, page_url, coordinator, name):
    client.force_login(coordinator)
    assert client.get(page_url(name)).status_code == 200


def test_a_call_of_another_process_is_404(client, call):
    client.force_login(office(call))
    kwargs = {"municipality_slug": call.process.municipality.slug, "process_slug": "inny-proces",
              "call_id": call.pk}
    assert client.get(reverse("backoffice:proposals_staff:register", kwargs=kwargs)).status_code == 404


def test_an_idea_of_another_call_is_404(client, call, theme):
    other_municipality = MunicipalityFactory()
    client.force_login(office(call))
    foreign = idea(call)
    response = client.get(reverse("backoffice:proposals_staff:detail", kwargs={
        "municipality_slug": other_municipality.slug, "process_slug": call.process.slug, "call_id": call.pk,
        "proposal_id": foreign.pk}))
    assert response.status_code == 404
    assert client.get(url("detail", call, proposal_id=foreign.pk + 1000)).status_code == 404


# --- the process's calls, creating one, settings and themes ---------------------------------------------------

def test_the_calls_page_offers_to_create_the_call_for_an_activity_without_one(client, process, call_activity,
                                                                               coordinator):
    client.force_login(coordinator)
    html = client.get(calls_url(process)).content.decode()
    create = reverse("backoffice:proposals_staff:call_create", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug,
        "activity_id": call_activity.pk})
    assert create in html


def test_the_coordinator_creates_the_call_with_the_dimensions_as_themes(client, process, call_activity,
                                                                         coordinator):
    client.force_login(coordinator)
    create = reverse("backoffice:proposals_staff:call_create", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug,
        "activity_id": call_activity.pk})
    response = client.post(create, {"title": "Pomysły do strategii", "intro": "Czekamy na pomysły.",
                                    "after_close_text": "", "moderation_mode": ModerationMode.POST})
    call = Call.objects.get(activity=call_activity)
    assert response.status_code == 302 and response["Location"] == url("register", call)
    assert call.title == "Pomysły do strategii" and call.moderation_mode == ModerationMode.POST
    assert call.themes.count() >= 4


def test_creating_a_second_call_for_the_activity_shows_the_error_and_keeps_the_text(client, call, coordinator):
    client.force_login(coordinator)
    create = reverse("backoffice:proposals_staff:call_create", kwargs={
        "municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
        "activity_id": call.activity_id})
    response = english(client).post(create, {"title": "Drugi nabór", "intro": "", "after_close_text": "",
                                             "moderation_mode": ModerationMode.PRE})
    assert response.status_code == 200
    assert "This activity already has its call." in response.content.decode()
    assert 'value="Drugi nabór"' in response.content.decode()


def test_an_activity_of_another_type_cannot_get_a_call(client, process, coordinator):
    other = process.stages.first().activities.exclude(activity_type="call_for_proposals").first()
    client.force_login(coordinator)
    response = client.get(reverse("backoffice:proposals_staff:call_create", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug, "activity_id": other.pk}))
    assert response.status_code == 404


def test_the_settings_show_the_window_from_the_schedule_with_a_link_to_the_activity(client, call, coordinator):
    client.force_login(coordinator)
    html = client.get(url("call_update", call)).content.decode()
    assert "01.02.2026" in html and "31.03.2026" in html
    assert reverse("backoffice:processes_staff:activity_edit", kwargs={
        "municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
        "activity_id": call.activity_id}) in html


def test_the_coordinator_changes_the_settings(client, call, coordinator):
    client.force_login(coordinator)
    response = client.post(url("call_update", call), {
        "title": "Nowy tytuł", "intro": "Wstęp", "after_close_text": "Co dalej", "moderation_mode": "post"})
    call.refresh_from_db()
    assert response.status_code == 302
    assert (call.title, call.intro, call.after_close_text, call.moderation_mode) == (
        "Nowy tytuł", "Wstęp", "Co dalej", "post")


def test_settings_without_a_title_show_the_error_next_to_the_field(client, call, coordinator):
    client.force_login(coordinator)
    response = english(client).post(url("call_update", call), {
        "title": "", "intro": "Mój wstęp", "after_close_text": "", "moderation_mode": "pre"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_title_error"' in html and "Mój wstęp" in html


def test_the_coordinator_adds_a_theme(client, call, coordinator):
    client.force_login(coordinator)
    response = client.post(url("theme_create", call), {"name": "Cel 1. Czyste powietrze"})
    assert response.status_code == 302
    assert Theme.objects.filter(call=call, name="Cel 1. Czyste powietrze").exists()


def test_a_duplicate_theme_is_refused_next_to_the_field(client, call, coordinator):
    existing = call.themes.first().name
    client.force_login(coordinator)
    response = english(client).post(url("theme_create", call), {"name": existing})
    assert response.status_code == 200
    assert "The call already has this theme." in response.content.decode()
    assert call.themes.filter(name=existing).count() == 1


# --- the register ---------------------------------------------------------------------------------------------

def _numbers(response) -> list[int]:
    return [p.number for p in response.context["page"].object_list]


def test_the_register_lists_ideas_awaiting_moderation_first(client, call, theme):
    first = idea(call, title="Pierwszy")
    second = idea(call, title="Drugi")
    third = idea(call, title="Trzeci")
    proposal_publish(actor=None, proposal=third)
    client.force_login(office(call))
    response = client.get(url("register", call))
    assert _numbers(response) == [second.number, first.number, third.number]


def test_the_register_marks_held_hidden_with_reason_and_merged_with_the_kept_one(client, call, theme):
    held = idea(call, title="Zatrzymany")
    held.held_for_review = True
    held.save()
    hidden = idea(call, title="Ukryty")
    proposal_hide(actor=None, proposal=hidden, reason=HideReason.ADVERTISING, explanation="Reklama.")
    kept = idea(call, title="Zachowany")
    duplicate = idea(call, title="Duplikat")
    proposal_merge(actor=None, duplicate=duplicate, kept=kept)
    client.force_login(office(call))
    html = english(client).get(url("register", call)).content.decode()
    assert "held for review" in html
    assert "advertising or spam" in html
    assert f"merged into idea {kept.number}" in html


@pytest.mark.parametrize(("query", "expected"), [
    ({"moderacja": "hidden"}, ["hidden"]),
    ({"moderacja": "held"}, ["held"]),
    ({"moderacja": "merged"}, ["merged"]),
    ({"status": Status.FORWARDED}, ["forwarded"]),
    ({"kanal": Channel.POST}, ["post"]),
    ({"q": "drogę"}, ["road"]),
    ({"q": "zrodlo"}, ["spring"]),
])
def test_the_register_filters(client, call, theme, query, expected):
    made = {
        "hidden": idea(call, title="Ukryty"), "held": idea(call, title="Zatrzymany"),
        "merged": idea(call, title="Połączony"), "forwarded": idea(call, title="Przekazany"),
        "post": idea(call, title="Z listu", channel=Channel.POST),
        "road": idea(call, title="Remont", description="Naprawa drogi gminnej"),
        "spring": idea(call, title="Źródło w parku", description="Ocalić źródło."),
    }
    proposal_hide(actor=None, proposal=made["hidden"], reason=HideReason.OTHER, explanation="Powód.")
    made["held"].held_for_review = True
    made["held"].save()
    proposal_merge(actor=None, duplicate=made["merged"], kept=made["road"])
    proposals_route(actor=None, call=call, proposals=[made["forwarded"]], to_status=Status.FORWARDED,
                    justification="Do zespołu.", forward_target="thematic_team", forwarded_to="Zespół ds. środowiska")
    client.force_login(office(call))
    response = client.get(url("register", call), query)
    assert _numbers(response) == [made[key].number for key in expected]


def test_the_register_filters_by_theme_and_locality(client, call, locality):
    themes = list(call.themes.order_by("position"))
    idea(call, title="Inny temat", theme=themes[1])
    wanted = idea(call, title="W Słomczynie", theme=themes[0], locality=locality)
    idea(call, title="Bez miejsca", theme=themes[0])
    client.force_login(office(call))
    response = client.get(url("register", call), {"temat": themes[0].pk, "miejscowosc": locality.pk})
    assert _numbers(response) == [wanted.number]


def test_the_register_is_paginated_by_fifty(client, call, theme):
    for number in range(51):
        idea(call, title=f"Pomysł {number}")
    client.force_login(office(call))
    response = client.get(url("register", call), {"strona": 2})
    assert len(response.context["page"].object_list) == 1


def _register_queries(client, call) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("register", call)).status_code == 200
    return len(queries)


def test_the_register_takes_the_same_number_of_queries_for_1_and_30_ideas(client, call, theme, locality):
    client.force_login(office(call))
    kept = idea(call, locality=locality)
    one = _register_queries(client, call)
    for number in range(29):
        duplicate = idea(call, title=f"Pomysł {number}", locality=locality)
        if number % 5 == 0:
            proposal_merge(actor=None, duplicate=duplicate, kept=kept)
    assert _register_queries(client, call) == one


def test_only_moderators_get_the_checkboxes_and_batch_actions(client, call, theme):
    idea(call)
    client.force_login(user_with_process_role(call.process, PR.COUNCILLOR))
    html = client.get(url("register", call)).content.decode()
    assert 'name="pomysly"' not in html
    client.force_login(office(call))
    html = client.get(url("register", call)).content.decode()
    assert 'name="pomysly"' in html and 'value="publish"' in html


# --- an idea's page -------------------------------------------------------------------------------------------

def test_moderators_see_the_authors_contacts(client, call, theme):
    proposal = idea(call, author_name="Anna Nowak", contact_email="anna@example.org", contact_phone="600100200")
    client.force_login(office(call))
    html = client.get(url("detail", call, proposal_id=proposal.pk)).content.decode()
    assert "anna@example.org" in html and "600100200" in html and "Anna Nowak" in html


@pytest.mark.parametrize("role", [PR.COUNCILLOR, MR.CONTRACTOR])
def test_readers_without_moderation_see_no_contacts_and_no_name_without_consent(client, call, theme, role):
    proposal = idea(call, author_name="Anna Nowak", contact_email="anna@example.org", contact_phone="600100200")
    user = (user_with_process_role(call.process, role) if role in PR.values
            else user_with_municipality_role(call.process.municipality, role))
    client.force_login(user)
    html = client.get(url("detail", call, proposal_id=proposal.pk)).content.decode()
    assert "anna@example.org" not in html and "600100200" not in html and "Anna Nowak" not in html


def test_a_reader_sees_the_name_when_the_author_consented(client, call, theme):
    proposal = idea(call, author_name="Anna Nowak", consent_publish_name=True, contact_email="anna@example.org")
    client.force_login(user_with_process_role(call.process, PR.COUNCILLOR))
    html = client.get(url("detail", call, proposal_id=proposal.pk)).content.decode()
    assert "Anna Nowak" in html and "anna@example.org" not in html


def test_the_idea_page_shows_its_history_with_the_justification(client, call, theme):
    proposal = idea(call)
    proposals_route(actor=None, call=call, proposals=[proposal], to_status=Status.FORWARDED,
                    justification="Sprawa dla wydziału.", forward_target="department",
                    forwarded_to="Wydział Infrastruktury")
    client.force_login(office(call))
    html = client.get(url("detail", call, proposal_id=proposal.pk)).content.decode()
    assert "Sprawa dla wydziału." in html and "Wydział Infrastruktury" in html


def test_an_attachment_is_served_through_the_staff_view(client, call, theme):
    proposal = idea(call)
    attachment = Attachment.objects.create(proposal=proposal, file=ContentFile(PDF, name="a.pdf"),
                                           original_name="plan.pdf", kind="pdf", size=len(PDF))
    client.force_login(user_with_process_role(call.process, PR.COUNCILLOR))
    detail = client.get(url("detail", call, proposal_id=proposal.pk)).content.decode()
    link = url("attachment", call, proposal_id=proposal.pk, attachment_id=attachment.pk)
    response = client.get(link)
    assert link in detail
    assert attachment.file.url not in detail  # never the media address
    assert b"".join(response.streaming_content) == PDF
    assert "plan.pdf" in response["Content-Disposition"]


def test_an_attachment_of_another_idea_is_404(client, call, theme):
    proposal, other = idea(call), idea(call)
    attachment = Attachment.objects.create(proposal=other, file=ContentFile(PDF, name="a.pdf"),
                                           original_name="plan.pdf", kind="pdf", size=len(PDF))
    client.force_login(office(call))
    assert client.get(url("attachment", call, proposal_id=proposal.pk,
                          attachment_id=attachment.pk)).status_code == 404


def test_the_scan_is_served_to_moderators_only(client, call, theme):
    proposal = idea(call, scan=ContentFile(PDF, name="skan.pdf"))
    client.force_login(office(call))
    response = client.get(url("scan", call, proposal_id=proposal.pk))
    assert b"".join(response.streaming_content) == PDF
    client.force_login(user_with_process_role(call.process, PR.COUNCILLOR))
    assert client.get(url("scan", call, proposal_id=proposal.pk)).status_code == 403


def test_an_idea_without_a_scan_has_no_scan_download(client, call, theme):
    proposal = idea(call)
    client.force_login(office(call))
    assert client.get(url("scan", call, proposal_id=proposal.pk)).status_code == 404


def test_a_merged_idea_offers_no_moderation_forms(client, call, theme):
    kept, duplicate = idea(call), idea(call)
    proposal_merge(actor=None, duplicate=duplicate, kept=kept)
    client.force_login(office(call))
    html = client.get(url("detail", call, proposal_id=duplicate.pk)).content.decode()
    assert url("hide", call, proposal_id=duplicate.pk) not in html
    assert url("detail", call, proposal_id=kept.pk) in html


def test_a_published_idea_has_no_publish_button(client, call, theme):
    proposal = idea(call)
    proposal_publish(actor=None, proposal=proposal)
    assert proposal.moderation == Moderation.PUBLISHED
    client.force_login(office(call))
    html = client.get(url("detail", call, proposal_id=proposal.pk)).content.decode()
    assert url("publish", call, proposal_id=proposal.pk) not in html

