"""The report's content (art. 6 ust. 6 u.z.p.p.r.; legal_pl.md §2.3, §5.2, §5.5): one selector, both variants."""

import re

import pytest

from strategia.consultation.enums import SubmitterKind
from strategia.consultation.report import INTERNAL_MARK, report_content
from strategia.consultation.services import submission_create
from tests.consultation import test_report_support as support
from tests.consultation.test_report_support import (
    CONSENTED_NAME,
    DURING,
    FORMULA,
    HIDDEN_CONTENT,
    HIDDEN_REASON,
    ORGANISATION,
    PRIVATE_EMAIL,
    PRIVATE_NAME,
    SCRIPT,
)

pytestmark = pytest.mark.django_db


def stats(content):
    return {table.title: dict(table.rows) for table in content.statistics}


def test_every_remark_is_one_row_in_number_order(answered):
    content = report_content(consultation=answered, variant="public")

    assert [row.number for row in content.rows] == [1, 2, 3, 4, 5, 6]
    assert content.remark_count == 6 and content.submission_count == 5


def test_each_row_carries_date_channel_fragment_stance_and_its_justification(answered):
    paragraph = support.first_paragraph(answered)
    row = report_content(consultation=answered, variant="public").rows[0]

    assert row.received == "15.06.2026, formularz na platformie"
    assert row.fragment == f"pkt {paragraph.display_number}"
    assert row.proposed_wording == FORMULA and row.justification == "Bo tak będzie lepiej."
    assert row.stance == "uwzględniona" and row.stance_justification == "Uzasadnienie stanowiska 1."
    assert row.resulting_change == "Dodano zapis w pkt 1.1."


def test_a_late_remark_is_marked_and_counted(answered):
    content = report_content(consultation=answered, variant="public")

    late = [row for row in content.rows if row.is_late]
    assert [row.number for row in late] == [5] and "PO TERMINIE" in late[0].received
    assert content.late_remark_count == 1 and content.late_submission_count == 1
    assert stats(content)["Uwagi według terminu wniesienia"] == {"w terminie": 5, "po terminie": 1}


def test_statistics_count_remarks_by_channel_category_and_stance(answered):
    table = stats(report_content(consultation=answered, variant="public"))

    assert table["Uwagi według formy wpływu"]["formularz na platformie"] == 2
    assert table["Uwagi według formy wpływu"]["poczta elektroniczna"] == 2
    assert table["Uwagi według kategorii zgłaszającego"]["organizacje pozarządowe"] == 2
    assert table["Uwagi według sposobu rozpatrzenia"] == {
        "uwzględniona": 2, "częściowo uwzględniona": 1, "nieuwzględniona": 1, "wyjaśnienie": 1,
        "pozostawiona bez rozpatrzenia": 1}


def test_statistics_by_chapter_keep_the_forecast_separate(answered):
    table = stats(report_content(consultation=answered, variant="public"))

    assert table["Uwagi według rozdziału projektu strategii"] == {"Uwagi ogólne do projektu strategii": 3,
                                                                  "Rozdział 1. Cele": 2}
    assert table["Uwagi do prognozy oddziaływania na środowisko"] == {"Prognoza oddziaływania na środowisko": 1}


def test_every_statistics_table_adds_up_to_the_number_of_remarks(answered):
    content = report_content(consultation=answered, variant="public")
    chapters = [t for t in content.statistics if t.title.startswith(("Uwagi według rozdziału", "Uwagi do prognozy"))]

    assert sum(t.total for t in chapters) == len(content.rows)
    assert all(t.total == len(content.rows) for t in content.statistics if t not in chapters)


def test_public_variant_shows_a_private_person_as_osoba_fizyczna_without_contacts(answered):
    rows = report_content(consultation=answered, variant="public").rows

    assert rows[0].submitter == "osoba fizyczna"
    assert not any(PRIVATE_NAME in row.submitter or PRIVATE_EMAIL in row.submitter for row in rows)


def test_public_variant_keeps_organisations_and_consented_names(answered):
    rows = report_content(consultation=answered, variant="public").rows

    assert rows[1].submitter == ORGANISATION and rows[3].submitter == CONSENTED_NAME
    assert rows[4].submitter == "zgłaszający anonimowy"


def test_public_variant_replaces_a_hidden_remark_by_the_reason(answered):
    row = report_content(consultation=answered, variant="public").rows[3]

    assert row.remark == f"[treść niepublikowana – powód: {HIDDEN_REASON}]"
    assert HIDDEN_CONTENT not in row.remark
    assert row.stance == "wyjaśnienie"  # a hidden remark still gets its stance in the report


def test_internal_variant_has_names_contacts_and_the_hidden_text_with_its_reason(answered):
    content = report_content(consultation=answered, variant="internal")

    assert content.internal_mark == INTERNAL_MARK
    assert content.rows[0].submitter == f"{PRIVATE_NAME}; kontakt: {PRIVATE_EMAIL}"
    assert content.rows[1].submitter == f"{ORGANISATION} (Ewa Prezes)"
    assert HIDDEN_CONTENT in content.rows[3].remark and HIDDEN_REASON in content.rows[3].remark


def test_user_text_is_kept_verbatim_for_the_renderers_to_escape(answered):
    row = report_content(consultation=answered, variant="public").rows[0]

    assert SCRIPT in row.remark and row.proposed_wording == FORMULA


def test_legal_basis_cites_the_act_the_procedure_resolution_and_the_forecast_articles(answered):
    basis = report_content(consultation=answered, variant="public").legal_basis

    assert basis[0].startswith("art. 6 ust. 3–6 ustawy z dnia 6 grudnia 2006 r.")
    assert "uchwała nr XII/123/2026" in basis[1] and "25 marca 2026 r." in basis[1]
    assert "art. 39–42" in basis[2] and "u.o.o.ś." in basis[2]


def test_without_the_forecast_the_uoos_is_not_cited(make_consultation, time_machine):
    consultation = make_consultation()

    basis = report_content(consultation=consultation, variant="public").legal_basis

    assert not any("u.o.o.ś." in line for line in basis)


def test_dates_meetings_with_attendance_and_addressees_with_dispatch_dates(answered):
    content = report_content(consultation=answered, variant="public")

    assert content.announced_on == "1 czerwca 2026 r."
    assert (content.period_from, content.period_to) == ("2 czerwca 2026 r.", "6 lipca 2026 r.")
    assert "liczba uczestników: 23" in content.meetings[0]
    assert content.addressees == ["Gmina Sąsiednia (sąsiednia gmina): wysłano 02.06.2026 (e-Doręczenia)"]


def test_a_consultation_without_remarks_has_an_empty_table_and_zero_counts(announced):
    content = report_content(consultation=announced, variant="public")

    assert content.rows == [] and content.remark_count == 0
    assert all(table.total == 0 for table in content.statistics)


def test_the_content_is_read_in_a_fixed_number_of_queries(answered, django_assert_num_queries):
    with django_assert_num_queries(7):
        report_content(consultation=answered, variant="internal")
    for _ in range(10):
        submission_create(actor=None, consultation=answered, now=DURING, channel="email", received_at=DURING,
                          submitter_kind=SubmitterKind.PERSON, submitter_name="X",
                          remarks=[{"content": "a"}, {"content": "b"}])
    with django_assert_num_queries(7):
        report_content(consultation=answered, variant="internal")


# --- channels and legal basis, re-read from the files (issue #4 point 9) ----------------------------------------

OFFICE_EMAIL = "konsultacje@testowo.example"
ADE_ADDRESS = "AE:PL-12345-67890-ABCDE-12"
FILE_TEXT = {"docx": support.docx_text, "pdf": support.pdf_text}


def squash(text: str) -> str:
    """The text without whitespace: the PDF wraps long lines wherever it likes."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def with_addresses(answered):
    """The office takes remarks by e-mail and e-Doręczenia too."""
    municipality = answered.process.municipality
    municipality.email, municipality.ade_address = OFFICE_EMAIL, ADE_ADDRESS
    municipality.save(update_fields=["email", "ade_address"])
    return answered


@pytest.mark.parametrize("variant", ["public", "internal"])
@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_the_file_lists_every_channel_for_remarks_with_its_address(with_addresses, format, variant):
    text = squash(FILE_TEXT[format](support.generate(with_addresses, variant, format)))

    assert squash("Formy i sposoby przekazywania uwag") in text
    for channel in ("formularz na platformie konsultacyjnej przy treści projektu",
                    f"poczta elektroniczna ({OFFICE_EMAIL})",
                    "poczta tradycyjna lub osobiście w kancelarii urzędu (Urząd Miasta i Gminy Testowo)",
                    f"e-Doręczenia ({ADE_ADDRESS})",
                    "platforma ePUAP",
                    "ustnie do protokołu"):
        assert squash(channel) in text, channel


def test_channels_the_office_does_not_offer_are_not_listed(make_consultation):
    # No e-mail or e-Doręczenia address, no meeting and no forecast: no oral remarks to the record either.
    channels = report_content(consultation=make_consultation(), variant="public").channels

    assert channels == ["formularz na platformie konsultacyjnej przy treści projektu",
                        "poczta tradycyjna lub osobiście w kancelarii urzędu (Urząd Miasta i Gminy Testowo)",
                        "platforma ePUAP"]


@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_the_file_states_the_legal_basis_with_the_procedure_resolution(answered, format):
    process = answered.process
    process.consultation_procedure = "Uwagi składa się na formularzu; spotkanie w każdym sołectwie."
    process.save(update_fields=["consultation_procedure"])

    text = squash(FILE_TEXT[format](support.generate(answered, "public", format)))

    assert squash("Podstawa prawna") in text
    assert squash("art. 6 ust. 3–6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju "
                  "(u.z.p.p.r.)") in text
    assert squash("uchwała nr XII/123/2026 Rady Miejskiej w Testowie z dnia 25 marca 2026 r. w sprawie określenia "
                  "szczegółowego trybu i harmonogramu opracowania strategii") in text
    assert squash("Tryb konsultacji określony w uchwale: Uwagi składa się na formularzu; spotkanie w każdym "
                  "sołectwie.") in text
    assert squash("art. 39–42 w związku z art. 54 ust. 2") in text and "(u.o.o.ś.)" in text
