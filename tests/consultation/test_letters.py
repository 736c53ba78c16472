"""Letters to the addressees of art. 6 ust. 3 u.z.p.p.r. (DOCX, Polish, formal), re-read with python-docx: the
office's letterhead, the addressee, the article, what is consulted and where to read it, how and until when to send
remarks, the meetings and the signature; one file with every letter; user text that XML refuses does not break it."""

import datetime as dt
import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.consultation.addressee_services import addressee_create
from strategia.consultation.announcement import polish_date
from strategia.consultation.enums import AddresseeKind
from strategia.consultation.letters import letter_common, letter_content, letter_docx, letters_docx
from strategia.consultation.services import comment_period, meeting_create

pytestmark = pytest.mark.django_db

SITE = "https://strategia.example.pl"
WARSAW = dt.timezone(dt.timedelta(hours=2))  # summer time
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def municipality(municipality):
    municipality.case_reference_prefix = "RSO.0057"
    municipality.email = "strategia@testowo.example"
    municipality.save()
    return municipality


@pytest.fixture
def consultation(make_consultation, municipality):
    consultation = make_consultation()
    meeting_create(actor=None, consultation=consultation, starts_at=dt.datetime(2026, 6, 15, 17, tzinfo=WARSAW),
                   place="Sala konferencyjna, ul. Źródlana 5")
    return consultation


@pytest.fixture
def addressee(consultation):
    return addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.WATER_AUTHORITY,
                            name="Dyrektor Regionalnego Zarządu Gospodarki Wodnej w Warszawie",
                            address="ul. Zarzecze 13B\n03-194 Warszawa")


def paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def text(data: bytes) -> str:
    return "\n".join(paragraphs(data))


def one_letter(consultation, addressee, **kwargs) -> str:
    """The text of the letter to one addressee."""
    common = letter_common(consultation=consultation, site_url=SITE, **kwargs)
    return text(letter_docx(letter_content(common, addressee)))


def test_the_letter_names_the_addressee_and_its_address(consultation, addressee):
    letter = one_letter(consultation, addressee)
    assert "Dyrektor Regionalnego Zarządu Gospodarki Wodnej w Warszawie" in letter
    assert "ul. Zarzecze 13B\n03-194 Warszawa" in letter


def test_the_letter_cites_art_6_ust_3_and_the_addressees_place_in_it(consultation, addressee):
    letter = one_letter(consultation, addressee)
    assert "Na podstawie art. 6 ust. 3 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju " \
        "przedstawiam Państwu do konsultacji" in letter
    assert "dyrektorem regionalnego zarządu gospodarki wodnej Państwowego Gospodarstwa Wodnego Wody Polskie" in letter


def test_the_letter_has_the_offices_letterhead_place_date_case_reference_and_subject(consultation, addressee):
    municipality = consultation.process.municipality
    lines = paragraphs(letter_docx(letter_content(
        letter_common(consultation=consultation, site_url=SITE, on=dt.date(2026, 5, 28)), addressee)))
    assert lines[0] == municipality.office_name and lines[1] == municipality.full_address
    assert "Testowo, dnia 28 maja 2026 r." in lines
    assert "Znak sprawy: RSO.0057.…………….2026" in lines
    assert "Konsultacje projektu Strategii rozwoju gminy Testowo do 2035 roku" in lines
    assert "Szanowni Państwo," in lines


def test_the_letter_says_what_is_consulted_and_where_to_read_it(consultation, addressee):
    letter = one_letter(consultation, addressee)
    version = consultation.document_version
    assert f"„{version.document.title}” (wersja {version.number}" in letter
    assert SITE + version.get_absolute_url() in letter


def test_the_letter_gives_the_last_day_and_the_channels(consultation, addressee):
    letter = one_letter(consultation, addressee)
    assert f"do dnia {polish_date(comment_period(consultation).last_day)} (włącznie)" in letter
    assert "pocztą elektroniczną na adres: strategia@testowo.example" in letter
    assert "Nieprzekazanie opinii w terminie oznacza rezygnację z jej przedstawienia" in letter


def test_the_letter_lists_the_meetings(consultation, addressee):
    letter = one_letter(consultation, addressee)
    assert "Spotkanie konsultacyjne: 15 czerwca 2026 r., godz. 17:00, Sala konferencyjna, ul. Źródlana 5" in letter


def test_a_letter_without_meetings_says_none_are_planned(make_consultation, municipality):
    consultation = make_consultation()
    addressee = addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.PARTNER, name="LGD")
    assert "Spotkania konsultacyjne nie są planowane." in one_letter(consultation, addressee)


def test_the_letter_mentions_the_forecast_when_it_is_consulted(make_consultation, municipality):
    consultation = make_consultation(forecast_title="Prognoza oddziaływania na środowisko projektu strategii")
    addressee = addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.PARTNER, name="LGD")
    letter = one_letter(consultation, addressee)
    assert "wraz z prognozą oddziaływania na środowisko „Prognoza oddziaływania na środowisko projektu strategii”" \
        in letter
    assert "art. 41 u.o.o.ś." in letter


def test_the_letter_is_signed_by_the_executive(consultation, addressee):
    municipality = consultation.process.municipality
    lines = paragraphs(letter_docx(letter_content(letter_common(consultation=consultation, site_url=SITE),
                                                  addressee)))
    assert lines[-3:] == ["…………………………………………", "Jan Testowy", f"Burmistrz {municipality.name_genitive}"]
    assert "Z poważaniem" in lines


def test_the_letter_is_in_polish(consultation, addressee):
    document = docx.Document(io.BytesIO(letter_docx(letter_content(
        letter_common(consultation=consultation, site_url=SITE), addressee))))
    assert document.core_properties.language == "pl-PL"


def test_control_characters_in_user_text_do_not_break_the_letter(consultation):
    addressee = addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.PARTNER,
                                 name="Stowarzyszenie\x01 \x07Razem\x0b<b>dla</b> & Gminy", address="ul. \x1fPolna 1")
    letter = one_letter(consultation, addressee)
    assert "Stowarzyszenie Razem <b>dla</b> & Gminy" in letter and "ul. Polna 1" in letter


def test_the_bundle_has_every_addressee_each_on_a_new_page(consultation, addressee):
    names = [addressee.name]
    for name in ("Gmina Piaseczno", "Miasto Józefów", "Mieszkańcy gminy"):
        names.append(addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.NEIGHBOURING_GMINA,
                                      name=name).name)
    common = letter_common(consultation=consultation, site_url=SITE)
    data = letters_docx([letter_content(common, a) for a in consultation.addressees.all()], title="Pisma")
    lines = paragraphs(data)
    assert all(name in lines for name in names)
    assert lines.count("Szanowni Państwo,") == 4
    body = docx.Document(io.BytesIO(data)).element.body.xml
    assert body.count('w:type="page"') == 3


# --- downloads ------------------------------------------------------------------------------------------------

def url(name, consultation, **extra):
    kwargs = {"municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
              "consultation_id": consultation.pk}
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={**kwargs, **extra})


def test_the_letter_to_one_addressee_is_downloaded_as_docx(client, coordinator, consultation, addressee, settings):
    settings.SITE_URL = SITE
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"  # the letter stays Polish whatever the interface language
    response = client.get(url("letter_docx", consultation, addressee_id=addressee.pk))
    assert response.status_code == 200 and response["Content-Type"] == DOCX_TYPE
    assert 'filename="pismo-dyrektor-regionalnego-zarzadu' in response["Content-Disposition"]
    letter = text(response.content)
    assert addressee.name in letter and "Szanowni Państwo," in letter
    assert SITE + consultation.document_version.get_absolute_url() in letter


def test_all_letters_are_downloaded_as_one_docx(client, coordinator, consultation, addressee):
    other = addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.PARTNER, name="LGD")
    client.force_login(coordinator)
    response = client.get(url("letters_docx", consultation))
    assert response.status_code == 200 and response["Content-Type"] == DOCX_TYPE
    assert {addressee.name, other.name} <= set(paragraphs(response.content))


def test_with_no_addressees_the_bundle_sends_back_to_the_list(client, coordinator, consultation):
    client.force_login(coordinator)
    response = client.get(url("letters_docx", consultation))
    assert response.status_code == 302 and response["Location"] == url("addressees", consultation)


def _queries(client, link) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(link).status_code == 200
    return len(queries)


def test_the_bundle_is_built_in_a_fixed_number_of_queries(client, coordinator, consultation, addressee):
    client.force_login(coordinator)
    one = _queries(client, url("letters_docx", consultation))
    for index in range(10):
        addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.PARTNER, name=f"Partner {index}")
    assert _queries(client, url("letters_docx", consultation)) == one
