"""The Word (DOCX) rendering of a frozen version, and the content both renderers share.

``export_content`` is the selector: it reads only the version's immutable ``FrozenBlock`` rows (one query) and the
names of the document and the municipality. ``render_docx`` turns that content into a DOCX with real Heading 1–3
styles, every paragraph led by its display number in bold (so a remark on paper can cite "3.2.1"), lists in List
Bullet / List Number styles, Markdown tables as Word tables whose header row repeats on each page, and figures as
pictures with their text alternative. Paragraph text goes through the one Markdown renderer
(``documents.markdown.render``) so Word shows what the reading view shows; its safe HTML is then walked into runs.

The file is the strategy itself, a Polish text, so its own words (title page, captions) are Polish whatever the
interface language.
"""

from __future__ import annotations

import base64
import io
import mimetypes
import re
from dataclasses import dataclass

import lxml.html
from django.core.files.storage import default_storage
from django.utils import formats, timezone, translation
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, RGBColor

from strategia.documents import markdown
from strategia.documents.enums import BlockKind, VersionStage
from strategia.documents.models import DocumentVersion, FrozenBlock
from strategia.documents.selectors import blocks_for_version

LANGUAGE = "pl-PL"

# The stage as the document itself names it (Polish, see the module docstring).
STAGE_LABELS = {
    VersionStage.CONSULTATION: "projekt do konsultacji",
    VersionStage.AFTER_CONSULTATION: "projekt po konsultacjach",
    VersionStage.ADOPTED: "wersja przyjęta",
    VersionStage.WORKING: "wersja robocza",
}
SAMPLE_NOTE = "Dokument przykładowy – dane demonstracyjne"
MISSING_FIGURE = "[Rysunek niedostępny: {alt}]"

# Characters XML 1.0 does not allow (python-docx/lxml refuse them). Vertical tab and form feed are what Word
# puts in pasted text for line and page breaks, so they become spaces; the rest are dropped.
_BREAK_CHARS = re.compile(r"[\x0b\x0c]")
_INVALID_XML_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def xml_safe(value: str | None) -> str:
    """User text made safe for XML (DOCX and the PDF's HTML): control characters stripped, line breaks kept."""
    return _INVALID_XML_CHARS.sub("", _BREAK_CHARS.sub(" ", value or ""))


# --- content ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    data: bytes
    content_type: str

    @property
    def data_uri(self) -> str:
        return f"data:{self.content_type};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True)
class ExportContent:
    title: str
    municipality: str
    version_line: str
    dated: str
    is_sample: bool
    blocks: list[FrozenBlock]
    filename_stem: str

    @property
    def headings(self) -> list[FrozenBlock]:
        return [block for block in self.blocks if block.is_heading]


def export_content(*, version: DocumentVersion) -> ExportContent:
    """What both renderers print: names, the version line and the frozen rows in reading order."""
    document = version.document
    municipality = document.process.municipality
    version_line = f"Wersja {version.number} – {STAGE_LABELS.get(version.stage, version.stage)}"
    if version.label:
        version_line += f" ({xml_safe(version.label).strip()})"
    dated = ""
    if version.frozen_at:
        with translation.override("pl"):
            dated = "Stan na " + formats.date_format(timezone.localtime(version.frozen_at), "j E Y") + " r."
    return ExportContent(
        title=xml_safe(document.title).strip(),
        municipality=xml_safe(municipality.name).strip(),
        version_line=version_line,
        dated=dated,
        is_sample=document.is_sample,
        blocks=blocks_for_version(version=version),
        filename_stem=f"{document.slug}-wersja-{version.number}",
    )


def heading_text(block: FrozenBlock) -> str:
    return f"{block.display_number} {xml_safe(block.text).strip()}"


def figure_caption(block: FrozenBlock) -> str:
    """The figure's own caption (its text). The alt text is not repeated as a caption: screen readers would hear
    it twice, and a re-imported export would turn it into text the figure never had."""
    return _SPACES.sub(" ", xml_safe(block.text)).strip()


def figure_load(block: FrozenBlock) -> Figure | None:
    """The stored image of a figure, or None when it is missing from storage."""
    if not block.image:
        return None
    try:
        with default_storage.open(block.image, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    content_type = mimetypes.guess_type(block.image)[0] or "application/octet-stream"
    return Figure(data=data, content_type=content_type)


def paragraph_html(block: FrozenBlock) -> str:
    """The paragraph's safe HTML (the one Markdown renderer)."""
    return markdown.render(xml_safe(block.text))


# --- DOCX ------------------------------------------------------------------------------------------------

MAX_PICTURE_WIDTH = Cm(16)
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
INLINE_FORMATS = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "sup": "superscript",
                  "sub": "subscript", "code": "code"}


def render_docx(content: ExportContent) -> bytes:
    word = WordDocument()
    writer = _DocxWriter(word)
    writer.setup(content)
    writer.title_page(content)
    for block in content.blocks:
        writer.block(block)
    output = io.BytesIO()
    word.save(output)
    return output.getvalue()


class _DocxWriter:
    def __init__(self, word):
        self.word = word

    # Page, language, properties and the title page.

    def setup(self, content: ExportContent) -> None:
        section = self.word.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(25))
        self._set_default_language()
        properties = self.word.core_properties
        properties.title = content.title
        properties.language = LANGUAGE
        properties.author = content.municipality
        properties.subject = content.version_line
        properties.keywords = "strategia rozwoju gminy"
        section.different_first_page_header_footer = True
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{content.title} · {content.version_line} · strona ")
        _add_field(footer, "PAGE")

    def _set_default_language(self) -> None:
        """Polish proofing for every style (docDefaults), so Word does not spell-check the text as English."""
        styles = self.word.styles.element
        doc_defaults = styles.find(qn("w:docDefaults"))
        r_pr = doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), LANGUAGE)

    def title_page(self, content: ExportContent) -> None:
        if content.is_sample:
            note = self.word.add_paragraph()
            note.add_run(SAMPLE_NOTE).bold = True
        self.word.add_paragraph(content.municipality, style="Subtitle")
        self.word.add_paragraph(content.title, style="Title")
        self.word.add_paragraph(content.version_line, style="Subtitle")
        if content.dated:
            self.word.add_paragraph(content.dated)
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Blocks.

    def block(self, block: FrozenBlock) -> None:
        if block.is_heading:
            self.word.add_heading(heading_text(block), level=min(max(block.level, 1), 3))
        elif block.kind == BlockKind.FIGURE:
            self.figure(block)
        else:
            self.markdown(paragraph_html(block), number=block.display_number)

    def figure(self, block: FrozenBlock) -> None:
        figure = figure_load(block)
        alt = _SPACES.sub(" ", xml_safe(block.alt_text)).strip()
        picture = self._picture(figure) if figure else None
        if picture is None:
            paragraph = self.word.add_paragraph()
            self._number(paragraph, block.display_number)
            paragraph.add_run(MISSING_FIGURE.format(alt=alt))
            return
        paragraph, shape = picture
        # The text alternative that screen readers announce (Word's "Alt Text", wp:docPr/@descr).
        shape._inline.docPr.set("descr", alt)
        shape._inline.docPr.set("title", f"Rysunek {block.display_number}")
        paragraph.paragraph_format.keep_with_next = True
        caption = self.word.add_paragraph(style="Caption")
        self._number(caption, block.display_number)
        caption.add_run(figure_caption(block))

    def _picture(self, figure: Figure):
        paragraph = self.word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        try:
            shape = run.add_picture(io.BytesIO(figure.data))
        except (UnrecognizedImageError, ValueError, ZeroDivisionError):
            png = _as_png(figure.data)
            if png is None:
                paragraph._p.getparent().remove(paragraph._p)
                return None
            shape = run.add_picture(io.BytesIO(png))
        if shape.width > MAX_PICTURE_WIDTH:
            shape.height = int(shape.height * MAX_PICTURE_WIDTH / shape.width)
            shape.width = MAX_PICTURE_WIDTH
        return paragraph, shape

    def _number(self, paragraph, number: str) -> None:
        paragraph.add_run(number).bold = True
        paragraph.add_run(" ")

    def markdown(self, html: str, *, number: str) -> None:
        """The safe HTML of one paragraph; its display number leads the first Word paragraph."""
        if not html.strip():
            self.word.add_paragraph().add_run(number).bold = True
            return
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        pending = number
        if (root.text or "").strip():
            paragraph = self.word.add_paragraph()
            self._number(paragraph, pending)
            pending = ""
            self._runs(paragraph, root.text, frozenset())
        for element in root:
            tag = element.tag
            if tag in {"ul", "ol", "table"} and pending:
                paragraph = self.word.add_paragraph()
                paragraph.add_run(pending).bold = True
                paragraph.paragraph_format.keep_with_next = True
                pending = ""
            if tag in {"ul", "ol"}:
                self.list(element, level=1)
            elif tag == "table":
                self.table(element, number=number)
            elif tag == "blockquote":
                for index, child in enumerate(element.iter("p")):
                    paragraph = self.word.add_paragraph(style="Quote")
                    if pending and index == 0:
                        self._number(paragraph, pending)
                        pending = ""
                    self.inline(paragraph, child)
            else:
                paragraph = self.word.add_paragraph()
                if pending:
                    self._number(paragraph, pending)
                    pending = ""
                self.inline(paragraph, element)
        if pending:
            self.word.add_paragraph().add_run(pending).bold = True

    def list(self, element, *, level: int) -> None:
        ordered = element.tag == "ol"
        style = ("List Number" if ordered else "List Bullet") + ("" if level == 1 else f" {level}")
        num_id = self._restart_numbering(style, int(element.get("start") or 1)) if ordered else None
        for item in element.findall("li"):
            paragraph = self.word.add_paragraph(style=style)
            if num_id is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
            nested = []
            if item.text:
                self._runs(paragraph, item.text, frozenset())
            for child in item:
                if child.tag in {"ul", "ol"}:
                    nested.append(child)
                elif child.tag == "p":
                    if paragraph.text.strip():
                        paragraph.add_run().add_break()
                    self.inline(paragraph, child)
                else:
                    self._inline_element(paragraph, child, frozenset())
                if child.tail:
                    self._runs(paragraph, child.tail, frozenset())
            _trim(paragraph)
            for child in nested:
                self.list(child, level=min(level + 1, 3))

    def _restart_numbering(self, style_name: str, start: int) -> int | None:
        """A new Word list instance of the style's numbering, so every Markdown list starts again at 1."""
        style = self.word.styles[style_name].element
        num_pr = style.pPr.numPr if style.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None
        numbering = self.word.part.numbering_part.numbering_definitions._numbering
        abstract_id = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num.numId

    def table(self, element, *, number: str) -> None:
        rows = []
        for row in element.iter("tr"):
            cells = [cell for cell in row if cell.tag in {"th", "td"}]
            header = row.getparent().tag == "thead" or (cells and all(cell.tag == "th" for cell in cells))
            rows.append((cells, header))
        columns = max((len(cells) for cells, _header in rows), default=0)
        if not columns:
            return
        table = self.word.add_table(rows=len(rows), cols=columns)
        table.style = self.word.styles["Table Grid"]
        _table_caption(table, f"Tabela {number}")
        for row_index, (cells, header) in enumerate(rows):
            word_row = table.rows[row_index]
            if header:
                # Repeat the header row on every page; screen readers also take it as the column headers.
                marker = OxmlElement("w:tblHeader")
                marker.set(qn("w:val"), "true")
                word_row._tr.get_or_add_trPr().append(marker)
            for column, cell in enumerate(cells):
                paragraph = word_row.cells[column].paragraphs[0]
                self.inline(paragraph, cell, frozenset({"bold"}) if header or cell.tag == "th" else frozenset())
        self.word.add_paragraph()

    # Inline content.

    def inline(self, paragraph, element, formats_: frozenset = frozenset()) -> None:
        if element.text:
            self._runs(paragraph, element.text, formats_)
        for child in element:
            self._inline_element(paragraph, child, formats_)
            if child.tail:
                self._runs(paragraph, child.tail, formats_)
        _trim(paragraph)

    def _inline_element(self, paragraph, element, formats_: frozenset) -> None:
        tag = element.tag
        if tag == "br":
            paragraph.add_run().add_break()
        elif tag == "a":
            self._link(paragraph, element, formats_)
        elif tag in {"ul", "ol", "table"}:
            return
        else:
            inner = formats_ | ({INLINE_FORMATS[tag]} if tag in INLINE_FORMATS else set())
            if element.text:
                self._runs(paragraph, element.text, inner)
            for child in element:
                self._inline_element(paragraph, child, inner)
                if child.tail:
                    self._runs(paragraph, child.tail, inner)

    def _runs(self, paragraph, text: str, formats_: frozenset):
        text = _SPACES.sub(" ", xml_safe(text))
        if not text:
            return None
        run = paragraph.add_run(text)
        _apply(run, formats_)
        return run

    def _link(self, paragraph, element, formats_: frozenset) -> None:
        """A real hyperlink (w:hyperlink), underlined, so it is announced and clickable in Word."""
        href = element.get("href") or ""
        text = _SPACES.sub(" ", xml_safe(element.text_content()))
        if not href:
            self._runs(paragraph, text, formats_)
            return
        r_id = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), r_id)
        run = paragraph.add_run(text)
        _apply(run, formats_)
        run.font.underline = True
        run.font.color.rgb = LINK_COLOUR
        run._r.getparent().remove(run._r)
        hyperlink.append(run._r)
        paragraph._p.append(hyperlink)


def _apply(run, formats_: frozenset) -> None:
    if "bold" in formats_:
        run.bold = True
    if "italic" in formats_:
        run.italic = True
    if "superscript" in formats_:
        run.font.superscript = True
    if "subscript" in formats_:
        run.font.subscript = True
    if "code" in formats_:
        run.font.name = "Courier New"


def _trim(paragraph) -> None:
    """HTML whitespace rules: no space at the start or end of a paragraph (the number's own space stays)."""
    runs = [run for run in paragraph.runs if run.text]
    if not runs:
        return
    content = runs[2:] if len(runs) >= 2 and runs[0].bold and runs[1].text == " " and _is_number(runs[0].text) \
        else runs
    if content:
        content[0].text = content[0].text.lstrip()
        content[-1].text = content[-1].text.rstrip()


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d+(\.\d+)*", text))


def _add_field(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(end)


def _table_caption(table, caption: str) -> None:
    """Word's table "Alt Text" title (w:tblCaption), read by screen readers before the table."""
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    table._tbl.tblPr.append(element)


def _as_png(data: bytes) -> bytes | None:
    """A format python-docx cannot embed (e.g. WebP) converted to PNG; None when Pillow cannot read it."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            output = io.BytesIO()
            image.save(output, format="PNG")
            return output.getvalue()
    except (UnidentifiedImageError, OSError, ValueError):
        return None

