"""The privacy policy carries the full art. 13 RODO clause, generated from the municipality's data."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse


def _url(municipality):
    return reverse("portal:privacy", kwargs={"municipality_slug": municipality.slug})


@pytest.fixture
def privacy_html(client, municipality):
    municipality.controller_name = "Burmistrz Gminy Testowo"
    municipality.controller_contact = "ul. Główna 1, 00-001 Testowo, urzad@testowo.example"
    municipality.dpo_name = "Iwona Inspektorska"
    municipality.dpo_email = "iod@testowo.example"
    municipality.dpo_phone = "22 999 88 77"
    municipality.retention_period_text = "przez 10 lat od zakończenia sprawy (kategoria archiwalna B10)"
    municipality.save()
    return client.get(_url(municipality)).content.decode()


def _section(html, section_id):
    return html.split(f'id="{section_id}"')[1].split("</section>")[0]


@pytest.mark.django_db
def test_policy_names_the_controller_and_its_contact(privacy_html):
    section = _section(privacy_html, "rodo-administrator")
    assert "Burmistrz Gminy Testowo" in section
    assert "ul. Główna 1, 00-001 Testowo, urzad@testowo.example" in section


@pytest.mark.django_db
def test_policy_gives_the_data_protection_officer(privacy_html):
    section = _section(privacy_html, "rodo-iod")
    assert "Iwona Inspektorska" in section
    assert "iod@testowo.example" in section
    assert "22 999 88 77" in section


@pytest.mark.django_db
def test_policy_states_the_legal_bases(privacy_html):
    section = _section(privacy_html, "rodo-purposes")
    assert "art. 6 ust. 1 lit. e RODO" in section
    assert "art. 6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju" in section
    assert "art. 10f ustawy z dnia 8 marca 1990 r. o samorządzie gminnym" in section
    assert "art. 6 ust. 1 lit. a RODO" in section  # newsletter and publishing names


@pytest.mark.django_db
def test_policy_gives_the_retention_period_of_the_municipality(privacy_html):
    assert "przez 10 lat od zakończenia sprawy (kategoria archiwalna B10)" in _section(privacy_html,
                                                                                         "rodo-retention")


@pytest.mark.django_db
def test_policy_lists_the_rights_and_the_complaint_to_uodo(privacy_html):
    rights = _section(privacy_html, "rodo-rights")
    for right in ("dostępu", "sprostowania", "usunięcia", "ograniczenia przetwarzania", "sprzeciwu",
                  "wycofania zgody"):
        assert right in rights
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in _section(privacy_html, "rodo-complaint")


@pytest.mark.django_db
def test_policy_says_contact_data_are_optional_and_there_is_no_profiling(privacy_html):
    assert "zawsze nieobowiązkowe" in _section(privacy_html, "rodo-voluntary")
    assert "profilowania" in _section(privacy_html, "rodo-automated")


@pytest.mark.django_db
def test_policy_lists_only_the_cookies_the_platform_sets(privacy_html, settings):
    cookies = _section(privacy_html, "rodo-cookies")
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME):
        assert f"<code>{name}</code>" in cookies
    assert "analitycznych" in cookies


@pytest.mark.django_db
def test_municipality_data_in_the_policy_are_escaped(client, municipality):
    municipality.controller_name = "<script>x</script>"
    municipality.save()

    html = client.get(_url(municipality)).content.decode()

    assert "<script>x</script>" not in html


# --- the short clause for other apps' forms -----------------------------------------------------------------

def _short_clause(municipality, extra=""):
    template = Template('{% include "portal/includes/rodo_clause_short.html"' + extra + " %}")
    return template.render(Context({"municipality": municipality, "request": RequestFactory().get("/")}))


@pytest.mark.django_db
def test_short_clause_names_controller_officer_basis_and_links_to_the_policy(municipality):
    html = _short_clause(municipality)

    assert municipality.controller_name in html
    assert municipality.dpo_email in html
    assert "art. 6 ust. 1 lit. e RODO" in html
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in html
    assert reverse("portal:privacy", kwargs={"municipality_slug": municipality.slug}) in html


@pytest.mark.django_db
def test_short_clause_takes_the_form_purpose_and_consent(municipality):
    html = _short_clause(municipality, ' with purpose="zapisu na newsletter" consent=True')

    assert "w celu zapisu na newsletter" in html
    assert "art. 6 ust. 1 lit. a RODO" in html
    assert "lit. a" not in _short_clause(municipality)
