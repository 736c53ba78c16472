"""The council's resolution on the procedure and schedule (art. 10f ust. 1 u.s.g.) as an editable DOCX.

Every test re-opens the generated file with python-docx and reads the part it is about."""

import dataclasses
import datetime as dt
import io
import zipfile

import docx
import pytest
from django.utils.translation import override

from strategia.core import statutory
from strategia.core.statutory import Rule, period
from strategia.processes.blueprints import seed_schedule
from strategia.processes.models import Activity
from strategia.processes.resolution_docx import resolution_content, resolution_docx, resolution_docx_filename
from strategia.processes.services import process_create_from_blueprint, process_update
from tests.factories import MunicipalityFactory

# --- reading the file back ---------------------------------------------------------------------------------


def open_docx(process) -> docx.document.Document:
    return docx.Document(io.BytesIO(resolution_docx(process=process)))


def paragraphs(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def section_text(document, sign: str) -> list[str]:
    """The paragraphs under the "§ n." heading, up to the next heading."""
    out, inside = [], False
    for style, text in paragraphs(document):
        if style.startswith("Heading"):
            if inside:
                break
            inside = text == sign
            continue
        if inside:
            out.append(text)
    assert out, f"no {sign} in the document"
    return out


def consultation_activity(process) -> Activity:
    return Activity.objects.get(stage__process=process, activity_type="consultation")


def consultation_period(process, rule=Rule.CONSULTATION_MIN_DAYS):
    return period(rule, on=consultation_activity(process).planned_start)


def make_process(municipality, slug="strategia"):
    return process_create_from_blueprint(
        actor=None, municipality=municipality, title="Strategia rozwoju gminy do 2035 roku", slug=slug,
        start_year=dt.date.today().year, start_quarter=1, horizon_year=2035,
    )


# --- heading, title, legal basis ---------------------------------------------------------------------------


def test_heading_leaves_number_and_date_blank_and_names_the_council_in_capitals(process):
    document = open_docx(process)

    style, text = paragraphs(document)[0]

    assert style == "Heading 1"
    assert text.split("\n") == ["UCHWAŁA NR ……………", "RADY MIEJSKIEJ W TESTOWIE", "z dnia ……………"]


def test_heading_uppercases_polish_letters_of_the_council_name(process):
    municipality = process.municipality
    municipality.council_name_genitive = "Rady Miejskiej w Żyrardowie"
    municipality.save()

    text = paragraphs(open_docx(process))[0][1]

    assert "RADY MIEJSKIEJ W ŻYRARDOWIE" in text


def test_title_names_the_strategy_of_the_gmina_and_the_consultation_procedure(process):
    style, text = paragraphs(open_docx(process))[1]

    assert style == "Title"
    assert text == (
        "w sprawie określenia szczegółowego trybu i harmonogramu opracowania projektu strategii rozwoju "
        f"{process.municipality.name_genitive}, w tym trybu konsultacji"
    )


def test_legal_basis_sentence_cites_every_line_of_the_process_legal_basis(process):
    process_update(actor=None, process=process, legal_basis=(
        "art. 18 ust. 2 pkt 6a ustawy o samorządzie gminnym (Dz.U. z 2025 r. poz. 1153)\n"
        "art. 10f ust. 1 tej ustawy\n"
        "art. 6 ust. 3 ustawy o zasadach prowadzenia polityki rozwoju (Dz.U. z 2025 r. poz. 198)\n"
    ))

    texts = [text for _, text in paragraphs(open_docx(process))]

    assert (
        "Na podstawie art. 18 ust. 2 pkt 6a ustawy o samorządzie gminnym (Dz.U. z 2025 r. poz. 1153), "
        "art. 10f ust. 1 tej ustawy oraz art. 6 ust. 3 ustawy o zasadach prowadzenia polityki rozwoju "
        "(Dz.U. z 2025 r. poz. 198) – uchwala się, co następuje:"
    ) in texts


def test_editing_the_legal_basis_changes_the_resolution(process):
    before = resolution_content(process=process).legal_basis_sentence
    process_update(actor=None, process=process, legal_basis="art. 10f ust. 1 u.s.g. (Dz.U. z 2027 r. poz. 1)")

    after = [text for _, text in paragraphs(open_docx(process))][2]

    assert after != before
    assert after == ("Na podstawie art. 10f ust. 1 u.s.g. (Dz.U. z 2027 r. poz. 1) – "
                     "uchwala się, co następuje:")


def test_empty_legal_basis_leaves_a_blank_to_fill_in(process):
    process_update(actor=None, process=process, legal_basis="")

    assert paragraphs(open_docx(process))[2][1] == "Na podstawie …………… – uchwala się, co następuje:"


# --- the paragraphs --------------------------------------------------------------------------------------


def test_paragraphs_are_headings_in_order(process):
    headings = [text for style, text in paragraphs(open_docx(process)) if style == "Heading 2"]

    assert headings == ["§ 1.", "§ 2.", "§ 3.", "§ 4."]


def test_par_1_sets_the_procedure_and_schedule_and_puts_the_schedule_in_attachment_1(process):
    gmina = process.municipality.name_genitive

    text = section_text(open_docx(process), "§ 1.")

    assert text[0] == ("1. Określa się szczegółowy tryb i harmonogram opracowania projektu strategii "
                       f"rozwoju {gmina}, w tym tryb konsultacji.")
    assert text[2] == (f"3. Harmonogram opracowania projektu strategii rozwoju {gmina} stanowi "
                       "załącznik nr 1 do niniejszej uchwały.")


def test_par_2_lists_the_consultees_of_art_6_ust_3(process):
    text = section_text(open_docx(process), "§ 2.")

    assert "art. 6 ust. 3 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju" in text[0]
    assert text[1:5] == [
        "1) sąsiednimi gminami i ich związkami;",
        "2) lokalnymi partnerami społecznymi i gospodarczymi;",
        f"3) mieszkańcami {process.municipality.name_genitive};",
        "4) właściwym dyrektorem regionalnego zarządu gospodarki wodnej Państwowego Gospodarstwa Wodnego "
        "Wody Polskie.",
    ]


def test_par_2_announces_the_consultation_on_the_gmina_website(process):
    municipality = process.municipality
    municipality.website_url = "https://www.testowo.example"
    municipality.save()

    text = " ".join(section_text(open_docx(process), "§ 2."))

    assert "ogłasza na stronie internetowej Gminy (https://www.testowo.example)" in text
    assert "(art. 6 ust. 4 u.z.p.p.r.)" in text


def test_par_2_states_the_forms_of_consultation_from_the_process(process):
    process_update(actor=None, process=process, consultation_procedure=(
        "uwagi na formularzu elektronicznym\nspotkanie konsultacyjne w sołectwach"))

    text = section_text(open_docx(process), "§ 2.")

    start = text.index("3. Konsultacje przeprowadza się w następujących formach:")
    assert text[start + 1:start + 3] == ["1) uwagi na formularzu elektronicznym;",
                                         "2) spotkanie konsultacyjne w sołectwach."]


def test_par_2_minimum_period_and_citation_come_from_the_statutory_table(process):
    minimum = consultation_period(process)

    text = " ".join(section_text(open_docx(process), "§ 2."))

    assert f"nie krótszym niż {minimum.days} dni od dnia ogłoszenia" in text
    assert f"({minimum.citation})" in text
    assert minimum.days == 35  # the law as of 2026; if this fails, statutory.py changed on purpose


def test_par_2_minimum_period_is_not_a_literal(process, monkeypatch):
    changed = tuple(
        dataclasses.replace(p, days=42, citation="art. 6 ust. 5 u.z.p.p.r. (brzmienie testowe)")
        if p.rule == Rule.CONSULTATION_MIN_DAYS else p
        for p in statutory.PERIODS
    )
    monkeypatch.setattr(statutory, "PERIODS", changed)

    text = " ".join(section_text(open_docx(process), "§ 2."))

    assert "nie krótszym niż 42 dni od dnia ogłoszenia" in text
    assert "(art. 6 ust. 5 u.z.p.p.r. (brzmienie testowe))" in text
    assert "35 dni" not in text


def test_par_2_applies_the_period_in_force_when_the_consultation_is_planned_to_start(process, monkeypatch):
    start = consultation_activity(process).planned_start
    base = period(Rule.CONSULTATION_MIN_DAYS, on=start)
    monkeypatch.setattr(statutory, "PERIODS", (
        *statutory.PERIODS,
        dataclasses.replace(base, days=40, effective_from=start),
        dataclasses.replace(base, days=50, effective_from=start + dt.timedelta(days=1)),
    ))

    text = " ".join(section_text(open_docx(process), "§ 2."))

    assert "nie krótszym niż 40 dni" in text


def test_par_2_the_executive_considers_remarks_and_reports_within_the_statutory_period(process):
    report = consultation_period(process, Rule.CONSULTATION_REPORT_DAYS)
    executive = f"Burmistrz {process.municipality.name_genitive}"

    text = section_text(open_docx(process), "§ 2.")

    assert f"5. Zgłoszone uwagi rozpatruje {executive}." in text
    assert any(line.startswith(f"6. W terminie {report.days} dni od upływu terminu przekazywania uwag "
                               f"{executive} przygotowuje sprawozdanie z przebiegu i wyników konsultacji")
               and line.endswith(f"({report.citation}).") for line in text)


def test_par_3_entrusts_the_executive_in_the_dative(process):
    assert section_text(open_docx(process), "§ 3.") == [
        f"Wykonanie uchwały powierza się Burmistrzowi {process.municipality.name_genitive}."
    ]


def test_par_4_enters_into_force_on_adoption(process):
    text = section_text(open_docx(process), "§ 4.")

    assert text[0] == "Uchwała wchodzi w życie z dniem podjęcia."


# --- the attachment: the schedule ------------------------------------------------------------------------


def test_attachment_starts_on_a_new_page_and_refers_to_the_resolution(process):
    document = open_docx(process)

    reference = next(p for p in document.paragraphs if p.text.startswith("Załącznik nr 1"))

    assert reference.paragraph_format.page_break_before is True
    assert reference.text == "Załącznik nr 1 do uchwały nr …………… Rady Miejskiej w Testowie z dnia ……………"


def test_attachment_table_has_a_header_row_repeated_on_every_page(process):
    table = open_docx(process).tables[0]

    header = table.rows[0]

    assert [cell.text for cell in header.cells] == ["Etap", "Lp.", "Działanie", "Planowany termin realizacji"]
    assert header._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)


def test_attachment_table_lists_the_fifteen_activities_with_the_seed_wording(process):
    seed_wordings = [a.title for stage in seed_schedule().stages for a in stage.activities]

    rows = open_docx(process).tables[0].rows[1:]

    assert len(rows) == 15
    assert [row.cells[2].text for row in rows] == seed_wordings
    assert [(row.cells[0].text, row.cells[1].text) for row in rows[:4]] == [
        ("Etap 1", "1.1"), ("Etap 1", "1.2"), ("Etap 1", "1.3"), ("Etap 1", "2")]
    assert (rows[11].cells[0].text, rows[11].cells[1].text) == ("Etap 2", "3")


def test_attachment_table_gives_each_activity_its_planned_period(process):
    year = dt.date.today().year
    with override("pl"):
        expected = [a.planned_label for a in Activity.objects.filter(stage__process=process)
                    .order_by("stage__number", "position")]

    rows = open_docx(process).tables[0].rows[1:]

    assert [row.cells[3].text for row in rows] == expected
    assert rows[0].cells[3].text == f"1 kwartał {year}"
    assert rows[11].cells[3].text == f"3 kwartał {year}"


def test_attachment_follows_the_planned_dates_of_the_process(process):
    year = dt.date.today().year
    Activity.objects.filter(stage__process=process, activity_type="training").update(
        planned_start=dt.date(year, 1, 1), planned_end=dt.date(year, 6, 30))

    row = open_docx(process).tables[0].rows[4]

    assert row.cells[3].text == f"1–2 kwartał {year}"


def test_attachment_describes_each_stage_before_the_table(process):
    texts = [text for _, text in paragraphs(open_docx(process))]

    assert any(t.startswith("Etap 1 (") and "Diagnoza stanu istniejącego" in t for t in texts)
    assert any(t.startswith("Etap 2 (") and "Opracowanie i uchwalenie projektu strategii" in t for t in texts)


# --- the justification ---------------------------------------------------------------------------------


def test_justification_is_a_heading_on_a_new_page(process):
    document = open_docx(process)

    heading = next(p for p in document.paragraphs if p.text == "Uzasadnienie")

    assert heading.style.name == "Heading 1"
    assert heading.paragraph_format.page_break_before is True


def test_justification_explains_the_strategy_the_procedure_participation_and_two_stages(process):
    document = open_docx(process)
    texts = [p.text for p in document.paragraphs]

    justification = " ".join(texts[texts.index("Uzasadnienie") + 1:])

    assert "art. 10e ustawy z dnia 8 marca 1990 r. o samorządzie gminnym" in justification
    assert "art. 10f ust. 1" in justification
    assert "obejmuje dwa etapy" in justification
    assert "udział mieszkańców" in justification
    assert process.title in justification


# --- other kinds of gmina ------------------------------------------------------------------------------


def test_rural_gmina_has_the_wojt_and_the_rada_gminy(db):
    municipality = MunicipalityFactory(kind="wiejska", executive_title="wojt", name="Gmina Dobra",
                                       name_genitive="Gminy Dobra", council_name="Rada Gminy Dobra",
                                       council_name_genitive="Rady Gminy Dobra")
    process = make_process(municipality)

    document = open_docx(process)

    assert paragraphs(document)[0][1].split("\n")[1] == "RADY GMINY DOBRA"
    assert section_text(document, "§ 3.") == ["Wykonanie uchwały powierza się Wójtowi Gminy Dobra."]
    assert "5. Zgłoszone uwagi rozpatruje Wójt Gminy Dobra." in section_text(document, "§ 2.")


def test_city_president_does_not_repeat_the_word_miasta(db):
    municipality = MunicipalityFactory(kind="miejska", executive_title="prezydent", name="Miasto Płock",
                                       name_genitive="Miasta Płocka", council_name="Rada Miasta Płocka",
                                       council_name_genitive="Rady Miasta Płocka")
    process = make_process(municipality)

    assert section_text(open_docx(process), "§ 3.") == [
        "Wykonanie uchwały powierza się Prezydentowi Miasta Płocka."]


# --- user text ----------------------------------------------------------------------------------------


def test_user_text_with_markup_characters_is_kept_literally(process):
    process_update(actor=None, process=process, consultation_procedure="uwagi <b>pisemne</b> & ustne")
    Activity.objects.filter(stage__process=process, activity_type="training").update(
        title="szkolenie <script>alert(1)</script> & warsztat")
    data = resolution_docx(process=process)

    document = docx.Document(io.BytesIO(data))

    assert ("3. Konsultacje przeprowadza się w następujących formach: uwagi <b>pisemne</b> & ustne."
            in section_text(document, "§ 2."))
    assert document.tables[0].rows[4].cells[2].text == "szkolenie <script>alert(1)</script> & warsztat"
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "&lt;b&gt;pisemne&lt;/b&gt; &amp; ustne" in xml


def test_control_characters_in_user_text_are_stripped(process):
    process_update(actor=None, process=process, title="Strategia\x0bdo 2035\x01 roku",
                   consultation_procedure="uwagi\x0bpisemne\x1f i ustne")
    Activity.objects.filter(stage__process=process, activity_type="training").update(
        title="szkolenie\x0bdla\x08 interesariuszy\x0c")

    document = open_docx(process)

    assert "3. Konsultacje przeprowadza się w następujących formach: uwagi pisemne i ustne." in section_text(
        document, "§ 2.")
    assert document.tables[0].rows[4].cells[2].text == "szkolenie dla interesariuszy"
    assert any("„Strategia do 2035 roku”" in p.text for p in document.paragraphs)


# --- the file itself ---------------------------------------------------------------------------------


def test_document_properties_give_the_title_and_polish_language(process):
    properties = open_docx(process).core_properties

    assert properties.language == "pl-PL"
    assert properties.title.startswith("Uchwała Rady Miejskiej w Testowie w sprawie określenia szczegółowego")


def test_text_is_marked_as_polish_for_the_spelling_checker(process):
    document = open_docx(process)

    defaults = document.styles.element.find(docx.oxml.ns.qn("w:docDefaults"))
    lang = defaults.find(".//" + docx.oxml.ns.qn("w:lang"))

    assert lang.get(docx.oxml.ns.qn("w:val")) == "pl-PL"


def test_page_is_a4(process):
    section = open_docx(process).sections[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_file_name_names_the_process(process):
    assert resolution_docx_filename(process=process) == "uchwala-tryb-i-harmonogram-strategia-2035.docx"


@pytest.mark.parametrize("extra_activities", [0, 5])
def test_content_reads_the_schedule_in_a_fixed_number_of_queries(process, django_assert_num_queries,
                                                                 extra_activities):
    stage = process.stages.get(number=2)
    for n in range(extra_activities):
        Activity.objects.create(stage=stage, number=f"9{n}", position=100 + n, title=f"działanie {n}",
                                short_title=f"działanie {n}", planned_start=stage.planned_start,
                                planned_end=stage.planned_end)

    with django_assert_num_queries(2):
        content = resolution_content(process=process)

    assert len(content.schedule_rows) == 15 + extra_activities
