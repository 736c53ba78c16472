"""The back-office sweep: a coordinator (and an administrator for the municipality's data) opens every
back-office page of the demo; each passes the page checker (axe, CSP, requests, reflow at 320 px)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from strategia.consultation.models import Dispatch
from strategia.core.models import StoredEmail
from tests.e2e.checks import check_page, login, visit
from tests.factories import user_with_municipality_role


def _pages(demo):
    m = demo.municipality.slug
    p = demo.process.slug
    activity = demo.current_activity.pk
    news_item = demo.municipality.news_items.first()
    email = StoredEmail.objects.create(municipality=demo.municipality, from_email="a@example.org",
                                       to="b@example.org", subject="Przykładowa wiadomość", body="Treść")
    kw = {"municipality_slug": m}
    return [
        reverse("backoffice:dashboard", kwargs=kw),
        reverse("backoffice:processes_staff:detail", kwargs={**kw, "process_slug": p}),
        reverse("backoffice:processes_staff:settings", kwargs={**kw, "process_slug": p}),
        reverse("backoffice:processes_staff:activity_edit", kwargs={**kw, "process_slug": p, "activity_id": activity}),
        reverse("backoffice:processes_staff:activity_plan", kwargs={**kw, "process_slug": p, "activity_id": activity}),
        reverse("backoffice:processes_staff:resolution_create", kwargs={**kw, "process_slug": p}),
        reverse("backoffice:processes_staff:create", kwargs=kw),
        reverse("backoffice:news_staff:list", kwargs=kw),
        reverse("backoffice:news_staff:create", kwargs=kw),
        reverse("backoffice:news_staff:edit", kwargs={**kw, "pk": news_item.pk}),
        reverse("backoffice:news_staff:delete", kwargs={**kw, "pk": news_item.pk}),
        reverse("backoffice:accounts_staff:list", kwargs=kw),
        reverse("backoffice:accounts_staff:grant", kwargs=kw),
        reverse("backoffice:accounts_staff:process_grant", kwargs=kw),
        reverse("backoffice:portal_staff:index", kwargs=kw),
        reverse("backoffice:portal_staff:accessibility_edit", kwargs=kw),
        reverse("backoffice:portal_staff:video_edit", kwargs={**kw, "page": "take_part"}),
        reverse("backoffice:emails", kwargs=kw),
        reverse("backoffice:email_detail", kwargs={**kw, "email_id": email.pk}),
        reverse("backoffice:audit", kwargs=kw),
        *_consultation_pages(demo),
        *_proposal_pages(demo),
    ]


def _proposal_pages(demo):
    """The back-office of the demo's call for ideas and the comment moderation queue."""
    call = demo.call
    kw = {"municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug}
    ckw = {**kw, "call_id": call.pk}
    idea = call.proposals.order_by("number").first()
    return [
        reverse("backoffice:proposals_staff:calls", kwargs=kw),
        *[reverse(f"backoffice:proposals_staff:{name}", kwargs=ckw)
          for name in ("register", "call_update", "theme_create", "intake")],
        reverse("backoffice:proposals_staff:detail", kwargs={**ckw, "proposal_id": idea.pk}),
        reverse("backoffice:proposals_staff:merge", kwargs={**ckw, "proposal_id": idea.pk}),
        reverse("backoffice:proposals_staff:batch_status", kwargs=ckw)
        + "".join(f"{'&' if i else '?'}pomysly={p.pk}" for i, p in enumerate(call.proposals.all()[:3])),
        reverse("backoffice:comments_staff:queue", kwargs={"municipality_slug": demo.municipality.slug}),
    ]


def _consultation_pages(demo):
    """Every back-office page of the demo's consultation (register, one remark, joint answer, progress, report,
    meetings, addressees and their forms, settings, extension)."""
    consultation = demo.consultation
    kw = {"municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug}
    ckw = {**kw, "consultation_id": consultation.pk}
    remark = consultation.remarks.order_by("number").first()
    meeting = consultation.meetings.first()
    addressee = consultation.addressees.first()
    dispatch = Dispatch.objects.filter(addressee__consultation=consultation).first()
    names = ["detail", "intake", "import", "settings", "announce", "extend", "meetings", "meeting_create",
             "remark_register", "review_progress", "report", "addressees", "addressee_create",
             "addressee_bulk_create"]
    return [
        reverse("backoffice:consultation_staff:list", kwargs=kw),
        reverse("backoffice:consultation_staff:create", kwargs=kw),
        *[reverse(f"backoffice:consultation_staff:{name}", kwargs=ckw) for name in names],
        reverse("backoffice:consultation_staff:remark_detail", kwargs={**ckw, "remark_id": remark.pk}),
        reverse("backoffice:consultation_staff:remarks_joint_answer", kwargs=ckw)
        + "".join(f"{'&' if i else '?'}uwagi={r.pk}" for i, r in enumerate(consultation.remarks.all()[:3])),
        reverse("backoffice:consultation_staff:meeting_edit", kwargs={**ckw, "meeting_id": meeting.pk}),
        reverse("backoffice:consultation_staff:addressee_edit", kwargs={**ckw, "addressee_id": addressee.pk}),
        reverse("backoffice:consultation_staff:addressee_delete", kwargs={**ckw, "addressee_id": addressee.pk}),
        reverse("backoffice:consultation_staff:dispatch_record", kwargs={**ckw, "addressee_id": addressee.pk}),
        reverse("backoffice:consultation_staff:dispatch_receipt", kwargs={**ckw, "dispatch_id": dispatch.pk}),
    ]


def test_every_backoffice_page_passes_the_page_checker(page, demo):
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    urls = _pages(demo)
    login(page, coordinator, next_url=urls[0])
    for url in urls:
        visit(page, url)
        expect(page.locator("h1")).to_have_count(1)


def test_the_municipality_data_page_passes_the_page_checker(page, demo):
    admin = user_with_municipality_role(demo.municipality, MunicipalityRole.ADMINISTRATOR)
    url = reverse("backoffice:municipality", kwargs={"municipality_slug": demo.municipality.slug})
    login(page, admin, next_url=url)
    visit(page, url)
    expect(page.locator("h1")).to_have_count(1)


@pytest.mark.viewport(390, 844)
def test_a_form_error_is_summarised_focused_and_keeps_the_input(page, demo):
    coordinator = user_with_municipality_role(demo.municipality, MunicipalityRole.COORDINATOR)
    url = reverse("backoffice:processes_staff:activity_edit", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "activity_id": demo.current_activity.pk})
    login(page, coordinator, next_url=url)
    page.fill("#id_responsible_unit", "Wydział Rozwoju – test")
    page.fill("#id_actual_end", "2000-01-01")
    page.locator("main form button[type=submit]").first.press("Enter")
    page.wait_for_load_state()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(1)
    expect(page.locator("#id_actual_end")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_responsible_unit")).to_have_value("Wydział Rozwoju – test")
    check_page(page)
