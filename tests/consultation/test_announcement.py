"""The consultation announcement (art. 6 ust. 4 u.z.p.p.r.; with the forecast art. 39 ust. 1 u.o.o.ś.): every
required item in every form (BIP HTML, DOCX, notice-board PDF, press notice), numbers from core/statutory.py,
user text escaped, the poster a tagged PDF/UA in Polish."""

import dataclasses
import datetime as dt
import html
import io
import re
import subprocess

import docx
import pikepdf
import pytest
from django.utils.html import strip_tags

from strategia.consultation.announcement import (
    announcement_bip_html,
    announcement_content,
    announcement_docx,
    announcement_notice_pdf,
    press_notice_text,
)
from strategia.consultation.enums import DecisiveDate, MeetingKind
from strategia.consultation.services import meeting_create
from strategia.core import statutory
from strategia.core.statutory import Rule

pytestmark = pytest.mark.django_db

SITE = "https://strategia.example.pl"
WARSAW = dt.timezone(dt.timedelta(hours=2))  # summer time


def squash(text: str) -> str:
    """Whitespace removed: PDF lines break anywhere, even inside a URL."""
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


RENDER = {
    "bip": lambda content: html.unescape(strip_tags(announcement_bip_html(content))),
    "docx": lambda content: docx_text(announcement_docx(content)),
    "pdf": lambda content: pdf_text(announcement_notice_pdf(content)),
    "press": press_notice_text,
}
FORMS = list(RENDER)


def rendered(form, content) -> str:
    return squash(RENDER[form](content))


def contains(form, content, *needles) -> bool:
    text = rendered(form, content)
    return all(squash(needle) in text for needle in needles)


@pytest.fixture
def municipality(municipality):
    municipality.email = "strategia@testowo.example"
    municipality.ade_address = "AE:PL-12345-67890-ABCDE-12"
    municipality.save()
    return municipality


@pytest.fixture
def consultation(make_consultation, municipality):
    consultation = make_consultation()
    meeting_create(actor=None, consultation=consultation, starts_at=dt.datetime(2026, 6, 15, 17, tzinfo=WARSAW),
                   place="Sala konferencyjna, ul. Źródlana 5, Łęczyca")
    meeting_create(actor=None, consultation=consultation, kind=MeetingKind.PUBLIC_DISCUSSION,
                   starts_at=dt.datetime(2026, 6, 22, 18, tzinfo=WARSAW), place="Gminny Ośrodek Kultury")
    return consultation


@pytest.fixture
def content(consultation):
    return announcement_content(consultation=consultation, site_url=SITE)


@pytest.fixture
def reading_url(consultation):
    return SITE + consultation.document_version.get_absolute_url()


@pytest.mark.parametrize("form", FORMS)
def test_every_form_says_what_is_consulted_the_drafts_title_and_version(form, content):
    assert contains(form, content, "„Projekt strategii”", "wersja 1")


@pytest.mark.parametrize("form", FORMS)
def test_every_form_gives_the_address_of_the_public_reading_view(form, content, reading_url):
    assert contains(form, content, reading_url)


@pytest.mark.parametrize("form", FORMS)
def test_every_form_gives_the_last_day_for_remarks_inclusive(form, content):
    assert contains(form, content, "do dnia 6 lipca 2026 r. (włącznie)")


@pytest.mark.parametrize("form", FORMS)
def test_every_form_lists_every_channel_for_remarks(form, content, municipality):
    assert contains(form, content, "formularz na platformie", municipality.email, municipality.full_address,
                    "e-Doręczenia", municipality.ade_address, "ePUAP", "ustnie do protokołu")


@pytest.mark.parametrize("form", FORMS)
def test_every_form_lists_the_meetings_with_their_dates_and_places(form, content):
    assert contains(form, content, "15 czerwca 2026 r., godz. 17:00", "Sala konferencyjna, ul. Źródlana 5, Łęczyca",
                    "Dyskusja publiczna", "22 czerwca 2026 r., godz. 18:00", "Gminny Ośrodek Kultury")


@pytest.mark.parametrize("form", FORMS)
def test_every_form_names_who_considers_the_remarks(form, content, municipality):
    assert contains(form, content, f"Burmistrz {municipality.name_genitive}")


def test_the_e_doreczenia_channel_is_offered_only_when_the_municipality_has_an_address(consultation, municipality):
    municipality.ade_address = ""
    municipality.save()
    content = announcement_content(consultation=consultation, site_url=SITE)
    assert not any("e-Doręczenia" in channel for channel in content.channels)


@pytest.mark.parametrize("form", FORMS)
def test_the_forecast_and_the_art_39_items_appear_only_with_a_forecast(form, make_consultation):
    without = announcement_content(consultation=make_consultation(), site_url=SITE)
    assert "prognoz" not in rendered(form, without).lower()
    assert "art.39" not in rendered(form, without)


@pytest.mark.parametrize("form", ["bip", "docx", "pdf"])
def test_with_a_forecast_every_art_39_item_is_announced(form, make_consultation, municipality):
    consultation = make_consultation(forecast_title="Prognoza oddziaływania na środowisko projektu strategii")
    content = announcement_content(consultation=consultation, site_url=SITE)
    sea = statutory.period(Rule.SEA_PUBLIC_PARTICIPATION_MIN_DAYS, on=dt.date(2026, 6, 1))
    assert contains(form, content,
                    "art. 39 ust. 1 u.o.o.ś.",
                    "przystąpiono do opracowania projektu",  # pkt 1: start of the procedure and its subject
                    "z dokumentacją sprawy", municipality.full_address,  # pkt 2: where to read it
                    "możliwość składania uwag i wniosków",  # pkt 3
                    "ustnie do protokołu", "do dnia 6 lipca 2026 r. (włącznie)",  # pkt 4: manner, place, period
                    f"nie krótszym niż {sea.days} dni ({sea.citation})",
                    f"organem właściwym do rozpatrzenia uwag i wniosków jest Burmistrz "  # pkt 5
                    f"{municipality.name_genitive}")


def test_the_press_notice_with_a_forecast_names_the_forecast_and_the_competent_body(make_consultation):
    consultation = make_consultation(forecast_title="Prognoza OOŚ")
    text = press_notice_text(announcement_content(consultation=consultation, site_url=SITE))
    assert "„Prognoza OOŚ”" in text
    assert "Organem właściwym do rozpatrzenia uwag i wniosków dotyczących prognozy" in text


def patched(monkeypatch, rule, days, citation):
    rows = tuple(dataclasses.replace(row, days=days, citation=citation) if row.rule == rule else row
                 for row in statutory.PERIODS)
    monkeypatch.setattr(statutory, "PERIODS", rows)


def test_the_statutory_minimum_is_taken_from_statutory_py(monkeypatch, consultation):
    patched(monkeypatch, Rule.CONSULTATION_MIN_DAYS, 33, "art. 99 ust. 9 testowej ustawy")
    content = announcement_content(consultation=consultation, site_url=SITE)
    assert "nie jest krótszy niż 33 dni (art. 99 ust. 9 testowej ustawy)" in content.period_text


def test_the_forecast_minimum_is_taken_from_statutory_py(monkeypatch, make_consultation):
    patched(monkeypatch, Rule.SEA_PUBLIC_PARTICIPATION_MIN_DAYS, 19, "art. 88 testowej ustawy")
    content = announcement_content(consultation=make_consultation(forecast_title="Prognoza"), site_url=SITE)
    assert "co najmniej 19 dni (art. 88 testowej ustawy)" in content.period_text
    assert any("nie krótszym niż 19 dni (art. 88 testowej ustawy)" in item for item in content.forecast_items)


def test_the_period_states_its_own_length_counted_from_the_announcement(make_consultation):
    content = announcement_content(consultation=make_consultation(ends_on=dt.date(2026, 7, 10)), site_url=SITE)
    assert "wynosi 39 dni od dnia ogłoszenia (1 czerwca 2026 r.)" in content.period_text


@pytest.mark.parametrize("form", ["bip", "docx", "pdf"])
def test_anonymous_remarks_and_the_deciding_date_are_stated(form, make_consultation):
    refused = announcement_content(consultation=make_consultation(), site_url=SITE)
    assert contains(form, refused, "Uwagi anonimowe", "nie będą rozpatrywane", "data wpływu")
    allowed = announcement_content(consultation=make_consultation(
        anonymous_remarks_considered=True, decisive_date=DecisiveDate.POSTMARK), site_url=SITE)
    assert contains(form, allowed, "Uwagi anonimowe są rozpatrywane", "data stempla pocztowego")


def test_municipality_text_is_escaped_in_the_bip_html(consultation, municipality):
    municipality.office_name = 'Urząd <script>alert("x")</script> & Co'
    municipality.save()
    output = announcement_bip_html(announcement_content(consultation=consultation, site_url=SITE))
    assert "<script>" not in output
    assert "Urząd &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in output


def test_the_bip_html_has_headings_and_lists(content):
    output = announcement_bip_html(content)
    assert output.count("<h2>") == 1
    assert "<h3>Sposób przekazywania uwag</h3>" in output
    assert "<h3>Spotkania konsultacyjne</h3>" in output
    assert re.search(r"<ul><li>[^<]*formularz na platformie", output)


def test_the_docx_has_real_headings(content):
    document = docx.Document(io.BytesIO(announcement_docx(content)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Konsultacje projektu strategii")
    assert ("Heading 2", "Termin przekazywania uwag") in headings
    assert ("Heading 2", "Spotkania konsultacyjne") in headings


def test_the_notice_pdf_is_a_tagged_a4_pdf_in_polish_with_a_title(content):
    pdf = pikepdf.open(io.BytesIO(announcement_notice_pdf(content)))
    assert "/StructTreeRoot" in pdf.Root
    assert bool(pdf.Root.MarkInfo.Marked)
    assert str(pdf.Root.Lang) == "pl"
    assert str(pdf.docinfo.Title) == "Konsultacje projektu strategii"
    width, height = (float(v) for v in pdf.pages[0].MediaBox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_the_notice_pdf_embeds_dejavu_sans(content):
    pdf = pikepdf.open(io.BytesIO(announcement_notice_pdf(content)))
    fonts = {str(font.BaseFont) for page in pdf.pages for font in page.Resources.Font.values()}
    assert any("DejaVu-Sans" in name for name in fonts)


@pytest.mark.parametrize("form", FORMS)
def test_polish_characters_survive_in_every_form(form, make_consultation, municipality):
    municipality.office_name = "Urząd Gminy Zażółć Gęślą Jaźń"
    municipality.save()
    content = announcement_content(consultation=make_consultation(), site_url=SITE)
    assert contains(form, content, "Urząd Gminy Zażółć Gęślą Jaźń")


def test_without_meetings_the_announcement_says_none_are_planned(make_consultation):
    content = announcement_content(consultation=make_consultation(), site_url=SITE)
    assert "Spotkania konsultacyjne nie są planowane." in html.unescape(announcement_bip_html(content))


def test_the_docx_is_in_polish_for_screen_readers_and_spell_checkers(content):
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(announcement_docx(content)))
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(
        qn("w:lang"))
    assert lang.get(qn("w:val")) == "pl-PL"
    assert document.core_properties.language == "pl-PL"


def test_remarks_orally_to_the_record_are_offered_at_the_meetings_and_the_public_discussion(content):
    assert "ustnie do protokołu podczas spotkań konsultacyjnych i dyskusji publicznej" in content.channels


def test_without_meetings_no_oral_channel_is_offered_for_the_strategy_alone(make_consultation):
    content = announcement_content(consultation=make_consultation(), site_url=SITE)
    assert not any("ustnie" in channel for channel in content.channels)


def test_with_a_forecast_and_no_meetings_remarks_may_be_made_orally_at_the_office(make_consultation, municipality):
    content = announcement_content(consultation=make_consultation(forecast_title="Prognoza"), site_url=SITE)
    assert f"ustnie do protokołu w siedzibie: {municipality.office_name}, {municipality.full_address}" in \
        content.channels
