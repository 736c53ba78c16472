"""Back-office news management: who may use it, the states it shows, writing, scheduling in Warsaw time,
publishing now and deleting, all through audited services."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from strategia.accounts.enums import MunicipalityRole
from strategia.core.models import AuditEntry
from strategia.news.models import NewsItem
from strategia.news.services import subscriber_confirm, subscriber_subscribe
from tests.factories import MunicipalityFactory, user_with_municipality_role

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)
UTC = dt.UTC


def url(municipality, name, **kwargs):
    return reverse(f"backoffice:news_staff:{name}", kwargs={"municipality_slug": municipality.slug, **kwargs})


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client


def form_data(**overrides):
    data = {"title": "Spotkanie konsultacyjne", "lead": "", "body": "Zapraszamy.", "process": "",
            "activity": "", "slug": "", "publication": "draft", "publish_at": ""}
    data.update(overrides)
    return data


# --- who may use it -------------------------------------------------------------------------------

STAFF_PAGES = [("list", {}), ("create", {})]


@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
def test_anonymous_visitor_is_sent_to_the_login_page(client, municipality, name, kwargs):
    response = client.get(url(municipality, name, **kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
def test_resident_without_a_role_gets_not_found(client, municipality, resident, name, kwargs):
    client.force_login(resident)
    assert client.get(url(municipality, name, **kwargs)).status_code == 404


@pytest.mark.parametrize("role", [MunicipalityRole.ADMINISTRATOR, MunicipalityRole.COORDINATOR,
                                  MunicipalityRole.STAFF])
@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
def test_office_staff_may_manage_news(client, municipality, role, name, kwargs):
    client.force_login(user_with_municipality_role(municipality, role))
    assert client.get(url(municipality, name, **kwargs)).status_code == 200


@pytest.mark.parametrize("role", [MunicipalityRole.CONTRACTOR, MunicipalityRole.APPROVER])
def test_other_municipality_roles_are_refused(client, municipality, role):
    client.force_login(user_with_municipality_role(municipality, role))
    assert client.get(url(municipality, "list")).status_code == 403


def test_staff_of_another_municipality_gets_not_found(client, municipality):
    client.force_login(user_with_municipality_role(MunicipalityFactory(), MunicipalityRole.ADMINISTRATOR))
    assert client.get(url(municipality, "list")).status_code == 404


@pytest.mark.parametrize("name", ["edit", "delete"])
def test_an_item_of_another_municipality_is_not_found(staff_client, municipality, make_item, name):
    item = make_item(municipality=MunicipalityFactory())
    assert staff_client.get(url(municipality, name, pk=item.pk)).status_code == 404


def test_publish_now_refuses_anonymous_visitors(client, municipality, make_item):
    item = make_item(published=None)
    client.post(url(municipality, "publish", pk=item.pk))
    item.refresh_from_db()
    assert item.published_at is None


# --- the list -------------------------------------------------------------------------------------

def test_list_shows_items_in_every_state_with_the_state(staff_client, municipality, make_item):
    make_item(title="Szkic", published=None)
    make_item(title="Zaplanowana", published=HOUR)
    make_item(title="Opublikowana", published=-HOUR)
    html = staff_client.get(url(municipality, "list")).text
    for title, state in [("Szkic", "draft"), ("Zaplanowana", "scheduled"), ("Opublikowana", "published")]:
        assert title in html
        assert f"badge-news-{state}" in html


def test_list_shows_the_number_of_confirmed_subscribers(staff_client, municipality):
    for email in ["a@example.org", "b@example.org"]:
        s = subscriber_subscribe(actor=None, municipality=municipality, email=email, consent_text="zgoda")
        subscriber_confirm(actor=None, subscriber=s)
    subscriber_subscribe(actor=None, municipality=municipality, email="c@example.org", consent_text="zgoda")
    assert "<dd data-subscribers-confirmed>2</dd>" in staff_client.get(url(municipality, "list")).text


@pytest.mark.parametrize("count", [1, 15])
def test_list_query_count_does_not_grow_with_the_number_of_items(staff_client, municipality, make_item, count,
                                                                 django_assert_num_queries):
    for n in range(count):
        make_item(published=[None, HOUR, -HOUR][n % 3])
    # municipality, session, user, roles (read once), count, page, subscriber counts, current process (menu)
    with django_assert_num_queries(8):
        assert staff_client.get(url(municipality, "list")).status_code == 200


# --- writing --------------------------------------------------------------------------------------

def test_staff_can_save_a_draft(staff_client, municipality):
    response = staff_client.post(url(municipality, "create"), form_data())
    assert response.status_code == 302
    item = NewsItem.objects.get()
    assert (item.title, item.published_at) == ("Spotkanie konsultacyjne", None)
    assert item.municipality == municipality


def test_the_address_is_made_from_the_polish_title(staff_client, municipality):
    staff_client.post(url(municipality, "create"), form_data(title="Łąka przy źródle"))
    assert NewsItem.objects.get().slug == "laka-przy-zrodle"


def test_two_items_with_the_same_title_get_different_addresses(staff_client, municipality):
    staff_client.post(url(municipality, "create"), form_data())
    staff_client.post(url(municipality, "create"), form_data())
    assert sorted(NewsItem.objects.values_list("slug", flat=True)) == [
        "spotkanie-konsultacyjne", "spotkanie-konsultacyjne-2"]


def test_an_address_already_taken_is_an_error_next_to_the_field(staff_client, municipality, make_item):
    make_item(slug="zajety")
    response = staff_client.post(url(municipality, "create"), form_data(slug="zajety"))
    assert response.status_code == 200
    assert 'id="id_slug_error"' in response.text
    assert "Spotkanie konsultacyjne" in response.text


def test_publishing_at_once_makes_the_item_public(staff_client, municipality):
    staff_client.post(url(municipality, "create"), form_data(publication="now"))
    assert NewsItem.objects.get().published_at <= timezone.now()


def test_the_publication_time_is_read_as_warsaw_time(staff_client, municipality):
    year = timezone.now().year + 1
    staff_client.post(url(municipality, "create"), form_data(publication="schedule",
                                                             publish_at=f"{year}-07-01T12:00"))
    assert NewsItem.objects.get().published_at == dt.datetime(year, 7, 1, 10, 0, tzinfo=UTC)


def test_the_publication_time_in_winter_is_one_hour_ahead_of_utc(staff_client, municipality):
    year = timezone.now().year + 1
    staff_client.post(url(municipality, "create"), form_data(publication="schedule",
                                                             publish_at=f"{year}-01-15T09:30"))
    assert NewsItem.objects.get().published_at == dt.datetime(year, 1, 15, 8, 30, tzinfo=UTC)


def test_an_hour_skipped_by_the_clock_change_is_an_error(staff_client, municipality):
    # 29 March 2037 is the last Sunday of March: clocks in Warsaw jump from 02:00 to 03:00.
    response = staff_client.post(url(municipality, "create"), form_data(publication="schedule",
                                                                        publish_at="2037-03-29T02:30"))
    assert 'id="id_publish_at_error"' in response.text
    assert not NewsItem.objects.exists()


def test_scheduling_needs_a_time(staff_client, municipality):
    response = staff_client.post(url(municipality, "create"), form_data(publication="schedule"))
    assert 'id="id_publish_at_error"' in response.text


def test_scheduling_in_the_past_is_an_error(staff_client, municipality):
    response = staff_client.post(url(municipality, "create"), form_data(publication="schedule",
                                                                        publish_at="2020-01-01T10:00"))
    assert 'id="id_publish_at_error"' in response.text
    assert not NewsItem.objects.exists()


def test_the_edit_form_shows_the_scheduled_time_in_warsaw_time(staff_client, municipality, make_item):
    year = timezone.now().year + 1
    item = make_item()
    NewsItem.objects.filter(pk=item.pk).update(published_at=dt.datetime(year, 7, 1, 10, 0, tzinfo=UTC))
    html = staff_client.get(url(municipality, "edit", pk=item.pk)).text
    assert f'value="{year}-07-01T12:00"' in html


def test_editing_a_published_item_keeps_its_publication_time(staff_client, municipality, make_item):
    item = make_item(published=-3 * HOUR)
    staff_client.post(url(municipality, "edit", pk=item.pk), form_data(publication="now", title="Nowy tytuł"))
    updated = NewsItem.objects.get()
    assert (updated.title, updated.published_at) == ("Nowy tytuł", item.published_at)


def test_an_activity_of_the_schedule_can_be_linked_and_sets_the_process(staff_client, municipality, process):
    activity = process.stages.get(number=2).activities.get(activity_type="consultation")
    staff_client.post(url(municipality, "create"), form_data(activity=activity.pk))
    item = NewsItem.objects.get()
    assert (item.activity, item.process) == (activity, process)


def test_publish_now_publishes_a_scheduled_item(staff_client, municipality, make_item):
    item = make_item(published=5 * HOUR)
    response = staff_client.post(url(municipality, "publish", pk=item.pk))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.published_at <= timezone.now()


def test_delete_asks_for_confirmation_first(staff_client, municipality, make_item):
    item = make_item()
    assert staff_client.get(url(municipality, "delete", pk=item.pk)).status_code == 200
    assert NewsItem.objects.filter(pk=item.pk).exists()


def test_delete_removes_the_item_after_confirmation(staff_client, municipality, make_item):
    item = make_item()
    assert staff_client.post(url(municipality, "delete", pk=item.pk)).status_code == 302
    assert not NewsItem.objects.filter(pk=item.pk).exists()


def test_writes_are_audited_with_the_staff_member(staff_client, municipality, coordinator):
    staff_client.post(url(municipality, "create"), form_data())
    item = NewsItem.objects.get()
    staff_client.post(url(municipality, "edit", pk=item.pk), form_data(title="Zmieniony"))
    staff_client.post(url(municipality, "delete", pk=item.pk))
    entries = AuditEntry.objects.filter(action__startswith="news.").order_by("id")
    assert [(e.action, e.actor, e.object_id) for e in entries] == [
        ("news.create", coordinator, str(item.pk)), ("news.update", coordinator, str(item.pk)),
        ("news.delete", coordinator, str(item.pk))]
    assert entries[1].before["title"] == "Spotkanie konsultacyjne"
    assert entries[1].after["title"] == "Zmieniony"
