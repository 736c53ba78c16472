"""The coordinator's dashboard lists what needs doing next; the audit log can be filtered."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from strategia.core.deadlines import WARSAW
from strategia.core.models import AuditEntry, StoredEmail
from strategia.processes.enums import ActivityStatus, DatePrecision, ResolutionKind
from strategia.processes.models import Activity
from strategia.processes.services import activity_change_planned_dates, resolution_record

pytestmark = pytest.mark.django_db


def _dashboard(client, municipality):
    return client.get(reverse("backoffice:dashboard", kwargs={"municipality_slug": municipality.slug})).text


def test_dashboard_lists_activities_starting_within_14_days_but_not_later(client, process, coordinator):
    Activity.objects.filter(stage__process=process).update(status=ActivityStatus.COMPLETED,
                                                           actual_start=dt.date(2026, 1, 1),
                                                           actual_end=dt.date(2026, 1, 2))
    soon = Activity.objects.get(stage__process=process, stage__number=2, number="2")
    later = Activity.objects.get(stage__process=process, stage__number=2, number="6")
    Activity.objects.filter(pk=soon.pk).update(status=ActivityStatus.PLANNED, planned_start=dt.date(2026, 7, 14),
                                               actual_start=None, actual_end=None)
    Activity.objects.filter(pk=later.pk).update(status=ActivityStatus.PLANNED, planned_start=dt.date(2026, 7, 16),
                                                actual_start=None, actual_end=None)
    client.force_login(coordinator)
    with time_machine.travel(dt.datetime(2026, 6, 30, 9, 0, tzinfo=WARSAW), tick=False):
        html = _dashboard(client, process.municipality)
    assert soon.short_title in html
    assert later.short_title not in html


def test_dashboard_lists_pending_schedule_changes_and_unread_mail(client, process, coordinator):
    resolution_record(actor=coordinator, process=process, kind=ResolutionKind.PROCEDURE, number="1",
                      adopted_on=dt.date(2026, 1, 1))
    activity = Activity.objects.get(stage__process=process, stage__number=1, number="2")
    activity_change_planned_dates(actor=coordinator, activity=activity, start=activity.planned_start,
                                  end=activity.planned_end + dt.timedelta(days=40),
                                  precision=DatePrecision.QUARTER, reason="powód")
    StoredEmail.objects.create(municipality=process.municipality, from_email="a@x", to="b@x", subject="s", body="b")
    client.force_login(coordinator)
    html = _dashboard(client, process.municipality)
    assert "→" in html and activity.short_title in html
    assert reverse("backoffice:emails", kwargs={"municipality_slug": process.municipality.slug}) in html


def test_dashboard_asks_for_the_procedure_resolution_until_it_is_recorded(client, process, coordinator):
    client.force_login(coordinator)
    url = reverse("backoffice:processes_staff:resolution_create",
                  kwargs={"municipality_slug": process.municipality.slug, "process_slug": process.slug})
    assert url in _dashboard(client, process.municipality)
    resolution_record(actor=coordinator, process=process, kind=ResolutionKind.PROCEDURE, number="1",
                      adopted_on=dt.date(2026, 1, 1))
    assert url not in _dashboard(client, process.municipality)


def test_audit_log_filters_by_action_and_person(client, municipality, coordinator):
    AuditEntry.objects.create(municipality=municipality, action="news.create", actor_label="ala@example.org",
                              object_repr="Pierwsza")
    AuditEntry.objects.create(municipality=municipality, action="activity.update", actor_label="ola@example.org",
                              object_repr="Druga")
    client.force_login(coordinator)
    url = reverse("backoffice:audit", kwargs={"municipality_slug": municipality.slug})
    by_action = client.get(url, {"action": "news.create"}).text
    assert "Pierwsza" in by_action and "Druga" not in by_action
    by_person = client.get(url, {"actor": "ola@"}).text
    assert "Druga" in by_person and "Pierwsza" not in by_person


def test_audit_log_shows_before_and_after(client, process, coordinator):
    from strategia.processes.services import process_update

    process_update(actor=coordinator, process=process, title="Tytuł po zmianie")
    client.force_login(coordinator)
    html = client.get(reverse("backoffice:audit", kwargs={"municipality_slug": process.municipality.slug})).text
    assert "Strategia rozwoju gminy Testowo do 2035 roku → Tytuł po zmianie" in html


def test_municipality_data_edit_is_audited_and_validates_the_postal_code(client, municipality):
    from strategia.accounts.enums import MunicipalityRole
    from tests.factories import user_with_municipality_role

    admin = user_with_municipality_role(municipality, MunicipalityRole.ADMINISTRATOR)
    client.force_login(admin)
    url = reverse("backoffice:municipality", kwargs={"municipality_slug": municipality.slug})
    data = {f: getattr(municipality, f) for f in [
        "name", "name_genitive", "name_locative", "kind", "council_name", "council_name_genitive", "office_name",
        "executive_title", "executive_name", "street_address", "city", "ade_address", "bip_url", "website_url",
        "phone", "email", "controller_name", "controller_contact", "dpo_name", "dpo_email", "dpo_phone",
        "case_reference_prefix", "retention_period_text", "coat_of_arms_licence"]}
    response = client.post(url, {**data, "postal_code": "05520", "executive_name": "Nowe Nazwisko"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text and "Nowe Nazwisko" in response.text
    response = client.post(url, {**data, "postal_code": "05-520", "executive_name": "Nowe Nazwisko"})
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert municipality.executive_name == "Nowe Nazwisko"
    assert AuditEntry.objects.filter(action="municipality.update", municipality=municipality).exists()


def test_an_activity_planned_by_quarter_is_not_overdue_while_its_quarter_lasts(client, process, coordinator):
    Activity.objects.filter(stage__process=process).update(status=ActivityStatus.COMPLETED,
                                                           actual_start=dt.date(2026, 1, 1),
                                                           actual_end=dt.date(2026, 1, 2))
    by_quarter = Activity.objects.get(stage__process=process, stage__number=2, number="4")
    Activity.objects.filter(pk=by_quarter.pk).update(status=ActivityStatus.PLANNED, actual_start=None,
                                                     actual_end=None, planned_precision=DatePrecision.QUARTER,
                                                     planned_start=dt.date(2026, 10, 1),
                                                     planned_end=dt.date(2026, 12, 31))
    with time_machine.travel(dt.datetime(2026, 11, 26, 9, 0, tzinfo=WARSAW), tick=False):
        client.force_login(coordinator)
        assert by_quarter.short_title not in _dashboard(client, process.municipality)
    with time_machine.travel(dt.datetime(2027, 1, 2, 9, 0, tzinfo=WARSAW), tick=False):
        client.force_login(coordinator)
        assert by_quarter.short_title in _dashboard(client, process.municipality)


def test_an_activity_planned_to_the_day_is_overdue_the_day_after_its_start(client, process, coordinator):
    Activity.objects.filter(stage__process=process).update(status=ActivityStatus.COMPLETED,
                                                           actual_start=dt.date(2026, 1, 1),
                                                           actual_end=dt.date(2026, 1, 2))
    exact = Activity.objects.get(stage__process=process, stage__number=2, number="4")
    Activity.objects.filter(pk=exact.pk).update(status=ActivityStatus.PLANNED, actual_start=None, actual_end=None,
                                                planned_precision=DatePrecision.DAY,
                                                planned_start=dt.date(2026, 11, 20),
                                                planned_end=dt.date(2026, 12, 20))
    with time_machine.travel(dt.datetime(2026, 11, 26, 9, 0, tzinfo=WARSAW), tick=False):
        client.force_login(coordinator)
        assert exact.short_title in _dashboard(client, process.municipality)
