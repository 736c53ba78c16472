"""Word import: a DOCX becomes chapters and paragraphs, previewed with what could not be mapped, then applied as
a new working version whose paragraphs keep their uids when they come from the same source."""

import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import Inches
from PIL import Image

from strategia.core.models import AuditEntry
from strategia.documents.docx_import import DocxImportError, ParsedDocument, parse_docx
from strategia.documents.enums import BlockKind, BlockSource, ImportStatus, VersionStage
from strategia.documents.import_services import (
    docx_import_apply,
    docx_import_discard,
    docx_import_preview,
)
from strategia.documents.markdown import render
from strategia.documents.models import Chapter, DocxImport, Paragraph
from strategia.documents.services import version_freeze

pytestmark = pytest.mark.django_db

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


# --- building test files ------------------------------------------------------------------------------------

def make_docx(build) -> bytes:
    """A DOCX written by python-docx; ``build(document)`` adds the content."""
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def png(color=(200, 30, 30)) -> io.BytesIO:
    stream = io.BytesIO()
    Image.new("RGB", (16, 12), color).save(stream, "PNG")
    stream.seek(0)
    return stream


def add_picture(document, *, alt: str | None = None, color=(200, 30, 30)) -> None:
    shape = document.add_paragraph().add_run().add_picture(png(color), width=Inches(1))
    doc_pr = shape._inline.docPr
    doc_pr.attrib.pop("descr", None)
    if alt is not None:
        doc_pr.set("descr", alt)


def add_text_box(paragraph, text: str) -> None:
    """A text box the way Word writes it: DrawingML with a VML fallback."""
    box = (f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>')
    paragraph._p.append(parse_xml(
        f'<w:r {NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        f'<wp:docPr id="9" name="Pole tekstowe 1"/><a:graphic><a:graphicData '
        f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>{box}'
        f'</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:rect><v:textbox>{box}</v:textbox></v:rect></w:pict></mc:Fallback>'
        f'</mc:AlternateContent></w:r>'))


def add_footnote_reference(paragraph) -> None:
    paragraph._p.append(parse_xml(f'<w:r {NAMESPACES}><w:footnoteReference w:id="1"/></w:r>'))


def upload(data: bytes, name: str = "projekt.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/vnd.openxmlformats-officedocument."
                                                      "wordprocessingml.document")


def parse(build) -> ParsedDocument:
    return parse_docx(make_docx(build))


def only_paragraph(parsed: ParsedDocument):
    [chapter] = parsed.chapters
    [paragraph] = chapter.paragraphs
    return paragraph


def codes(parsed: ParsedDocument) -> list[str]:
    return [item.code for item in parsed.report]


# --- chapters ---------------------------------------------------------------------------------------------------

def test_heading_styles_become_chapters_with_their_levels():
    def build(d):
        d.add_heading("Diagnoza", level=1)
        d.add_heading("Demografia", level=2)
        d.add_heading("Ludność wiejska", level=3)
        d.add_heading("Cele", level=1)

    parsed = parse(build)
    assert [(c.title, c.level) for c in parsed.chapters] == [
        ("Diagnoza", 1), ("Demografia", 2), ("Ludność wiejska", 3), ("Cele", 1)]


def test_polish_heading_style_names_and_styles_based_on_headings_make_chapters():
    def build(d):
        polish = d.styles.add_style("Nagłówek 1", WD_STYLE_TYPE.PARAGRAPH)
        custom = d.styles.add_style("Podrozdział gminy", WD_STYLE_TYPE.PARAGRAPH)
        custom.base_style = d.styles["Heading 2"]
        d.add_paragraph("Diagnoza", style=polish)
        d.add_paragraph("Rynek pracy", style=custom)

    parsed = parse(build)
    assert [(c.title, c.level) for c in parsed.chapters] == [("Diagnoza", 1), ("Rynek pracy", 2)]


def test_the_title_style_gives_the_document_title_not_a_chapter():
    def build(d):
        d.add_paragraph("Strategia rozwoju gminy Testowo do 2035 roku", style="Title")
        d.add_heading("Diagnoza", level=1)

    parsed = parse(build)
    assert parsed.title == "Strategia rozwoju gminy Testowo do 2035 roku"
    assert [c.title for c in parsed.chapters] == ["Diagnoza"]


def test_text_before_the_first_heading_goes_into_an_introduction_chapter_and_is_reported():
    def build(d):
        d.add_paragraph("Szanowni Państwo, oto projekt.")
        d.add_heading("Diagnoza", level=1)

    parsed = parse(build)
    assert [c.title for c in parsed.chapters] == ["Wprowadzenie", "Diagnoza"]
    assert parsed.chapters[0].is_intro
    assert parsed.chapters[0].paragraphs[0].text == "Szanowni Państwo, oto projekt."
    assert "intro_chapter" in codes(parsed)


def test_a_heading_4_becomes_a_bold_paragraph_and_is_reported():
    def build(d):
        d.add_heading("Cele", level=1)
        d.add_heading("Cel szczegółowy", level=4)

    parsed = parse(build)
    assert only_paragraph(parsed).text == "**Cel szczegółowy**"
    item = next(i for i in parsed.report if i.code == "heading_too_deep")
    assert item.location.chapter == "Cele"
    assert item.location.excerpt == "Cel szczegółowy"


def test_a_skipped_heading_level_is_nested_one_level_down_and_reported():
    def build(d):
        d.add_heading("Cele", level=1)
        d.add_heading("Cel 1.1.1", level=3)

    parsed = parse(build)
    assert [c.level for c in parsed.chapters] == [1, 2]
    assert "heading_level_skipped" in codes(parsed)


# --- paragraphs ------------------------------------------------------------------------------------------------

def test_bold_and_italic_runs_become_markdown():
    def build(d):
        d.add_heading("Wizja", level=1)
        p = d.add_paragraph("Gmina ")
        p.add_run("zielona").bold = True
        p.add_run(" i ")
        p.add_run("otwarta").italic = True
        both = p.add_run(" dla wszystkich")
        both.bold = both.italic = True
        p.add_run(".")

    paragraph = only_paragraph(parse(build))
    assert paragraph.text == "Gmina **zielona** i *otwarta* ***dla wszystkich***."
    assert render(paragraph.text) == ("<p>Gmina <strong>zielona</strong> i <em>otwarta</em> "
                                      "<strong><em>dla wszystkich</em></strong>.</p>")


def test_markdown_characters_in_the_authors_text_are_escaped_so_they_never_become_markup():
    typed = ["# Nie nagłówek", "- nie lista", "2035. rok, a_b_c i *gwiazdki*", "[link](https://x.example) | `kod`"]

    def build(d):
        d.add_heading("Uwagi", level=1)
        for text in typed:
            d.add_paragraph(text)

    paragraphs = parse(build).chapters[0].paragraphs
    assert [render(p.text) for p in paragraphs] == [f"<p>{text}</p>" for text in typed]


def test_consecutive_list_items_are_grouped_into_one_list_paragraph():
    def build(d):
        d.add_heading("Kierunki działań", level=1)
        d.add_paragraph("Drogi", style="List Bullet")
        d.add_paragraph("Szkoły", style="List Bullet")
        d.add_paragraph("Pierwszy krok", style="List Number")
        d.add_paragraph("Drugi krok", style="List Number")
        d.add_paragraph("Zwykły akapit po liście.")

    paragraphs = parse(build).chapters[0].paragraphs
    assert [p.kind for p in paragraphs] == [BlockKind.LIST, BlockKind.TEXT]
    assert paragraphs[0].text == "- Drogi\n- Szkoły\n\n1. Pierwszy krok\n2. Drugi krok"
    html = render(paragraphs[0].text)
    assert "<ul>\n<li>Drogi</li>\n<li>Szkoły</li>\n</ul>" in html
    assert "<ol>\n<li>Pierwszy krok</li>\n<li>Drugi krok</li>\n</ol>" in html


def test_a_paragraph_with_word_numbering_is_a_list_item_at_its_level():
    def build(d):
        d.add_heading("Działania", level=1)
        for text, num_id, level in (("Pierwszy", 5, 0), ("Drugi", 5, 0), ("Szczegół", 1, 1)):
            p = d.add_paragraph(text, style="List Paragraph")
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    paragraph = only_paragraph(parse(build))
    assert paragraph.kind == BlockKind.LIST
    assert paragraph.text == "1. Pierwszy\n2. Drugi\n    - Szczegół"
    assert "<li>Drugi<ul>\n<li>Szczegół</li>" in render(paragraph.text)


def test_a_table_becomes_a_markdown_table_with_the_first_row_as_header():
    def build(d):
        d.add_heading("Wskaźniki", level=1)
        table = d.add_table(rows=3, cols=2)
        for r, row in enumerate([("Wskaźnik", "Wartość"), ("Ludność", "12 345"), ("Saldo | migracji", "-0,4")]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text

    paragraph = only_paragraph(parse(build))
    assert paragraph.kind == BlockKind.TABLE
    assert paragraph.text == ("| Wskaźnik | Wartość |\n| --- | --- |\n| Ludność | 12 345 |\n"
                              "| Saldo \\| migracji | -0,4 |")
    html = render(paragraph.text)
    assert '<th scope="col">Wskaźnik</th>' in html
    assert "<td>Saldo | migracji</td>" in html


def test_merged_table_cells_are_reported():
    def build(d):
        d.add_heading("Budżet", level=1)
        table = d.add_table(rows=2, cols=3)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "Lata"
        table.cell(1, 0).text = "2026"

    parsed = parse(build)
    assert only_paragraph(parsed).text.startswith("| Lata |  |  |")
    assert "merged_cells" in codes(parsed)


def test_a_picture_without_a_description_is_a_figure_flagged_for_its_text_alternative():
    def build(d):
        d.add_heading("Mapa", level=1)
        add_picture(d)

    parsed = parse(build)
    figure = only_paragraph(parsed)
    assert figure.kind == BlockKind.FIGURE
    assert figure.alt_text == ""
    assert figure.needs_alt_text
    assert figure.image.startswith(b"\x89PNG")
    assert parsed.counts()["figures_missing_alt"] == 1


def test_a_picture_keeps_its_description_as_alt_text():
    def build(d):
        d.add_heading("Mapa", level=1)
        add_picture(d, alt="Mapa gminy z podziałem na sołectwa")

    figure = only_paragraph(parse(build))
    assert figure.alt_text == "Mapa gminy z podziałem na sołectwa"
    assert not figure.needs_alt_text


def test_a_text_box_is_reported_once_with_its_text_and_not_imported():
    def build(d):
        d.add_heading("Diagnoza", level=1)
        p = d.add_paragraph("Akapit z ramką.")
        add_text_box(p, "Ważna informacja w ramce")

    parsed = parse(build)
    assert only_paragraph(parsed).text == "Akapit z ramką."
    [item] = [i for i in parsed.report if i.code == "text_box"]
    assert item.params["text"] == "Ważna informacja w ramce"
    assert item.location.excerpt == "Akapit z ramką."


def test_a_footnote_is_reported_where_it_is_referenced():
    def build(d):
        d.add_heading("Diagnoza", level=1)
        add_footnote_reference(d.add_paragraph("Dane GUS za 2025 r."))

    parsed = parse(build)
    [item] = [i for i in parsed.report if i.code == "footnote"]
    assert item.location.chapter == "Diagnoza"
    assert item.location.excerpt == "Dane GUS za 2025 r."


def test_tracked_changes_are_imported_as_accepted_and_reported():
    def build(d):
        d.add_heading("Wizja", level=1)
        p = d.add_paragraph("Gmina ")
        p._p.append(parse_xml(
            f'<w:ins xmlns:w="{W}" w:id="1" w:author="A"><w:r><w:t>zielona</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(
            f'<w:del xmlns:w="{W}" w:id="2" w:author="A"><w:r><w:delText> szara</w:delText></w:r></w:del>'))

    parsed = parse(build)
    assert only_paragraph(parsed).text == "Gmina zielona"
    assert "tracked_changes" in codes(parsed)


def test_a_caption_after_a_picture_becomes_the_figures_text():
    def build(d):
        d.add_heading("Mapa", level=1)
        add_picture(d, alt="Mapa gminy")
        d.add_paragraph("Rysunek 1. Sołectwa gminy", style="Caption")

    figure = only_paragraph(parse(build))
    assert figure.kind == BlockKind.FIGURE
    assert figure.text == "Rysunek 1. Sołectwa gminy"


def test_a_file_exported_by_the_platform_comes_back_without_its_display_numbers():
    def numbered(d, number, text, style=None):
        p = d.add_paragraph(style=style)
        p.add_run(number).bold = True
        p.add_run(" ")
        if text:
            p.add_run(text)

    def build(d):
        d.add_paragraph("Projekt strategii", style="Title")
        d.add_paragraph("Wersja 1 – projekt do konsultacji", style="Subtitle")
        d.add_heading("1 Wprowadzenie", level=1)
        numbered(d, "1.1", "Pierwszy akapit.")
        numbered(d, "1.2", "")  # the number of the list that follows
        d.add_paragraph("punkt", style="List Bullet")
        d.add_heading("2 Cele", level=1)
        numbered(d, "2.0.1", "Wstęp do celów.")
        numbered(d, "2035", "roku gmina będzie zielona.")
        d.add_heading("2.1 Cel 1", level=2)
        numbered(d, "2.1.1", "Opis celu.")

    parsed = parse(build)
    assert [c.title for c in parsed.chapters] == ["Wprowadzenie", "Cele", "Cel 1"]
    assert [p.text for c in parsed.chapters for p in c.paragraphs] == [
        "Pierwszy akapit.", "- punkt", "Wstęp do celów.", "**2035** roku gmina będzie zielona.", "Opis celu."]
    assert "subtitle_skipped" in codes(parsed)


def test_the_parsed_document_survives_json_without_the_image_bytes():
    def build(d):
        d.add_heading("Mapa", level=1)
        d.add_paragraph("Opis.")
        add_picture(d, alt="Mapa")
        d.add_heading("Szczegóły", level=4)

    parsed = parse(build)
    data = parsed.to_json()
    assert "image" not in data["chapters"][0]["paragraphs"][1]
    again = ParsedDocument.from_json(data)
    assert again.to_json() == data
    assert [i.message for i in again.report] == [i.message for i in parsed.report]


# --- refusing what is not a DOCX ------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",                     # a PDF named .docx
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,  # an old .doc
    b"Zwykly tekst",
], ids=["pdf", "old-doc", "text"])
def test_a_file_that_is_not_a_docx_by_content_is_refused(content):
    with pytest.raises(DocxImportError):
        parse_docx(content)


def test_a_zip_without_a_word_document_is_refused():
    stream = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(DocxImportError):
        parse_docx(stream.getvalue())


def test_a_file_over_20_mb_is_refused():
    with pytest.raises(DocxImportError, match="20 MB"):
        parse_docx(b"PK\x03\x04" + b"\0" * (20 * 1024 * 1024))


# --- services ---------------------------------------------------------------------------------------------------

def draft(d, *, changed: bool = False) -> None:
    d.add_heading("Diagnoza", level=1)
    d.add_paragraph("Gmina Testowo liczy dwanaście tysięcy mieszkańców i leży nad rzeką Wisłą.")
    d.add_paragraph("Na terenie gminy działa pięć szkół podstawowych oraz dwa przedszkola samorządowe."
                    if not changed else
                    "Na terenie gminy działa sześć szkół podstawowych oraz dwa przedszkola samorządowe.")
    if not changed:
        d.add_paragraph("Ten akapit zniknie w następnej wersji projektu strategii rozwoju.")
    d.add_heading("Cele", level=1)
    d.add_paragraph("Celem strategicznym jest wysoka jakość życia mieszkańców gminy.")
    if changed:
        d.add_paragraph("Zupełnie nowy akapit o współpracy z gminami sąsiednimi w ramach MOF.")


def preview(document, coordinator, data: bytes) -> DocxImport:
    return docx_import_preview(actor=coordinator, document=document, upload=upload(data))


def test_a_preview_stores_the_file_its_parsed_content_and_report(document, coordinator):
    docx_import = preview(document, coordinator, make_docx(draft))
    assert docx_import.status == ImportStatus.PREVIEW
    assert docx_import.original_name == "projekt.docx"
    assert docx_import.file.name.endswith(".docx")
    assert [c["title"] for c in docx_import.parsed["chapters"]] == ["Diagnoza", "Cele"]
    assert docx_import.report["counts"]["paragraphs"] == 4
    assert document.versions.count() == 1


def test_a_preview_of_a_non_docx_is_refused_on_the_file_field(document, coordinator):
    with pytest.raises(ValidationError) as error:
        preview(document, coordinator, b"%PDF-1.7 not a word file")
    assert "file" in error.value.message_dict
    assert not DocxImport.objects.exists()


def test_applying_creates_working_version_n_plus_1_and_leaves_the_old_versions_rows_unchanged(
        filled, coordinator):
    document = filled.document
    before = list(Paragraph.objects.filter(chapter__version=filled).values_list("pk", "uid", "text", "position"))
    chapters_before = list(Chapter.objects.filter(version=filled).values_list("pk", "uid", "title"))
    docx_import = preview(document, coordinator, make_docx(draft))

    version = docx_import_apply(actor=coordinator, docx_import=docx_import)

    assert version.number == filled.number + 1
    assert version.stage == VersionStage.WORKING and not version.is_frozen
    assert list(Chapter.objects.filter(version=version).values_list("title", flat=True)) == ["Diagnoza", "Cele"]
    assert set(Paragraph.objects.filter(chapter__version=version).values_list("source", flat=True)) == {
        BlockSource.IMPORTED}
    assert list(Paragraph.objects.filter(chapter__version=filled).values_list(
        "pk", "uid", "text", "position")) == before
    assert list(Chapter.objects.filter(version=filled).values_list("pk", "uid", "title")) == chapters_before
    docx_import.refresh_from_db()
    assert docx_import.status == ImportStatus.APPLIED and docx_import.result_version == version


def test_applying_keeps_chapter_levels(document, coordinator):
    def build(d):
        d.add_heading("Cele", level=1)
        d.add_heading("Cel 1", level=2)
        d.add_paragraph("Opis celu.")
        d.add_heading("Działanie 1.1", level=3)
        d.add_paragraph("Opis działania.")

    version = docx_import_apply(actor=coordinator, docx_import=preview(document, coordinator, make_docx(build)))
    chapters = {c.title: c for c in Chapter.objects.filter(version=version)}
    assert chapters["Działanie 1.1"].parent == chapters["Cel 1"]
    assert chapters["Cel 1"].parent == chapters["Cele"]


def test_an_imported_figure_without_alt_text_is_stored_flagged_and_blocks_freezing(document, coordinator):
    def build(d):
        d.add_heading("Mapa", level=1)
        add_picture(d)

    version = docx_import_apply(actor=coordinator, docx_import=preview(document, coordinator, make_docx(build)))
    figure = Paragraph.objects.get(chapter__version=version)
    assert figure.kind == BlockKind.FIGURE and figure.source == BlockSource.IMPORTED
    assert figure.needs_alt_text
    assert figure.image.name.startswith("documents/figures/")
    assert figure.image.read().startswith(b"\x89PNG")
    with pytest.raises(ValidationError):
        version_freeze(actor=coordinator, version=version, stage=VersionStage.CONSULTATION)


def test_reimporting_an_edited_draft_keeps_uids_of_unchanged_and_lightly_changed_paragraphs(document,
                                                                                            coordinator):
    first = docx_import_apply(actor=coordinator, docx_import=preview(document, coordinator, make_docx(draft)))
    old = {p.text[:20]: p.uid for p in Paragraph.objects.filter(chapter__version=first)}
    old_chapters = {c.title: c.uid for c in Chapter.objects.filter(version=first)}

    second = docx_import_apply(actor=coordinator, docx_import=preview(
        document, coordinator, make_docx(lambda d: draft(d, changed=True))))

    new = {p.text[:20]: p.uid for p in Paragraph.objects.filter(chapter__version=second)}
    assert new["Gmina Testowo liczy "] == old["Gmina Testowo liczy "]      # unchanged
    assert new["Na terenie gminy dzi"] == old["Na terenie gminy dzi"]      # one word changed
    assert new["Celem strategicznym "] == old["Celem strategicznym "]
    assert new["Zupełnie nowy akapit"] not in set(old.values())            # new paragraph, new uid
    assert {c.title: c.uid for c in Chapter.objects.filter(version=second)} == old_chapters
    assert Paragraph.objects.filter(chapter__version=first).count() == 4  # the first import stays whole


def test_a_paragraph_moved_to_another_chapter_keeps_its_uid(document, coordinator):
    def before(d):
        d.add_heading("Diagnoza", level=1)
        d.add_paragraph("Akapit, który zostanie przeniesiony do innego rozdziału.")
        d.add_heading("Cele", level=1)

    def after(d):
        d.add_heading("Diagnoza", level=1)
        d.add_heading("Cele", level=1)
        d.add_paragraph("Akapit, który zostanie przeniesiony do innego rozdziału.")

    first = docx_import_apply(actor=coordinator, docx_import=preview(document, coordinator, make_docx(before)))
    second = docx_import_apply(actor=coordinator, docx_import=preview(document, coordinator, make_docx(after)))
    assert (Paragraph.objects.get(chapter__version=second).uid == Paragraph.objects.get(chapter__version=first).uid)


def test_lineage_comes_from_the_latest_version_with_content_written_in_the_platform(filled, coordinator):
    def build(d):
        d.add_heading("Wprowadzenie", level=1)
        d.add_paragraph("Pierwszy akapit wprowadzenia.")
        d.add_paragraph("Zupełnie inny tekst niż dotąd.")

    old = Paragraph.objects.get(chapter__version=filled, text="Pierwszy akapit wprowadzenia.")
    version = docx_import_apply(actor=coordinator, docx_import=preview(filled.document, coordinator,
                                                                       make_docx(build)))
    imported = Paragraph.objects.filter(chapter__version=version).order_by("position")
    assert imported[0].uid == old.uid
    assert imported[1].uid not in set(Paragraph.objects.filter(chapter__version=filled).values_list("uid",
                                                                                                    flat=True))


def test_an_unchanged_figure_keeps_its_uid_on_reimport(document, coordinator):
    def build(d):
        d.add_heading("Mapa", level=1)
        add_picture(d, alt="Mapa gminy")

    first = docx_import_apply(actor=coordinator, docx_import=preview(document, coordinator, make_docx(build)))
    second = docx_import_apply(actor=coordinator, docx_import=preview(document, coordinator, make_docx(build)))
    assert Paragraph.objects.get(chapter__version=second).uid == Paragraph.objects.get(chapter__version=first).uid


def test_an_import_is_applied_only_once(document, coordinator):
    docx_import = preview(document, coordinator, make_docx(draft))
    docx_import_apply(actor=coordinator, docx_import=docx_import)
    with pytest.raises(ValidationError):
        docx_import_apply(actor=coordinator, docx_import=docx_import)
    assert document.versions.count() == 2


def test_discarding_creates_no_version_and_deletes_the_stored_file(document, coordinator,
                                                                   django_capture_on_commit_callbacks):
    docx_import = preview(document, coordinator, make_docx(draft))
    storage, name = docx_import.file.storage, docx_import.file.name
    with django_capture_on_commit_callbacks(execute=True):
        docx_import_discard(actor=coordinator, docx_import=docx_import)
    docx_import.refresh_from_db()
    assert docx_import.status == ImportStatus.DISCARDED
    assert document.versions.count() == 1
    assert not storage.exists(name)
    with pytest.raises(ValidationError):
        docx_import_apply(actor=coordinator, docx_import=docx_import)


def test_each_import_service_writes_its_audit_entry(document, coordinator):
    docx_import = preview(document, coordinator, make_docx(draft))
    docx_import_apply(actor=coordinator, docx_import=docx_import)
    docx_import_discard(actor=coordinator, docx_import=preview(document, coordinator, make_docx(draft)))
    actions = set(AuditEntry.objects.filter(actor=coordinator).values_list("action", flat=True))
    assert {"docx_import.preview", "docx_import.apply", "docx_import.discard"} <= actions


# --- pages ------------------------------------------------------------------------------------------------------

def url(name, document, **kwargs):
    process = document.process
    return reverse(f"backoffice:documents_staff:{name}", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug,
        "document_slug": document.slug, **kwargs})


@pytest.mark.parametrize(("role", "expected"), [
    ("anonymous", "login"), ("resident", 404), ("other_municipality_staff", 404),
    ("administrator", 200), ("coordinator", 200), ("staff", 200), ("contractor", 200),
    ("approver", 403), ("councillor", 403), ("team_member", 403),
])
def test_who_may_open_the_import_pages(role, expected, client, document, coordinator, user_for_role):
    docx_import = preview(document, coordinator, make_docx(draft))
    user = user_for_role(role)
    if user is not None:
        client.force_login(user)
    for page in (url("import_upload", document), url("import_preview", document, import_id=docx_import.pk)):
        response = client.get(page)
        if expected == "login":
            assert response.status_code == 302 and "/konto/login/" in response["Location"]
        else:
            assert response.status_code == expected, page


@pytest.mark.parametrize("name", ["import_apply", "import_discard"])
def test_apply_and_discard_take_only_post(name, client, document, coordinator):
    docx_import = preview(document, coordinator, make_docx(draft))
    client.force_login(coordinator)
    assert client.get(url(name, document, import_id=docx_import.pk)).status_code == 405


def test_a_non_docx_upload_is_refused_next_to_the_field(client, document, coordinator):
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"  # the msgids: the page speaks English on the visitor's choice
    with translation.override("en"):
        response = client.post(url("import_upload", document),
                               {"file": upload(b"%PDF-1.7 a pdf named docx", name="projekt.docx")})
    assert response.status_code == 200
    assert 'id="id_file_error"' in response.text
    assert "This file is not a Word document (DOCX)." in response.text
    assert 'aria-invalid="true"' in response.text
    assert not DocxImport.objects.exists()


def test_sending_the_form_without_a_file_asks_for_one_next_to_the_field(client, document, coordinator):
    client.force_login(coordinator)
    response = client.post(url("import_upload", document), {})
    assert response.status_code == 200
    assert 'id="id_file_error"' in response.text
    assert not DocxImport.objects.exists()


def test_uploading_a_docx_leads_to_its_preview(client, document, coordinator):
    client.force_login(coordinator)
    response = client.post(url("import_upload", document), {"file": upload(make_docx(draft))})
    docx_import = DocxImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("import_preview", document, import_id=docx_import.pk)


def test_the_preview_shows_the_outline_missing_alt_texts_and_what_could_not_be_mapped(client, document,
                                                                                      coordinator):
    def build(d):
        d.add_heading("Diagnoza", level=1)
        d.add_heading("Demografia", level=2)
        d.add_paragraph("Ludność <b>rośnie</b>.")
        add_picture(d)
        d.add_heading("Szczegóły", level=4)

    docx_import = preview(document, coordinator, make_docx(build))
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        response = client.get(url("import_preview", document, import_id=docx_import.pk))
    text = response.text
    assert '<th scope="row" class="import-level-2">Demografia</th>' in text
    assert "In chapter “Demografia”: picture" in text
    assert "A heading of level 4 is deeper than the three chapter levels" in text
    assert "Apply: create working version 2" in text
    assert "<b>rośnie</b>" not in text


def test_another_documents_import_is_not_found_through_this_document(client, document, coordinator, process):
    from strategia.documents.services import document_create

    other = document_create(actor=None, process=process, title="Prognoza", slug="prognoza")
    docx_import = preview(other, coordinator, make_docx(draft))
    client.force_login(coordinator)
    assert client.get(url("import_preview", document, import_id=docx_import.pk)).status_code == 404
    assert client.post(url("import_apply", document, import_id=docx_import.pk)).status_code == 404


def test_applying_through_the_page_creates_the_new_working_version(client, document, coordinator):
    docx_import = preview(document, coordinator, make_docx(draft))
    client.force_login(coordinator)
    response = client.post(url("import_apply", document, import_id=docx_import.pk))
    assert response.status_code == 302
    assert document.versions.filter(number=2, stage=VersionStage.WORKING).exists()
    docx_import.refresh_from_db()
    assert docx_import.status == ImportStatus.APPLIED


def test_after_applying_the_preview_says_which_version_was_created_and_offers_no_buttons(client, document,
                                                                                         coordinator):
    docx_import = preview(document, coordinator, make_docx(draft))
    docx_import_apply(actor=coordinator, docx_import=docx_import)
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"
    with translation.override("en"):
        text = client.get(url("import_preview", document, import_id=docx_import.pk)).text
    assert "This file has been imported as working version 2." in text
    assert url("import_apply", document, import_id=docx_import.pk) not in text


def test_bold_covering_a_whole_header_cell_is_not_kept_as_markup():
    def build(d):
        table = d.add_table(rows=2, cols=2)
        table.cell(0, 0).paragraphs[0].add_run("Wskaźnik").bold = True
        table.cell(0, 1).paragraphs[0].add_run("Wartość").bold = True
        table.cell(1, 0).paragraphs[0].add_run("Ważny").bold = True
        table.cell(1, 1).text = "1"

    text = only_paragraph(parse(build)).text
    assert text.splitlines()[0] == "| Wskaźnik | Wartość |"
    assert "| **Ważny** | 1 |" in text


def test_an_uploaded_word_draft_is_not_served_as_public_media(client, document, coordinator):
    docx_import = preview(document, coordinator, make_docx(draft))
    assert client.get(f"/media/{docx_import.file.name}").status_code == 404
