"""No page's query count grows with the data: list pages pin it for few and for many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole
from strategia.core.models import AuditEntry, StoredEmail
from strategia.processes.models import Activity
from tests.factories import user_with_municipality_role


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _add_activities(process, n):
    stage = process.stages.get(number=2)
    last = stage.activities.order_by("-position").first()
    for i in range(n):
        Activity.objects.create(stage=stage, number=f"9{i}", position=100 + i, title=f"Dodatkowe {i}",
                                short_title=f"dodatkowe {i}", planned_start=last.planned_start,
                                planned_end=last.planned_end)


@pytest.mark.parametrize("url_name", ["processes:schedule", "portal:home"])
def test_public_schedule_pages_do_not_grow_with_activities(client, process, url_name):
    kwargs = {"municipality_slug": process.municipality.slug}
    if url_name == "processes:schedule":
        kwargs["process_slug"] = process.slug
    url = reverse(url_name, kwargs=kwargs)
    few = _count(client, url)
    _add_activities(process, 30)
    assert _count(client, url) == few


def test_backoffice_process_page_does_not_grow_with_activities(client, process, coordinator):
    client.force_login(coordinator)
    url = reverse("backoffice:processes_staff:detail",
                  kwargs={"municipality_slug": process.municipality.slug, "process_slug": process.slug})
    few = _count(client, url)
    _add_activities(process, 30)
    assert _count(client, url) == few


def test_audit_log_does_not_grow_with_entries(client, municipality, coordinator):
    client.force_login(coordinator)
    url = reverse("backoffice:audit", kwargs={"municipality_slug": municipality.slug})
    AuditEntry.objects.create(municipality=municipality, action="a.b", object_repr="x", actor=coordinator)
    few = _count(client, url)
    AuditEntry.objects.bulk_create([AuditEntry(municipality=municipality, action=f"a.{i % 5}", object_repr="x",
                                               actor=coordinator, before={"t": 1}, after={"t": 2})
                                    for i in range(60)])
    assert _count(client, url) == few


def test_sent_emails_list_does_not_grow_with_emails(client, municipality):
    client.force_login(user_with_municipality_role(municipality, MunicipalityRole.STAFF))
    url = reverse("backoffice:emails", kwargs={"municipality_slug": municipality.slug})
    StoredEmail.objects.create(municipality=municipality, from_email="a@x", to="b@x", subject="s", body="b")
    few = _count(client, url)
    StoredEmail.objects.bulk_create([StoredEmail(municipality=municipality, from_email="a@x", to="b@x",
                                                 subject=f"s{i}", body="b") for i in range(40)])
    assert _count(client, url) == few


def test_dashboard_does_not_grow_with_activities(client, process, coordinator):
    client.force_login(coordinator)
    url = reverse("backoffice:dashboard", kwargs={"municipality_slug": process.municipality.slug})
    few = _count(client, url)
    _add_activities(process, 30)
    assert _count(client, url) == few
