"""Staff work on the call for ideas (issue #5 point 11): moderate (publish one, hide one with a reason), forward
one to a department, answer two in a batch with one justification; every page passes the checker (axe, CSP,
reflow), the forms work without writing any script."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from strategia.processes.models import Activity
from strategia.proposals.enums import Channel, HideReason, Moderation, Status
from strategia.proposals.models import Call, Proposal, StatusChange
from strategia.proposals.services import call_create, proposal_register
from tests.e2e.checks import check_page, login, visit
from tests.factories import user_with_municipality_role

TITLES = ["Ścieżka rowerowa wzdłuż Jeziorki", "Reklama sklepu z oponami", "Dziura w jezdni na ul. Leśnej",
          "Więcej ławek w parku", "Tężnia solankowa przy szkole"]


@pytest.fixture
def call(demo):
    activity = Activity.objects.filter(stage__process=demo.process, activity_type="call_for_proposals").first()
    call = Call.objects.filter(activity=activity).first() or call_create(actor=None, activity=activity)
    theme = call.themes.order_by("position").first()
    received = timezone.now() - dt.timedelta(days=1)
    for title in TITLES:
        proposal_register(actor=None, call=call, channel=Channel.EMAIL, received_at=received, title=title,
                          description=f"{title}: opis pomysłu.", theme=theme, contact_email="autor@example.org")
    return call


def _url(name, call, **extra):
    return reverse(f"backoffice:proposals_staff:{name}", kwargs={
        "municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
        "call_id": call.pk, **extra})


def _idea(call, title):
    return Proposal.objects.get(call=call, title=title)


def _open_idea(page, call, title):
    visit(page, _url("detail", call, proposal_id=_idea(call, title).pk))


def _submit(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()
    check_page(page)


def test_staff_moderate_forward_and_answer_in_a_batch(page, open_context, demo, call):
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    calls = reverse("backoffice:proposals_staff:calls", kwargs={"municipality_slug": demo.municipality.slug,
                                                                "process_slug": demo.process.slug})
    login(page, coordinator, next_url=calls)
    visit(page, calls)
    visit(page, _url("call_update", call))
    visit(page, _url("register", call))
    expect(page.locator("table.register tbody tr")).to_have_count(Proposal.objects.filter(call=call).count())

    # Publish one.
    _open_idea(page, call, TITLES[0])
    _submit(page, page.locator(f"form[action='{_url('publish', call, proposal_id=_idea(call, TITLES[0]).pk)}']"))
    assert _idea(call, TITLES[0]).moderation == Moderation.PUBLISHED

    # Hide one: first without the explanation (the error is shown, the reason kept), then with it.
    _open_idea(page, call, TITLES[1])
    hide = page.locator("form#hide")
    hide.locator("select[name=reason]").select_option(HideReason.ADVERTISING)
    with page.expect_navigation():
        hide.locator("button[type=submit]").click()
    check_page(page)
    expect(page.locator("#id_explanation_error")).to_be_visible()
    hide = page.locator("form#hide")
    expect(hide.locator("select[name=reason]")).to_have_value(HideReason.ADVERTISING)
    hide.locator("textarea[name=explanation]").fill("Treść reklamowa, nie dotyczy strategii.")
    _submit(page, hide)
    assert _idea(call, TITLES[1]).moderation == Moderation.HIDDEN

    # Forward one to the office department.
    _open_idea(page, call, TITLES[2])
    status = page.locator("form#status")
    status.locator("input[name=to_status][value=forwarded]").check()
    status.locator("textarea[name=justification]").fill("To sprawa bieżącego utrzymania dróg.")
    status.locator("select[name=forward_target]").select_option("department")
    status.locator("input[name=forwarded_to]").fill("Wydział Dróg")
    _submit(page, status)
    change = StatusChange.objects.filter(proposal=_idea(call, TITLES[2])).last()
    assert (change.to_status, change.forwarded_to) == (Status.FORWARDED, "Wydział Dróg")

    # Answer two in a batch, from the register's checkboxes.
    visit(page, _url("register", call))
    for title in TITLES[3:]:
        page.locator(f"input[name=pomysly][value='{_idea(call, title).pk}']").check()
    with page.expect_navigation():
        page.locator("button[name=action][value=status]").click()
    check_page(page)
    expect(page.locator("input[name=pomysly]:checked")).to_have_count(2)
    page.locator("input[name=to_status][value=included]").check()
    page.locator("textarea[name=justification]").fill("Pomysły wpisano do celu 2: przestrzeń publiczna.")
    with page.expect_navigation():
        page.locator("button[name=apply]").click()
    check_page(page)
    answered = StatusChange.objects.filter(proposal__call=call, proposal__title__in=TITLES[3:],
                                           to_status=Status.INCLUDED)
    assert answered.count() == 2 and len({c.batch for c in answered}) == 1

    # The author follows the tracking link and sees what happened to the idea, with the justification.
    author = open_context().new_page()
    visit(author, reverse("proposals:tracking", kwargs={
        "municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
        "token": _idea(call, TITLES[3]).tracking_token}))
    expect(author.locator("main")).to_contain_text("Pomysły wpisano do celu 2: przestrzeń publiczna.")

    # The merge page and an answered idea pass the checker too.
    visit(page, _url("merge", call, proposal_id=_idea(call, TITLES[4]).pk))
    _open_idea(page, call, TITLES[3])
    expect(page.locator("main")).to_contain_text("Pomysły wpisano do celu 2")
