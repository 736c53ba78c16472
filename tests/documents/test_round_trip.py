"""Import → freeze → export → re-read → re-import: the text survives and every paragraph keeps its uid."""

import io

import docx
from docx.shared import Inches
from PIL import Image

from strategia.documents.enums import ExportFormat, VersionStage
from strategia.documents.export_services import export_request, export_run
from strategia.documents.import_services import docx_import_apply, docx_import_preview
from strategia.documents.models import Export, FrozenBlock
from strategia.documents.services import version_freeze
from tests.documents.test_docx_import import upload


def _source_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Wnioski z diagnozy", level=1)
    document.add_paragraph("Zażółć gęślą jaźń – gmina liczy ok. 25 tys. mieszkańców (dane przykładowe).")
    paragraph = document.add_paragraph("Najważniejsze wyzwanie to ")
    paragraph.add_run("komunikacja").bold = True
    paragraph.add_run(" z Warszawą.")
    document.add_heading("Cele strategiczne", level=1)
    document.add_heading("Cel 1. Wysoka jakość życia", level=2)
    document.add_paragraph("Dostępne usługi publiczne blisko miejsca zamieszkania.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Wskaźnik", "Wartość docelowa"
    table.cell(1, 0).text, table.cell(1, 1).text = "Liczba miejsc w żłobkach", "120"
    image = io.BytesIO()
    Image.new("RGB", (20, 10), (10, 80, 160)).save(image, "PNG")
    image.seek(0)
    shape = document.add_paragraph().add_run().add_picture(image, width=Inches(1))
    shape._inline.docPr.set("descr", "Schemat obszarów strategicznej interwencji")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _export(version) -> bytes:
    export = export_request(actor=None, version=version, format=ExportFormat.DOCX)
    export_run(actor=None, export_id=export.pk)
    export = Export.objects.get(pk=export.pk)
    with export.file.open("rb") as handle:
        return handle.read()


def test_import_export_reimport_round_trip_keeps_text_and_uids(document, coordinator):
    first_import = docx_import_preview(actor=coordinator, document=document, upload=upload(_source_docx()))
    working = docx_import_apply(actor=coordinator, docx_import=first_import)
    frozen = version_freeze(actor=coordinator, version=working, stage=VersionStage.CONSULTATION)
    exported = _export(frozen)

    # The export re-read: headings with numbers, Polish characters, the table's cells, display numbers.
    reread = docx.Document(io.BytesIO(exported))
    headings = [p.text for p in reread.paragraphs if p.style.name.startswith("Heading")]
    assert any(h.endswith("Wnioski z diagnozy") for h in headings)
    assert any("Cel 1. Wysoka jakość życia" in h for h in headings)
    body = "\n".join(p.text for p in reread.paragraphs)
    assert "Zażółć gęślą jaźń" in body
    assert any(p.text.startswith("1.1") for p in reread.paragraphs)
    cells = [cell.text for table in reread.tables for row in table.rows for cell in row.cells]
    assert "Liczba miejsc w żłobkach" in cells and "120" in cells
    assert reread.inline_shapes and "obszarów" in reread.inline_shapes[0]._inline.docPr.get("descr")

    # Re-importing the exported file gives the same text under the same uids.
    second_import = docx_import_preview(actor=coordinator, document=document, upload=upload(exported))
    again = docx_import_apply(actor=coordinator, docx_import=second_import)
    refrozen = version_freeze(actor=coordinator, version=again, stage=VersionStage.AFTER_CONSULTATION)
    before = {b.uid: b.text for b in FrozenBlock.objects.filter(version=frozen, is_heading=False)}
    after = {b.uid: b.text for b in FrozenBlock.objects.filter(version=refrozen, is_heading=False)}
    assert set(before) <= set(after)
    for uid, text in before.items():
        assert after[uid] == text
