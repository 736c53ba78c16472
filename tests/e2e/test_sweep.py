"""The sweep: every public page of the demo passes the page checker (axe WCAG 2.1 A/AA, CSP, same-origin
requests, reflow at 320 px) and has one <h1>. A new public page joins by adding a line to PUBLIC_PAGES
(docs/testing.md)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.checks import visit


def portal(name):
    return lambda demo: reverse(name, kwargs={"municipality_slug": demo.municipality.slug})


PUBLIC_PAGES = {
    "home": lambda demo: demo.home_url,
    "schedule": lambda demo: demo.schedule_url,
    "activity": lambda demo: demo.current_activity.get_absolute_url(),
    "news-list": portal("news:list"),
    "news-item": lambda demo: demo.municipality.news_items.filter(published_at__isnull=False)
    .order_by("published_at").first().get_absolute_url(),
    "newsletter": portal("news:subscribe"),
    "take-part": portal("portal:take_part"),
    "easy-to-read": portal("portal:take_part_easy"),
    "privacy": portal("portal:privacy"),
    "accessibility-statement": portal("portal:accessibility"),
    "documents": lambda demo: reverse("documents:index", kwargs={"municipality_slug": demo.municipality.slug,
                                                                "process_slug": demo.process.slug}),
    "document-reading": lambda demo: reverse("documents:latest", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "document_slug": demo.document.slug}),
    "consultations": lambda demo: reverse("consultation:index", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug}),
    "consultation": lambda demo: reverse("consultation:detail", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "consultation_id": demo.consultation.pk}),
    "consultation-answers": lambda demo: reverse("consultation:answers", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "consultation_id": demo.consultation.pk}),
    "remark-form": lambda demo: reverse("consultation:remark_form", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "consultation_id": demo.consultation.pk}),
    "tracking": lambda demo: reverse("consultation:tracking", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "token": demo.consultation.submissions.order_by("number").first().tracking_token}),
    "ideas": lambda demo: reverse("proposals:index", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug}),
    "ideas-list": lambda demo: demo.call.get_absolute_url(),
    "ideas-map": lambda demo: reverse("proposals:map", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug, "call_id": demo.call.pk}),
    "ideas-summary": lambda demo: reverse("proposals:summary", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug, "call_id": demo.call.pk}),
    "idea": lambda demo: demo.call.proposals.filter(moderation="published", merged_into__isnull=True)
    .order_by("-support_count").first().get_absolute_url(),
    "idea-submit-closed": lambda demo: reverse("proposals:submit", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug, "call_id": demo.call.pk}),
    "idea-tracking": lambda demo: reverse("proposals:tracking", kwargs={
        "municipality_slug": demo.municipality.slug, "process_slug": demo.process.slug,
        "token": demo.call.proposals.order_by("number").first().tracking_token}),
    "login": lambda demo: reverse("account_login"),
    "signup": lambda demo: reverse("account_signup"),
    "password-reset": lambda demo: reverse("account_reset_password"),
}


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_passes_the_page_checker(page, demo, name):
    visit(page, PUBLIC_PAGES[name](demo))

    expect(page.locator("h1")).to_have_count(1)


def test_not_found_page_passes_the_page_checker(page, demo):
    visit(page, f"{demo.home_url}nie-ma-takiej-strony/", status=404)

    expect(page.locator("h1")).to_have_count(1)
