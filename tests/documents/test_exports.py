"""Exports of frozen versions: a DOCX with real headings, numbered paragraphs, tables and figures, and a tagged
PDF/UA, both re-opened and read; rendered by a background task into a stored file that downloads serve; only
frozen versions are exported or public."""

import io
import subprocess

import docx
import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.tasks import Task
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils.module_loading import import_string
from docx.oxml.ns import qn
from PIL import Image

from strategia.accounts.enums import MunicipalityRole, ProcessRole
from strategia.core.models import AuditEntry
from strategia.documents import exports, pdf
from strategia.documents.enums import BlockKind, ExportFormat, ExportStatus, VersionStage
from strategia.documents.export_services import export_request, exports_for_version
from strategia.documents.exports import export_content, render_docx
from strategia.documents.models import Chapter, Export
from strategia.documents.pdf import pdf_html, render_pdf
from strategia.documents.services import chapter_update, paragraph_create, version_freeze
from tests.factories import UserFactory, user_with_municipality_role, user_with_process_role

pytestmark = pytest.mark.django_db

POLISH = "Zażółć gęślą jaźń"
TABLE = "| Wskaźnik | Wartość |\n|---|---|\n| Ludność | 12 345 |\n| Zażółć gęślą jaźń | 7 |"
ALT = "Wykres liczby ludności gminy w latach 2015–2025: spadek o 4%"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def png() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (60, 30), (200, 30, 30)).save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def frozen(filled, coordinator):
    """``filled`` plus 1.3 (Polish text with emphasis), 1.4 (list), 2.1.2 (table), 2.1.3 (figure), frozen as
    version 1 for consultation."""
    intro = Chapter.objects.get(version=filled, title="Wprowadzenie")
    paragraph_create(actor=None, chapter=intro, text=f"{POLISH} – **pogrubienie** i *kursywa*.")
    paragraph_create(actor=None, chapter=intro, kind=BlockKind.LIST, text="- pierwszy\n- drugi")
    goal = Chapter.objects.get(version=filled, title="Cel 1")
    paragraph_create(actor=None, chapter=goal, kind=BlockKind.TABLE, text=TABLE)
    paragraph_create(actor=None, chapter=goal, kind=BlockKind.FIGURE, alt_text=ALT, text="Liczba ludności",
                     image=SimpleUploadedFile("wykres.png", png(), content_type="image/png"))
    return version_freeze(actor=coordinator, version=filled, stage=VersionStage.CONSULTATION)


@pytest.fixture
def word(frozen):
    return docx.Document(io.BytesIO(render_docx(export_content(version=frozen))))


def paragraph_starting(word, text):
    return next(p for p in word.paragraphs if p.text.startswith(text))


# --- DOCX ------------------------------------------------------------------------------------------------

def test_docx_chapters_use_heading_styles_with_numbered_titles(word):
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "1 Wprowadzenie"), ("Heading 1", "2 Cele"), ("Heading 2", "2.1 Cel 1"),
                        ("Heading 2", "2.2 Cel 2")]


def test_docx_paragraph_starts_with_its_display_number_in_bold(word):
    paragraph = paragraph_starting(word, "1.1 ")
    assert paragraph.text == "1.1 Pierwszy akapit wprowadzenia."
    assert paragraph.runs[0].text == "1.1" and paragraph.runs[0].bold
    assert paragraph_starting(word, "2.0.1 ").text == "2.0.1 Wstęp do celów."


def test_docx_keeps_polish_characters_and_markdown_emphasis(word):
    paragraph = paragraph_starting(word, "1.3 ")
    assert paragraph.text == f"1.3 {POLISH} – pogrubienie i kursywa."
    assert any(run.text == "pogrubienie" and run.bold for run in paragraph.runs)
    assert any(run.text == "kursywa" and run.italic for run in paragraph.runs)


def test_docx_markdown_lists_use_word_list_styles(word):
    items = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("List")]
    assert items == [("List Bullet", "pierwszy"), ("List Bullet", "drugi")]
    assert paragraph_starting(word, "1.4").text == "1.4"  # the list's number leads it on its own line


def test_docx_numbered_markdown_list_uses_list_number(filled):
    chapter = Chapter.objects.get(version=filled, title="Cel 2")
    paragraph_create(actor=None, chapter=chapter, kind=BlockKind.LIST, text="1. raz\n2. dwa")
    version = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    word = docx.Document(io.BytesIO(render_docx(export_content(version=version))))
    assert [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("List")] == [
        ("List Number", "raz"), ("List Number", "dwa")]


def test_docx_markdown_table_is_a_word_table_with_a_repeating_header_row(word):
    table = word.tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Wskaźnik", "Wartość"], ["Ludność", "12 345"], [POLISH, "7"]]
    header, body = table.rows[0]._tr, table.rows[1]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None
    assert body.trPr is None or body.trPr.find(qn("w:tblHeader")) is None
    assert paragraph_starting(word, "2.1.2").text == "2.1.2"


def test_docx_figure_is_a_picture_with_its_alt_text_and_a_numbered_caption(word):
    assert len(word.inline_shapes) == 1
    assert word.inline_shapes[0]._inline.docPr.get("descr") == ALT
    caption = paragraph_starting(word, "2.1.3 ")
    assert caption.style.name == "Caption" and caption.text == "2.1.3 Liczba ludności"


def test_docx_title_page_and_core_properties(word, frozen):
    texts = [p.text for p in word.paragraphs[:6]]
    assert "Projekt Strategii rozwoju gminy Testowo" in texts
    assert frozen.document.process.municipality.name in texts
    assert "Wersja 1 – projekt do konsultacji" in texts
    assert any(text.startswith("Stan na ") and text.endswith(" r.") for text in texts)
    assert word.core_properties.title == "Projekt Strategii rozwoju gminy Testowo"
    assert word.core_properties.language == "pl-PL"


def test_docx_drops_characters_xml_does_not_allow(filled):
    chapter = Chapter.objects.get(version=filled, title="Cel 2")
    paragraph_create(actor=None, chapter=chapter, text="Wklejony\x01 tekst\x0bz Worda\x1f.")
    version = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    word = docx.Document(io.BytesIO(render_docx(export_content(version=version))))
    assert paragraph_starting(word, "2.2.2 ").text == "2.2.2 Wklejony tekst z Worda."


# --- PDF/UA ----------------------------------------------------------------------------------------------

@pytest.fixture
def pdf_bytes(frozen):
    return render_pdf(export_content(version=frozen))


def struct_elements(node):
    """(type, alt) of every element of the PDF's tag tree."""
    found = []
    if isinstance(node, pikepdf.Array):
        for child in node:
            found += struct_elements(child)
    elif isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found.append((str(node.S), str(node.get("/Alt", ""))))
        if "/K" in node:
            found += struct_elements(node.K)
    return found


def outline_titles(pdf_file):
    with pdf_file.open_outline() as outline:
        titles = []

        def walk(items):
            for item in items:
                titles.append(item.title)
                walk(item.children)

        walk(outline.root)
        return titles


def test_pdf_is_tagged_with_polish_language_and_title(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf_file:
        root = pdf_file.Root
        assert "/StructTreeRoot" in root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "pl"
        assert pdf_file.open_metadata()["dc:title"] == "Projekt Strategii rozwoju gminy Testowo"


def test_pdf_has_bookmarks_for_numbered_chapters(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf_file:
        titles = outline_titles(pdf_file)
    assert {"1 Wprowadzenie", "2 Cele", "2.1 Cel 1", "2.2 Cel 2"} <= set(titles)


def test_pdf_figure_and_table_are_tagged(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf_file:
        elements = struct_elements(pdf_file.Root.StructTreeRoot.K)
    assert ("/Figure", ALT) in elements
    kinds = {kind for kind, _alt in elements}
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= kinds


def test_pdf_text_has_display_numbers_table_of_contents_and_polish_characters(pdf_bytes, tmp_path):
    path = tmp_path / "eksport.pdf"
    path.write_bytes(pdf_bytes)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
    assert "Spis treści" in text
    assert "1.1 Pierwszy akapit wprowadzenia." in text
    assert "2.1 Cel 1" in text
    assert "2.1.3 Liczba ludności" in text
    assert POLISH in text
    assert "Strona 2 z" in text  # the footer's page numbers (DejaVu Sans set in the margin box)


def test_pdf_table_of_contents_links_to_every_chapter(frozen):
    html = pdf_html(export_content(version=frozen))
    assert '<html lang="pl">' in html
    for anchor in ("pkt-1", "pkt-2", "pkt-2-1", "pkt-2-2"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_pdf_escapes_user_text(filled):
    chapter_update(actor=None, chapter=Chapter.objects.get(version=filled, title="Cel 2"),
                   title="<script>alert(1)</script>")
    version = version_freeze(actor=None, version=filled, stage=VersionStage.CONSULTATION)
    html = pdf_html(export_content(version=version))
    assert "<script>" not in html and "&lt;script&gt;" in html


# --- requesting and the background task ------------------------------------------------------------------

def test_requesting_an_export_queues_it_and_the_task_stores_the_file(frozen, coordinator,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export = export_request(actor=coordinator, version=frozen, format=ExportFormat.DOCX)
    assert export.status == ExportStatus.QUEUED and not export.file
    for callback in callbacks:
        callback()
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE and export.progress == 100 and export.finished_at
    assert export.file.name == "documents/exports/projekt-strategii-wersja-1.docx"
    assert export.requested_by == coordinator
    with export.file.open("rb") as handle:
        assert paragraph_starting(docx.Document(handle), "1.1 ")


def test_the_task_reports_progress_while_it_renders(frozen, monkeypatch, django_capture_on_commit_callbacks):
    seen = []

    def renderer(content):
        seen.append(Export.objects.get().progress)
        return b"%PDF-1.7 test"

    monkeypatch.setattr(pdf, "render_pdf", renderer)
    with django_capture_on_commit_callbacks(execute=True):
        export_request(actor=None, version=frozen, format=ExportFormat.PDF)
    assert seen == [30]
    assert Export.objects.get().file.name.endswith("projekt-strategii-wersja-1.pdf")


def test_a_failing_render_marks_the_export_failed_with_the_error(frozen, monkeypatch,
                                                                 django_capture_on_commit_callbacks):
    def broken(content):
        raise RuntimeError("brak czcionki")

    monkeypatch.setattr(exports, "render_docx", broken)
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(actor=None, version=frozen, format=ExportFormat.DOCX)
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED
    assert "brak czcionki" in export.error
    assert not export.file and export.finished_at


def test_a_ready_export_is_reused_unless_forced(frozen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = export_request(actor=None, version=frozen, format=ExportFormat.DOCX)
        again = export_request(actor=None, version=frozen, format=ExportFormat.DOCX)
        forced = export_request(actor=None, version=frozen, format=ExportFormat.DOCX, force=True)
    assert again.pk == first.pk
    assert forced.pk != first.pk
    assert Export.objects.count() == 2


def test_a_working_version_cannot_be_exported(working):
    with pytest.raises(ValidationError):
        export_request(actor=None, version=working, format=ExportFormat.DOCX)
    assert not Export.objects.exists()


def test_an_export_request_is_audited(frozen, coordinator):
    export = export_request(actor=coordinator, version=frozen, format=ExportFormat.PDF)
    entry = AuditEntry.objects.get(action="document_export.request")
    assert entry.actor == coordinator and entry.object_id == str(export.pk)
    assert entry.municipality == frozen.document.process.municipality


def test_the_task_is_importable_by_path_and_queues_in_the_database_with_json_arguments(frozen):
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    task = import_string("strategia.documents.tasks.render_export")
    assert isinstance(task, Task)
    export = Export.objects.create(version=frozen, format=ExportFormat.DOCX)
    result = DatabaseBackend("default", {}).enqueue(task, (), {"export_id": export.pk})
    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.task_path == "strategia.documents.tasks.render_export"
    assert stored.args_kwargs == {"args": [], "kwargs": {"export_id": export.pk}}


def test_exports_for_version_gives_the_latest_of_each_format(frozen):
    Export.objects.create(version=frozen, format=ExportFormat.DOCX, status=ExportStatus.FAILED)
    latest = Export.objects.create(version=frozen, format=ExportFormat.DOCX, status=ExportStatus.RUNNING)
    assert exports_for_version(version=frozen) == {"docx": latest, "pdf": None}


# --- public status and download ----------------------------------------------------------------------------

def public_url(name, version, format="docx"):
    document = version.document
    return reverse(f"documents:{name}", kwargs={
        "municipality_slug": document.process.municipality.slug, "process_slug": document.process.slug,
        "document_slug": document.slug, "version_number": version.number, "format": format,
    })


@pytest.fixture
def ready(frozen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(actor=None, version=frozen, format=ExportFormat.DOCX)
    export.refresh_from_db()
    return export


def test_download_serves_the_stored_file_without_rendering_again(client, frozen, ready, monkeypatch):
    def must_not_render(content):
        raise AssertionError("a download must not render")

    monkeypatch.setattr(exports, "render_docx", must_not_render)
    response = client.get(public_url("export_download", frozen))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="projekt-strategii-wersja-1.docx"'
    with ready.file.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()


def test_download_is_404_until_the_file_is_ready(client, frozen):
    Export.objects.create(version=frozen, format=ExportFormat.DOCX, status=ExportStatus.RUNNING, progress=30)
    assert client.get(public_url("export_download", frozen)).status_code == 404


def test_a_working_version_has_no_public_status_or_download(client, working):
    Export.objects.create(version=working, format=ExportFormat.DOCX, status=ExportStatus.DONE,
                          file=SimpleUploadedFile("robocza.docx", b"x"))
    assert client.get(public_url("export_status", working)).status_code == 404
    assert client.get(public_url("export_download", working)).status_code == 404


def test_an_unknown_format_is_404(client, frozen):
    assert client.get(public_url("export_status", frozen, format="xlsx")).status_code == 404


def test_status_page_shows_progress_in_a_live_region_that_polls_while_preparing(client, frozen):
    Export.objects.create(version=frozen, format=ExportFormat.PDF, status=ExportStatus.RUNNING, progress=30)
    url = public_url("export_status", frozen, "pdf")
    html = client.get(url).content.decode()
    assert 'aria-live="polite"' in html
    assert f'hx-get="{url}"' in html and 'hx-trigger="every 2s"' in html
    assert '<progress id="export-progress-pdf" max="100" value="30">' in html
    assert f'<a href="{url}">' in html  # "Refresh" without JavaScript


def test_status_fragment_keeps_polling_while_preparing_and_stops_when_done(client, frozen, ready):
    url = public_url("export_status", frozen)
    done = client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == 286  # htmx stops polling on 286
    assert public_url("export_download", frozen) in done.content.decode()
    assert "<html" not in done.content.decode()
    Export.objects.create(version=frozen, format=ExportFormat.DOCX, status=ExportStatus.QUEUED)
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 200


def test_status_page_of_a_ready_file_links_the_download_and_does_not_poll(client, frozen, ready):
    html = client.get(public_url("export_status", frozen)).content.decode()
    assert public_url("export_download", frozen) in html
    assert "hx-trigger" not in html


# --- the staff's "prepare" button ----------------------------------------------------------------------

def staff_url(version, format="docx"):
    document = version.document
    return reverse("backoffice:documents_staff:export_request", kwargs={
        "municipality_slug": document.process.municipality.slug, "process_slug": document.process.slug,
        "document_slug": document.slug, "version_number": version.number, "format": format,
    })


@pytest.mark.parametrize(("role", "expected"), [
    ("anonymous", "login"), ("resident", 404), (MunicipalityRole.CONTRACTOR, "allowed"),
    (ProcessRole.COUNCILLOR, 403),
])
def test_who_may_ask_for_an_export(role, expected, client, frozen, municipality, process,
                                   django_capture_on_commit_callbacks):
    if role == "resident":
        client.force_login(UserFactory())
    elif role in MunicipalityRole.values:
        client.force_login(user_with_municipality_role(municipality, role))
    elif role in ProcessRole.values:
        client.force_login(user_with_process_role(process, role))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(staff_url(frozen))
    if expected == "login":
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
    elif expected == "allowed":
        assert response.status_code == 302
        assert Export.objects.get().status == ExportStatus.DONE
    else:
        assert response.status_code == expected
    if expected != "allowed":
        assert not Export.objects.exists()


def test_prepare_returns_to_the_page_it_came_from(client, frozen, municipality,
                                                   django_capture_on_commit_callbacks):
    client.force_login(user_with_municipality_role(municipality, MunicipalityRole.STAFF))
    back = f"/{municipality.slug}/panel/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(staff_url(frozen, "docx"), {"next": back})
    assert response["Location"] == back
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(staff_url(frozen, "docx"), {"next": "https://evil.example/"})
    assert response["Location"] == public_url("export_status", frozen)


def test_prepare_for_a_working_version_explains_why_it_cannot(client, working, municipality):
    client.force_login(user_with_municipality_role(municipality, MunicipalityRole.COORDINATOR))
    response = client.post(staff_url(working), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not Export.objects.exists()


def test_prepare_only_takes_post(client, frozen, municipality):
    client.force_login(user_with_municipality_role(municipality, MunicipalityRole.COORDINATOR))
    assert client.get(staff_url(frozen)).status_code == 405


# --- the back-office include -----------------------------------------------------------------------------

def render_include(version, user, municipality):
    request = RequestFactory().get(f"/{municipality.slug}/panel/")
    request.user, request.municipality = user, municipality
    return render_to_string("documents/export/includes/version_exports.html",
                            {"version": version, "exports": exports_for_version(version=version)}, request=request)


def test_include_offers_prepare_buttons_to_those_who_may_edit(frozen, municipality):
    html = render_include(frozen, user_with_municipality_role(municipality, MunicipalityRole.CONTRACTOR),
                          municipality)
    assert staff_url(frozen, "docx") in html and staff_url(frozen, "pdf") in html
    assert html.count('<button type="submit"') == 2


def test_include_shows_status_but_no_buttons_to_a_councillor(frozen, municipality, process, ready):
    html = render_include(frozen, user_with_process_role(process, ProcessRole.COUNCILLOR), municipality)
    assert staff_url(frozen, "docx") not in html
    assert public_url("export_download", frozen) in html


def test_include_on_a_working_version_offers_nothing(working, municipality):
    html = render_include(working, user_with_municipality_role(municipality, MunicipalityRole.COORDINATOR),
                          municipality)
    assert "<form" not in html
