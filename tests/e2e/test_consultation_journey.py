"""The consultation from end to end (issue #4 point 12): a resident on a 390 px phone comments on a paragraph by
keyboard only; staff screen the remark and answer it; once the comment period is over the report is generated and
published; the resident sees the answer through the tracking link and on the portal. Every page passes the checker
(axe, CSP, reflow)."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from strategia.consultation.enums import Screening, Stance
from strategia.consultation.models import Remark
from strategia.consultation.review_services import remark_publish, response_create
from strategia.consultation.services import comment_period
from strategia.core.deadlines import WARSAW
from tests.e2e.checks import assert_accessible, check_page, login, visit
from tests.e2e.keyboard import tab_to, type_into
from tests.factories import user_with_municipality_role

REMARK = "Proszę dopisać ścieżkę rowerową wzdłuż Jeziorki do Parku Zdrojowego."
JUSTIFICATION = "Ścieżkę dopisano do kierunku działań: zapis uzupełniono zgodnie z uwagą."


def _staff_url(name, consultation, **extra):
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk, **extra})


def _answer_the_rest(consultation):
    """What the office did with every other remark meanwhile (the journey follows one remark through the pages)."""
    for remark in Remark.objects.filter(consultation=consultation, screening=Screening.PENDING):
        remark_publish(actor=None, remark=remark)
    for remark in Remark.objects.filter(consultation=consultation, response__isnull=True).select_related(
            "submission", "consultation"):
        stance = Stance.ACCEPTED if Stance.ACCEPTED in _allowed(remark) else Stance.NOT_CONSIDERED
        response_create(actor=None, consultation=consultation, remarks=[remark], stance=stance,
                        justification="Uwaga rozpatrzona przez zespół.")


def _allowed(remark):
    from strategia.consultation.review_services import allowed_stances

    return allowed_stances(remark)


@pytest.mark.viewport(390, 844)
def test_a_resident_comments_by_keyboard_staff_answer_and_the_resident_reads_the_answer(
        keyboard_page, open_context, demo, time_machine):
    consultation = demo.consultation
    block = consultation.document_version.blocks.filter(is_heading=False, kind="text").order_by("position")[3]

    # A resident on a phone, keyboard only: from the paragraph, the remark form opens in place.
    chapter = consultation.document_version.blocks.get(uid=block.chapter_uid)
    page = keyboard_page
    visit(page, consultation.document_version.get_absolute_url())
    tab_to(page, page.locator(f".toc a[href='#{chapter.anchor}']"))  # the table of contents leads to the chapter
    page.keyboard.press("Enter")
    link = page.locator(f"a.remark-link[href$='pkt={block.uid}']")
    tab_to(page, link)
    page.keyboard.press("Enter")
    content = page.locator("textarea[name$='-content']").first
    expect(content).to_be_visible()
    expect(page.locator("input[name$='-fragment']").first).to_have_value(block.display_number)
    assert_accessible(page)  # axe with the form open in place (the full check reloads the page)
    type_into(page, content, REMARK)
    name = page.locator("input[name='submitter_name']")
    type_into(page, name, "Ala Mieszkanka", backwards=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in a text field sends the remarks (not "Add another remark")
    check_page(page)
    assert "/sledzenie/" in page.url
    expect(page.locator("main")).to_contain_text(REMARK)
    tracking_url = page.url.split("?")[0]
    remark = Remark.objects.get(consultation=consultation, content=REMARK)
    assert remark.block_uid == block.uid

    # Staff: the register, the remark (pseudonymised for staff: only coordinators see names), screening, answer.
    staff = open_context().new_page()
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    login(staff, coordinator, next_url=_staff_url("remark_register", consultation))
    expect(staff.locator("main")).to_contain_text(REMARK[:40])
    visit(staff, _staff_url("remark_detail", consultation, remark_id=remark.pk))
    with staff.expect_navigation():
        staff.locator("form[action$='/publikuj/'] button[type=submit]").click()
    check_page(staff)
    staff.locator("input[name='stance'][value='accepted']").check()
    staff.locator("textarea[name='justification']").fill(JUSTIFICATION)
    with staff.expect_navigation():
        staff.locator("form[action$='/odpowiedz/'] button[type=submit]").click()
    check_page(staff)
    remark.refresh_from_db()
    assert remark.screening == Screening.PUBLISHED and remark.response.stance == Stance.ACCEPTED
    _answer_the_rest(consultation)

    # The day after the comment period: the report is generated (background task) and published.
    last_day = comment_period(consultation).last_day
    time_machine.move_to(dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(9), tzinfo=WARSAW))
    visit(staff, _staff_url("review_progress", consultation))
    visit(staff, _staff_url("report", consultation))
    with staff.expect_navigation():
        staff.locator("form[action$='/przygotuj/'] button[type=submit]").click()
    check_page(staff)
    with staff.expect_navigation():
        staff.locator("form[action$='/opublikuj/'] button[type=submit]").click()
    check_page(staff)
    consultation.refresh_from_db()
    assert consultation.report_published_at is not None

    # The resident follows the tracking link and sees the answer; the portal shows it under the paragraph.
    visit(page, tracking_url)
    expect(page.locator("main")).to_contain_text(JUSTIFICATION)
    visit(page, reverse("consultation:answers", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "consultation_id": consultation.pk}) + f"#odp-{block.anchor}")
    section = page.locator(f"#odp-{block.anchor}")
    expect(section).to_contain_text(REMARK)
    expect(section).to_contain_text(JUSTIFICATION)
