"""One installation, several municipalities, each under its own URL prefix. Staff of one get 404 in another."""


import pytest
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole
from strategia.core.models import AuditEntry, StoredEmail
from strategia.processes.services import process_create_from_blueprint
from tests.factories import MunicipalityFactory, user_with_municipality_role

pytestmark = pytest.mark.django_db


def test_each_municipality_has_its_own_portal(client):
    first, second = MunicipalityFactory(name="Gmina Alfa"), MunicipalityFactory(name="Gmina Beta")
    assert "Gmina Alfa" in client.get(reverse("portal:home", kwargs={"municipality_slug": first.slug})).text
    assert "Gmina Beta" in client.get(reverse("portal:home", kwargs={"municipality_slug": second.slug})).text


def test_the_root_lists_municipalities_when_there_are_several(client):
    MunicipalityFactory(name="Gmina Alfa"), MunicipalityFactory(name="Gmina Beta")
    response = client.get("/")
    assert response.status_code == 200
    assert "Gmina Alfa" in response.text and "Gmina Beta" in response.text


def test_the_root_goes_straight_to_the_only_municipality(client):
    only = MunicipalityFactory()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == only.get_absolute_url()


def test_an_unknown_municipality_is_404(client, db):
    assert client.get("/nie-ma-takiej/").status_code == 404


@pytest.mark.parametrize("url_name", ["backoffice:dashboard", "backoffice:emails", "backoffice:audit",
                                      "backoffice:processes_staff:create"])
def test_staff_of_one_municipality_get_404_in_another(client, url_name):
    mine, other = MunicipalityFactory(), MunicipalityFactory()
    admin = user_with_municipality_role(mine, MunicipalityRole.ADMINISTRATOR)
    client.force_login(admin)
    assert client.get(reverse(url_name, kwargs={"municipality_slug": mine.slug})).status_code == 200
    assert client.get(reverse(url_name, kwargs={"municipality_slug": other.slug})).status_code == 404


def test_another_municipalitys_process_is_404_even_with_its_slug(client):
    mine, other = MunicipalityFactory(), MunicipalityFactory()
    theirs = process_create_from_blueprint(actor=None, municipality=other, title="Ich", slug="ich",
                                           start_year=2026, start_quarter=1)
    coordinator = user_with_municipality_role(mine, MunicipalityRole.COORDINATOR)
    client.force_login(coordinator)
    url = reverse("backoffice:processes_staff:detail",
                  kwargs={"municipality_slug": mine.slug, "process_slug": theirs.slug})
    assert client.get(url).status_code == 404
    public = reverse("processes:schedule", kwargs={"municipality_slug": mine.slug, "process_slug": theirs.slug})
    assert client.get(public).status_code == 404


def test_sent_emails_and_audit_entries_are_kept_per_municipality(client, settings):
    settings.DEMO_MODE = False
    mine, other = MunicipalityFactory(), MunicipalityFactory()
    StoredEmail.objects.create(municipality=mine, from_email="a@x", to="r@x", subject="Nasz e-mail", body="b")
    StoredEmail.objects.create(municipality=other, from_email="a@x", to="r@x", subject="Cudzy e-mail", body="b")
    StoredEmail.objects.create(municipality=None, from_email="a@x", to="r@x", subject="Konto", body="link")
    AuditEntry.objects.create(municipality=mine, action="nasza.akcja", object_repr="x")
    AuditEntry.objects.create(municipality=other, action="cudza.akcja", object_repr="y")
    client.force_login(user_with_municipality_role(mine, MunicipalityRole.COORDINATOR))
    emails = client.get(reverse("backoffice:emails", kwargs={"municipality_slug": mine.slug})).text
    assert "Nasz e-mail" in emails and "Cudzy e-mail" not in emails
    assert "Konto" not in emails  # account e-mails (reset links) are shown only in the demo
    audit = client.get(reverse("backoffice:audit", kwargs={"municipality_slug": mine.slug})).text
    assert "nasza.akcja" in audit and "cudza.akcja" not in audit


def test_in_the_demo_account_emails_are_readable_by_staff(client, settings):
    settings.DEMO_MODE = True
    mine = MunicipalityFactory()
    StoredEmail.objects.create(municipality=None, from_email="a@x", to="r@x", subject="Potwierdź adres", body="b")
    client.force_login(user_with_municipality_role(mine, MunicipalityRole.STAFF))
    assert "Potwierdź adres" in client.get(reverse("backoffice:emails",
                                                   kwargs={"municipality_slug": mine.slug})).text


def test_opening_a_stored_email_marks_it_read(client):
    mine = MunicipalityFactory()
    email = StoredEmail.objects.create(municipality=mine, from_email="a@x", to="r@x", subject="S", body="B")
    client.force_login(user_with_municipality_role(mine, MunicipalityRole.STAFF))
    client.get(reverse("backoffice:email_detail", kwargs={"municipality_slug": mine.slug, "email_id": email.pk}))
    email.refresh_from_db()
    assert email.seen_at is not None


