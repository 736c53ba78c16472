"""The deklaracja dostępności follows the ministry's structure; staff edit it through an audited service."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from strategia.core.models import AuditEntry
from strategia.core.statutory import Rule, period
from strategia.portal.enums import AccessibilityStatus, AssessmentMethod
from strategia.portal.models import AccessibilityStatement
from strategia.portal.services import accessibility_statement_update
from tests.portal.conftest import make_statement

REQUIRED_IDS = [
    "a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
    "a11y-status", "a11y-data-sporzadzenie", "a11y-data-przeglad", "a11y-kontakt", "a11y-osoba",
    "a11y-email", "a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-aplikacje",
]


def _public(municipality):
    return reverse("portal:accessibility", kwargs={"municipality_slug": municipality.slug})


def _edit(municipality):
    return reverse("backoffice:portal_staff:accessibility_edit",
                   kwargs={"municipality_slug": municipality.slug})


def _element(html, element_id):
    match = re.search(rf'<(\w+)[^>]*\bid="{element_id}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no element #{element_id}"
    return match.group(0)


# --- the public statement -----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_statement_has_every_required_element_id_exactly_once(client, municipality):
    make_statement(municipality)

    html = client.get(_public(municipality)).content.decode()

    for element_id in REQUIRED_IDS:
        assert html.count(f'id="{element_id}"') == 1, element_id


@pytest.mark.django_db
def test_statement_dates_are_machine_readable(client, municipality):
    make_statement(municipality, site_published_on=dt.date(2025, 9, 1), site_updated_on=dt.date(2026, 2, 10),
                   prepared_on=dt.date(2025, 9, 3), reviewed_on=dt.date(2026, 2, 11))

    html = client.get(_public(municipality)).content.decode()

    for element_id, value in (("a11y-data-publikacja", "2025-09-01"),
                              ("a11y-data-aktualizacja", "2026-02-10"),
                              ("a11y-data-sporzadzenie", "2025-09-03"),
                              ("a11y-data-przeglad", "2026-02-11")):
        assert _element(html, element_id) == f'<time id="{element_id}" datetime="{value}">{value}</time>'


@pytest.mark.django_db
def test_statement_names_the_entity_the_website_and_the_status(client, municipality):
    make_statement(municipality, status=AccessibilityStatus.PARTIALLY_COMPLIANT)

    html = client.get(_public(municipality)).content.decode()

    assert municipality.office_name in _element(html, "a11y-podmiot")
    assert f'href="{settings.SITE_URL}/{municipality.slug}/"' in _element(html, "a11y-url")
    assert "częściowo zgodna" in _element(html, "a11y-status")


@pytest.mark.django_db
def test_statement_lists_non_accessible_content_and_exemptions(client, municipality):
    make_statement(municipality, non_accessible_content="Stare PDF-y.\nMapy bez tabel.",
                   exemptions="Transmisje na żywo.")

    html = client.get(_public(municipality)).content.decode()

    for item in ("<li>Stare PDF-y.</li>", "<li>Mapy bez tabel.</li>", "<li>Transmisje na żywo.</li>"):
        assert item in html


@pytest.mark.django_db
def test_external_audit_names_the_auditor(client, municipality):
    make_statement(municipality, assessment_method=AssessmentMethod.EXTERNAL_AUDIT,
                   auditor="Fundacja Audytowa")

    html = client.get(_public(municipality)).content.decode()

    assert "Fundacja Audytowa" in _element(html, "a11y-audytor")


@pytest.mark.django_db
def test_disproportionate_burden_link_appears_only_when_given(client, municipality):
    statement = make_statement(municipality)
    assert 'id="a11y-ocena"' not in client.get(_public(municipality)).content.decode()

    statement.burden_assessment_url = "https://bip.testowo.example/ocena"
    statement.save()

    assert 'href="https://bip.testowo.example/ocena"' in _element(
        client.get(_public(municipality)).content.decode(), "a11y-ocena")


@pytest.mark.django_db
def test_request_procedure_takes_its_deadline_from_the_statutory_period(client, municipality):
    make_statement(municipality)

    html = client.get(_public(municipality)).content.decode()

    procedure = html.split('id="a11y-procedura"')[1].split("</section>")[0]
    days = period(Rule.ACCESSIBILITY_REQUEST_DAYS).days
    assert f"w ciągu {days} dni" in procedure
    assert "2 miesiące" in procedure


@pytest.mark.django_db
def test_contact_details_are_shown_and_escaped(client, municipality):
    make_statement(municipality, contact_person="<b>Anna</b> Dostępna", contact_phone="22 123 45 67")

    html = client.get(_public(municipality)).content.decode()

    assert "&lt;b&gt;Anna&lt;/b&gt; Dostępna" in _element(html, "a11y-osoba")
    assert "22 123 45 67" in _element(html, "a11y-telefon")
    assert "dostepnosc@testowo.example" in _element(html, "a11y-email")


@pytest.mark.django_db
def test_without_a_statement_the_page_says_it_is_being_prepared_and_gives_the_office(client, municipality):
    response = client.get(_public(municipality))

    html = response.content.decode()
    assert response.status_code == 200
    assert "w przygotowaniu" in html
    assert municipality.office_name in html


# --- the service --------------------------------------------------------------------------------------------

def _fields(**overrides):
    values = {
        "site_published_on": dt.date(2025, 9, 1), "site_updated_on": dt.date(2026, 1, 5),
        "status": AccessibilityStatus.COMPLIANT, "non_accessible_content": "", "exemptions": "",
        "burden_assessment_url": "", "prepared_on": dt.date(2025, 9, 1),
        "assessment_method": AssessmentMethod.SELF_ASSESSMENT, "auditor": "", "contact_person": "Jan Kontakt",
        "contact_email": "jan@testowo.example", "contact_phone": "22 000 11 22",
        "architectural_accessibility": "Winda przy wejściu.", "mobile_apps": "",
    }
    values.update(overrides)
    return values


@pytest.mark.django_db
def test_update_sets_the_statement_update_date_and_writes_an_audit_entry(municipality, coordinator):
    statement = accessibility_statement_update(actor=coordinator, statement=AccessibilityStatement(
        municipality=municipality), today=dt.date(2026, 2, 3), **_fields())

    assert statement.statement_updated_on == dt.date(2026, 2, 3)
    assert statement.reviewed_on is None
    entry = AuditEntry.objects.get(action="portal.accessibility_statement_update")
    assert entry.actor == coordinator and entry.municipality == municipality


@pytest.mark.django_db
def test_marking_the_review_records_today_as_the_review_date(municipality, coordinator):
    statement = make_statement(municipality, reviewed_on=dt.date(2025, 3, 1))

    accessibility_statement_update(actor=coordinator, statement=statement, mark_reviewed=True,
                                   today=dt.date(2026, 3, 20), contact_person="Nowa Osoba")

    statement.refresh_from_db()
    assert statement.reviewed_on == dt.date(2026, 3, 20)
    assert statement.contact_person == "Nowa Osoba"


@pytest.mark.django_db
@pytest.mark.parametrize("overrides,field", [
    ({"site_updated_on": dt.date(2025, 8, 1)}, "site_updated_on"),
    ({"prepared_on": dt.date(2026, 2, 4)}, "prepared_on"),
    ({"assessment_method": AssessmentMethod.EXTERNAL_AUDIT, "auditor": ""}, "auditor"),
    ({"status": AccessibilityStatus.PARTIALLY_COMPLIANT, "non_accessible_content": ""},
     "non_accessible_content"),
    ({"contact_email": "to nie e-mail"}, "contact_email"),
])
def test_inconsistent_statement_is_refused_at_the_field(municipality, coordinator, overrides, field):
    with pytest.raises(ValidationError) as error:
        accessibility_statement_update(actor=coordinator, statement=AccessibilityStatement(
            municipality=municipality), today=dt.date(2026, 2, 3), **_fields(**overrides))

    assert field in error.value.message_dict
    assert not AccessibilityStatement.objects.exists()


# --- the back-office form -----------------------------------------------------------------------------------

def _post_data(**overrides):
    data = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in _fields().items()}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_prepare_the_statement_in_the_back_office(client, municipality, office_staff):
    client.force_login(office_staff)

    response = client.post(_edit(municipality), _post_data(mark_reviewed="on"))

    assert response.status_code == 302
    statement = AccessibilityStatement.objects.get(municipality=municipality)
    assert statement.contact_person == "Jan Kontakt"
    assert statement.reviewed_on is not None


@pytest.mark.django_db
def test_form_error_is_shown_next_to_the_field_and_keeps_what_was_typed(client, municipality, office_staff):
    client.force_login(office_staff)

    response = client.post(_edit(municipality), _post_data(
        status=AccessibilityStatus.NON_COMPLIANT, contact_person="Wpisana Osoba"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_non_accessible_content_error"' in html
    assert 'value="Wpisana Osoba"' in html
    assert not AccessibilityStatement.objects.exists()
