"""Comments from end to end (issue #5 point 7): on a published idea of a call open today, a resident logs in,
comments, replies and reports another person's comment, all in place (htmx); staff hide the reported comment from
the moderation queue; the public then sees only the moderator's note. Every page passes the checker."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from strategia.accounts.enums import MunicipalityRole
from strategia.comments.selectors import target_kind
from strategia.comments.services import comment_create
from strategia.core.deadlines import today_local
from strategia.processes.models import Activity
from strategia.proposals.services import call_create, proposal_publish, proposal_submit
from tests.e2e.checks import check_page, login, visit
from tests.factories import UserFactory, user_with_municipality_role

SPAM = "Kupuj tanio w sklepie internetowym, najlepsze ceny!"


@pytest.fixture
def idea(process):
    """A published idea of a call running from ten days ago to ten days ahead (the real clock)."""
    today = today_local()
    activity = Activity.objects.filter(stage__process=process, activity_type="call_for_proposals").first()
    Activity.objects.filter(pk=activity.pk).update(actual_start=today - dt.timedelta(days=10),
                                                   actual_end=today + dt.timedelta(days=10))
    activity.refresh_from_db()
    call = call_create(actor=None, activity=activity, intro="Prosimy o pomysły.")
    proposal = proposal_submit(actor=None, call=call, title="Ławki przy stawie w Słomczynie",
                               description="Prosimy o kilka ławek.", theme=call.themes.first())
    return proposal_publish(actor=None, proposal=proposal)


def test_a_resident_comments_replies_and_reports_and_staff_hide_the_reported_comment(page, open_context, idea,
                                                                                     municipality):
    thread_url = reverse("comments:thread", kwargs={"municipality_slug": municipality.slug,
                                                    "kind": target_kind(idea), "target_id": idea.pk})
    spam = comment_create(actor=UserFactory(display_name="Sklep"), target=idea, body=SPAM)
    resident = UserFactory(display_name="Ala Mieszkanka")

    # Anonymous: the thread invites to log in, and the login brings the resident back to the discussion.
    visit(page, thread_url)
    login_link = page.get_by_role("link", name="Zaloguj się, aby skomentować").or_(
        page.get_by_role("link", name="Log in to comment"))
    expect(login_link).to_be_visible()
    login(page, resident, next_url=thread_url + "%23komentarze")

    # A comment, published in place.
    thread = page.locator("#komentarze")
    thread.locator("textarea[name='body']").last.fill("Ławki bardzo się przydadzą seniorom.")
    thread.locator("#komentarze-nowy button[type='submit']").click()
    expect(thread).to_contain_text("Ławki bardzo się przydadzą seniorom.")
    check_page(page)

    # A reply to it, the form opened in place under the comment.
    mine = thread.locator("article", has_text="Ławki bardzo się przydadzą seniorom.")
    mine.locator(".row-actions a[href*='/odpowiedz/']").click()
    reply_form = page.locator("form[action*='/odpowiedz/']")
    expect(reply_form).to_be_visible()
    reply_form.locator("textarea[name='body']").fill("I jeszcze kosz na śmieci obok.")
    reply_form.locator("button[type='submit']").click()
    expect(thread.locator(".comment-replies")).to_contain_text("I jeszcze kosz na śmieci obok.")
    check_page(page)

    # Reporting someone else's comment: a reason from the list, once.
    other = thread.locator(f"#komentarz-{spam.pk}")
    other.locator(".row-actions a[href*='/zglos/']").click()
    flag_form = page.locator("form[action*='/zglos/']")
    expect(flag_form).to_be_visible()
    flag_form.locator("select[name='reason']").select_option("spam")
    flag_form.locator("textarea[name='explanation']").fill("Reklama sklepu.")
    flag_form.locator("button[type='submit']").click()
    expect(page.locator(f"#komentarz-{spam.pk}-slot [role='status']")).to_be_visible()
    check_page(page)

    # Staff: the queue shows the report; hiding needs a reason and an explanation.
    staff = user_with_municipality_role(municipality, MunicipalityRole.STAFF)
    staff_page = open_context().new_page()
    queue_url = reverse("backoffice:comments_staff:queue", kwargs={"municipality_slug": municipality.slug})
    login(staff_page, staff, next_url=queue_url)
    row = staff_page.locator(f"#komentarz-{spam.pk}")
    expect(row).to_contain_text(SPAM)
    with staff_page.expect_navigation():
        row.locator("a[href*='/ukryj/']").click()
    check_page(staff_page)
    with staff_page.expect_navigation():
        staff_page.locator("main form button[type='submit']").click()  # nothing chosen: errors, nothing lost
    check_page(staff_page)
    expect(staff_page.locator(".error-summary")).to_be_visible()
    staff_page.locator("select[name='reason']").select_option("spam")
    staff_page.locator("textarea[name='explanation']").fill("Reklama niezwiązana ze strategią.")
    with staff_page.expect_navigation():
        staff_page.locator("main form button[type='submit']").click()
    check_page(staff_page)
    expect(staff_page.locator(f"#komentarz-{spam.pk} .badge")).to_be_visible()

    # The public thread keeps the place of the comment without its text.
    visit(page, thread_url)
    expect(page.locator(f"#komentarz-{spam.pk}")).not_to_contain_text(SPAM)
    expect(page.locator("#komentarze")).to_contain_text("I jeszcze kosz na śmieci obok.")
