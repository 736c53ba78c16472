"""Reading a Word (DOCX) draft into chapters and paragraphs.

``parse_docx(file)`` returns a ``ParsedDocument``: chapters (levels 1–3) from the heading styles, and in each
chapter its paragraphs as the platform keeps them — text in the sanitised Markdown subset (bold and italic from
the runs, every Markdown character of the author's text escaped so it never becomes markup), lists, tables
(Markdown, first row as the header) and figures (image bytes, alt text from the picture's description).
Whatever cannot be mapped is listed in ``report`` with where it was found. Nothing is written to the database
here; ``import_services`` turns a preview into a working version.

Headings are recognised by style name (``Heading 1``–``3``, the Polish ``Nagłówek 1``–``3``), by a style based on
one of them, or by the outline level a style or paragraph declares. ``Title`` gives the document's title.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from lxml import etree

from strategia.core.uploads import MAX_DOCUMENT_BYTES
from strategia.documents.enums import BlockKind

logger = logging.getLogger(__name__)

# Content before the first heading goes into a first chapter with this title (document content, in Polish).
INTRO_TITLE = "Wprowadzenie"
MAX_CHAPTER_LEVEL = 3
MAX_TITLE_LENGTH = 500
MAX_LIST_DEPTH = 3
# A DOCX is a zip: refuse archives that unpack to far more than any real draft (zip bombs).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
EXCERPT_LENGTH = 80

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "o": "urn:schemas-microsoft-com:office:office",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


W_P, W_TBL, W_R, W_T, W_TR, W_TC = (_q(n) for n in ("w:p", "w:tbl", "w:r", "w:t", "w:tr", "w:tc"))
W_VAL = _q("w:val")


# --- what the preview reports ----------------------------------------------------------------------------------

REPORT_MESSAGES = {
    "intro_chapter": _("Text before the first heading was put into a first chapter “%(title)s”."),
    "heading_too_deep": _("A heading of level %(level)s is deeper than the three chapter levels: it was "
                          "imported as a bold paragraph."),
    "heading_level_skipped": _("A heading of level %(level)s follows a heading of level %(previous)s: it was "
                               "imported as level %(used)s."),
    "heading_truncated": _("A heading longer than %(limit)s characters was shortened."),
    "toc_skipped": _("The table of contents was left out: the platform makes its own."),
    "subtitle_skipped": _("The subtitle of the cover page was left out: the document has its own title."),
    "text_box": _("A text box was not imported. Its text: “%(text)s”."),
    "shape": _("A shape or drawing was not imported."),
    "chart": _("A chart was not imported. Add it as an image with a text alternative."),
    "diagram": _("A SmartArt diagram was not imported. Add it as an image with a text alternative, or as text."),
    "embedded_object": _("An embedded object (e.g. a spreadsheet) was not imported."),
    "equation": _("An equation was not imported."),
    "linked_image": _("A picture linked to an outside file (not stored in the document) was not imported."),
    "image_format": _("A picture in a format browsers cannot show (%(format)s) was not imported. Save it as "
                      "PNG or JPEG and add it again."),
    "image_in_table": _("A picture inside a table was not imported."),
    "nested_table": _("A table inside a table was flattened into the text of its cell."),
    "merged_cells": _("The table has merged cells: their content is shown in the first of the merged cells and "
                      "the others are left empty."),
    "cell_paragraphs": _("Some table cells had several paragraphs or a list: they were joined into one line."),
    "footnote": _("A footnote or endnote was not imported. Its text: “%(text)s”."),
    "comment": _("A comment was not imported."),
    "tracked_changes": _("The paragraph has tracked changes: it was imported as if all of them were accepted."),
}


@dataclass
class Location:
    """Where in the Word file: the number of the top-level paragraph or table (1-based), the chapter it falls
    in, and the beginning of its text."""

    block: int
    chapter: str = ""
    excerpt: str = ""


@dataclass
class ReportItem:
    code: str
    location: Location | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return str(REPORT_MESSAGES[self.code]) % self.params if self.params else str(REPORT_MESSAGES[self.code])


@dataclass
class ParsedParagraph:
    """A paragraph of a chapter. ``text`` is Markdown for text, lists and tables. A figure carries its image:
    ``image`` (the bytes, never serialised), ``image_part`` (where it is inside the DOCX, to read it again when
    the preview is applied), ``image_name`` and ``image_sha256``."""

    kind: str
    text: str = ""
    alt_text: str = ""
    image_part: str = ""
    image_name: str = ""
    image_sha256: str = ""
    block: int = 0
    image: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def needs_alt_text(self) -> bool:
        return self.kind == BlockKind.FIGURE and not self.alt_text.strip()


@dataclass
class ParsedChapter:
    title: str
    level: int
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    block: int = 0
    is_intro: bool = False


@dataclass
class ParsedDocument:
    title: str = ""
    chapters: list[ParsedChapter] = field(default_factory=list)
    report: list[ReportItem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "chapters": [
                {"title": c.title, "level": c.level, "block": c.block, "is_intro": c.is_intro,
                 "paragraphs": [{"kind": p.kind, "text": p.text, "alt_text": p.alt_text, "image_part": p.image_part,
                                 "image_name": p.image_name, "image_sha256": p.image_sha256, "block": p.block}
                                for p in c.paragraphs]}
                for c in self.chapters
            ],
            "report": [
                {"code": r.code, "params": r.params,
                 "location": None if r.location is None else {"block": r.location.block,
                                                              "chapter": r.location.chapter,
                                                              "excerpt": r.location.excerpt}}
                for r in self.report
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedDocument:
        return cls(
            title=data.get("title", ""),
            chapters=[
                ParsedChapter(title=c["title"], level=c["level"], block=c.get("block", 0),
                              is_intro=c.get("is_intro", False),
                              paragraphs=[ParsedParagraph(**p) for p in c.get("paragraphs", [])])
                for c in data.get("chapters", [])
            ],
            report=[ReportItem(code=r["code"], params=r.get("params") or {},
                               location=Location(**r["location"]) if r.get("location") else None)
                    for r in data.get("report", []) if r.get("code") in REPORT_MESSAGES],
        )

    def counts(self) -> dict[str, int]:
        paragraphs = [p for c in self.chapters for p in c.paragraphs]
        return {
            "chapters": len(self.chapters),
            "paragraphs": sum(p.kind == BlockKind.TEXT for p in paragraphs),
            "lists": sum(p.kind == BlockKind.LIST for p in paragraphs),
            "tables": sum(p.kind == BlockKind.TABLE for p in paragraphs),
            "figures": sum(p.kind == BlockKind.FIGURE for p in paragraphs),
            "figures_missing_alt": sum(p.needs_alt_text for p in paragraphs),
            "report": len(self.report),
        }

    def figures_missing_alt(self) -> list[tuple[ParsedChapter, ParsedParagraph]]:
        return [(c, p) for c in self.chapters for p in c.paragraphs if p.needs_alt_text]


class DocxImportError(ValidationError):
    """The upload is not a Word document we can read."""


# --- Markdown from the author's text ---------------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_ORDERED_START = re.compile(r"^(\d+)\.")


def escape_inline(text: str) -> str:
    """Backslash-escape the characters that make Markdown markup anywhere in a line. ``<``, ``>`` and ``&`` are
    left alone: the renderer (documents/markdown.py) escapes raw HTML itself."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def _escape_line_start(line: str) -> str:
    """Escape what would start a heading, a list or a rule at the beginning of a line."""
    if line[:1] in {"#", "+", "-"}:
        return "\\" + line
    match = _ORDERED_START.match(line)
    if match:
        return f"{match.group(1)}\\{line[match.end(1):]}"
    return line


def escape_markdown(text: str) -> str:
    """Plain text (one line) → Markdown that renders as exactly that text."""
    return _escape_line_start(escape_inline(" ".join(text.split())))


class Segment(NamedTuple):
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


def _segments_markdown(segments: list[Segment]) -> str:
    groups: list[list] = []
    for segment in segments:
        if not segment.text:
            continue
        if groups and not segment.text.strip():
            groups[-1][0] += segment.text  # whitespace takes no formatting: join it to what precedes
            continue
        style = (segment.bold, segment.italic, segment.href)
        if groups and tuple(groups[-1][1:]) == style:
            groups[-1][0] += segment.text
        else:
            groups.append([segment.text, *style])
    out = []
    for text, bold, italic, href in groups:
        core = text.strip()
        if not core:
            out.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        piece = escape_inline(core)
        if href:
            piece = f"[{piece}]({_safe_url(href)})"
        marker = "***" if bold and italic else "**" if bold else "*" if italic else ""
        out.append(f"{lead}{marker}{piece}{marker}{trail}")
    return "".join(out)


def _safe_url(url: str) -> str:
    return re.sub(r"[\s()<>\\]", lambda m: f"%{ord(m.group(0)):02X}", url.strip())


def segments_to_markdown(segments: list[Segment], *, line_breaks: bool = True) -> str:
    """Runs → one Markdown paragraph. Line breaks inside the paragraph become hard breaks (or spaces in table
    cells); whitespace is collapsed so nothing turns into a code block."""
    lines: list[list[Segment]] = [[]]
    for segment in segments:
        for index, part in enumerate(segment.text.split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append(segment._replace(text=part))
    rendered = [re.sub(r"[ \t]{2,}", " ", _segments_markdown(line)).strip() for line in lines]
    rendered = [line for line in rendered if line]
    if not line_breaks:
        return " ".join(rendered)
    out = ""
    for index, line in enumerate(rendered):
        line = _escape_line_start(line)
        if index:
            # A line of "=" under text would make a heading (setext): keep it on the same line instead.
            out += " " if set(line) <= {"=", " "} else "  \n"
        out += line
    return out


def _plain(segments: list[Segment]) -> str:
    return " ".join("".join(s.text for s in segments).split())


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


# --- styles and numbering ---------------------------------------------------------------------------------------

_HEADING_NAME = re.compile(r"^(?:heading|nagłówek|naglowek)\s*(\d)$")
_TITLE_NAMES = {"title", "tytuł", "tytul"}
_SUBTITLE_NAMES = {"subtitle", "podtytuł", "podtytul"}
_CAPTION_NAMES = {"caption", "legenda"}
_TOC_NAME = re.compile(r"^(?:toc|spis treści|spis tresci)(?:\s*\d+)?$|^(?:toc heading|nagłówek spisu treści)$")
_LIST_NAME = re.compile(r"^(list bullet|list number|lista punktowana|lista numerowana)(?:\s*(\d))?$")


def _toggle(props, tag: str) -> bool | None:
    if props is None:
        return None
    element = props.find(_q(f"w:{tag}"))
    if element is None:
        return None
    return element.get(W_VAL, "true").lower() not in {"0", "false", "off", "none"}


@dataclass
class _Style:
    style_id: str
    name: str
    based_on: str | None
    outline_level: int | None
    num_id: str | None
    ilvl: int
    bold: bool | None
    italic: bool | None


class Role(NamedTuple):
    kind: str  # "body", "heading", "title", "subtitle", "caption", "toc", "list"
    level: int = 0
    ordered: bool = False


class _Styles:
    def __init__(self, document):
        self.by_id: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        root = document.styles.element
        for element in root.findall(_q("w:style")):
            style_id = element.get(_q("w:styleId")) or ""
            name_el, based_el = element.find(_q("w:name")), element.find(_q("w:basedOn"))
            ppr, rpr = element.find(_q("w:pPr")), element.find(_q("w:rPr"))
            num_id, ilvl = _num_pr(ppr)
            self.by_id[style_id] = _Style(
                style_id=style_id,
                name=(name_el.get(W_VAL, "") if name_el is not None else "").strip().casefold(),
                based_on=based_el.get(W_VAL) if based_el is not None else None,
                outline_level=_outline_level(ppr),
                num_id=num_id, ilvl=ilvl or 0,
                bold=_toggle(rpr, "b"), italic=_toggle(rpr, "i"),
            )
            if element.get(_q("w:type")) == "paragraph" and element.get(_q("w:default")) in {"1", "true", "on"}:
                self.default_paragraph = style_id

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = style.based_on

    def role(self, style_id: str | None) -> Role:
        for style in self.chain(style_id or self.default_paragraph):
            if _TOC_NAME.match(style.name):
                return Role("toc")
            if style.name in _TITLE_NAMES:
                return Role("title")
            if style.name in _SUBTITLE_NAMES:
                return Role("subtitle")
            if style.name in _CAPTION_NAMES:
                return Role("caption")
            if match := _HEADING_NAME.match(style.name):
                return Role("heading", int(match.group(1)))
            if match := _LIST_NAME.match(style.name):
                ordered = "number" in match.group(1) or "numerowana" in match.group(1)
                return Role("list", int(match.group(2) or 1) - 1, ordered)
            if style.outline_level is not None:
                return Role("heading", style.outline_level + 1) if style.outline_level < 9 else Role("body")
        return Role("body")

    def numbering(self, style_id: str | None) -> tuple[str | None, int]:
        for style in self.chain(style_id or self.default_paragraph):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, 0

    def run_format(self, style_id: str | None) -> tuple[bool | None, bool | None]:
        bold = italic = None
        for style in self.chain(style_id):
            bold = style.bold if bold is None else bold
            italic = style.italic if italic is None else italic
        return bold, italic


def _num_pr(ppr) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(_q("w:numPr"))
    if num_pr is None:
        return None, None
    num_id, ilvl = num_pr.find(_q("w:numId")), num_pr.find(_q("w:ilvl"))
    return (num_id.get(W_VAL) if num_id is not None else None,
            int(ilvl.get(W_VAL, "0")) if ilvl is not None and ilvl.get(W_VAL, "0").isdigit() else None)


def _outline_level(ppr) -> int | None:
    if ppr is None:
        return None
    element = ppr.find(_q("w:outlineLvl"))
    value = element.get(W_VAL, "") if element is not None else ""
    return int(value) if value.isdigit() else None


class _Numbering:
    """numId + level → the number format ("bullet", "decimal", "none", …) from numbering.xml."""

    def __init__(self, document):
        self.formats: dict[str, dict[int, str]] = {}
        self.overrides: dict[str, dict[int, str]] = {}
        self.abstract_of: dict[str, str] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 — a document without numbering definitions
            return
        for abstract in root.findall(_q("w:abstractNum")):
            self.formats[abstract.get(_q("w:abstractNumId"))] = _level_formats(abstract)
        for num in root.findall(_q("w:num")):
            num_id = num.get(_q("w:numId"))
            abstract_id = num.find(_q("w:abstractNumId"))
            if abstract_id is not None:
                self.abstract_of[num_id] = abstract_id.get(W_VAL)
            overrides = {}
            for override in num.findall(_q("w:lvlOverride")):
                overrides.update(_level_formats(override))
            self.overrides[num_id] = overrides

    def format(self, num_id: str, ilvl: int) -> str | None:
        if ilvl in self.overrides.get(num_id, {}):
            return self.overrides[num_id][ilvl]
        return self.formats.get(self.abstract_of.get(num_id, ""), {}).get(ilvl)


def _level_formats(element) -> dict[int, str]:
    formats = {}
    for lvl in element.findall(_q("w:lvl")):
        fmt = lvl.find(_q("w:numFmt"))
        if fmt is not None and (lvl.get(_q("w:ilvl")) or "").isdigit():
            formats[int(lvl.get(_q("w:ilvl")))] = fmt.get(W_VAL, "decimal")
    return formats


# --- images ------------------------------------------------------------------------------------------------------

_KEEP_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif"}
_CONVERT_FORMATS = {"BMP", "TIFF", "WEBP"}


def figure_image(blob: bytes) -> tuple[bytes, str] | None:
    """The picture as a file browsers show (PNG, JPEG, GIF; BMP/TIFF/WebP converted to PNG) and its extension,
    or None when it is something else (EMF, WMF…) or not a picture at all. Checked by content with Pillow."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(blob)) as image:
            detected = image.format
            image.verify()
        if detected in _KEEP_FORMATS:
            return blob, _KEEP_FORMATS[detected]
        if detected in _CONVERT_FORMATS:
            with Image.open(io.BytesIO(blob)) as image:
                image.load()
                out = io.BytesIO()
                image.save(out, "PNG")
            return out.getvalue(), "png"
    except Exception:  # noqa: BLE001 — any unreadable picture is reported, never fatal
        return None
    return None


def load_figure_images(file, parsed: ParsedDocument) -> dict[str, bytes]:
    """Read the figures' pictures again from the stored DOCX, by their part names."""
    wanted = {p.image_part for c in parsed.chapters for p in c.paragraphs if p.kind == BlockKind.FIGURE}
    images: dict[str, bytes] = {}
    if not wanted:
        return images
    file.open("rb")
    try:
        with zipfile.ZipFile(io.BytesIO(file.read())) as archive:
            for part in wanted:
                try:
                    converted = figure_image(archive.read(part.lstrip("/")))
                except KeyError:
                    continue
                if converted is not None:
                    images[part] = converted[0]
    finally:
        file.close()
    return images


# --- reading the upload ------------------------------------------------------------------------------------------

def _read_upload(file) -> bytes:
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    elif isinstance(file, str):
        with open(file, "rb") as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    else:
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(MAX_DOCUMENT_BYTES + 1)
        if hasattr(file, "seek"):
            file.seek(0)
    return data


def check_docx(data: bytes) -> None:
    """Refuse, with a message for the person uploading, anything that is not a DOCX by its content."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocxImportError(_("The file is too large (at most 20 MB)."), code="too_large")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocxImportError(_("This is an older Word file (.doc). Please save it in Word as .docx and attach "
                                "it again."), code="old_doc")
    not_docx = DocxImportError(_("This file is not a Word document (DOCX). Please attach a .docx file."),
                               code="not_docx")
    if not data.startswith(b"PK\x03\x04"):
        raise not_docx
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError):
        raise not_docx from None
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise not_docx
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocxImportError(_("The file is damaged or unpacks to an unusual size."), code="zip_size")


def parse_docx(file) -> ParsedDocument:
    """Read a DOCX (an uploaded file, a path or bytes). Raises ``DocxImportError`` for anything else."""
    import docx

    data = _read_upload(file)
    check_docx(data)
    damaged = DocxImportError(_("This file is not a Word document (DOCX) or it is damaged. Please attach a .docx "
                                "file saved from Word."), code="damaged")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 — python-docx raises many kinds of errors for damaged files
        raise damaged from None
    try:
        return _Parser(document).parse()
    except Exception:  # noqa: BLE001 — a file we cannot walk is refused with a message, and logged for us
        logger.exception("DOCX import: the parser failed")
        raise damaged from None


# --- the parser --------------------------------------------------------------------------------------------------

@dataclass
class _Inline:
    segments: list[Segment] = field(default_factory=list)
    figures: list[ParsedParagraph] = field(default_factory=list)
    issues: list[tuple[str, dict]] = field(default_factory=list)
    in_table: bool = False

    def issue(self, code: str, **params) -> None:
        if params or (code, params) not in self.issues:
            self.issues.append((code, params))


class _Parser:
    def __init__(self, document):
        self.document = document
        self.part = document.part
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        self.result = ParsedDocument()
        self.block = 0
        self.pending_list: list[tuple[int, bool, str]] = []
        self.pending_list_block = 0
        self.toc_reported = False
        self.previous_heading_level = 0
        self.counters = [0] * MAX_CHAPTER_LEVEL
        self.chapter_number = ""  # display number of the current chapter, as the platform's export prints it
        self.subtitle_reported = False
        self._notes: dict[str, dict[str, str]] = {}

    def parse(self) -> ParsedDocument:
        for element in self._body(self.document.element.body):
            self.block += 1
            if element.tag == W_P:
                self._paragraph(element)
            else:
                self._flush_list()
                self._table(element)
        self._flush_list()
        if not self.result.title:
            self.result.title = (self.document.core_properties.title or "").strip()
        return self.result

    # The body's paragraphs and tables in reading order, looking through content controls.
    def _body(self, container):
        for child in container:
            if child.tag in (W_P, W_TBL):
                yield child
            elif child.tag == _q("w:sdt"):
                gallery = child.find(".//w:sdtPr/w:docPartObj/w:docPartGallery", NS)
                if gallery is not None and "table of contents" in gallery.get(W_VAL, "").lower():
                    self._report_toc()
                    continue
                content = child.find(_q("w:sdtContent"))
                if content is not None:
                    yield from self._body(content)
            elif child.tag == _q("w:customXml"):
                yield from self._body(child)
            elif child.tag == _q("w:altChunk"):
                self._report("embedded_object", self.block + 1)

    # --- reporting
    def _chapter_title(self) -> str:
        return self.result.chapters[-1].title if self.result.chapters else ""

    def _report(self, code: str, block: int, excerpt: str = "", **params) -> None:
        self.result.report.append(ReportItem(code, Location(block, self._chapter_title(), _excerpt(excerpt)),
                                             params))

    def _report_toc(self) -> None:
        if not self.toc_reported:
            self.toc_reported = True
            self.result.report.append(ReportItem("toc_skipped", Location(self.block + 1, self._chapter_title())))

    def _report_issues(self, inline: _Inline, block: int) -> None:
        excerpt = _plain(inline.segments)
        for code, params in inline.issues:
            self._report(code, block, excerpt, **params)

    # --- chapters and paragraphs
    def _current_chapter(self, block: int, excerpt: str) -> ParsedChapter:
        if not self.result.chapters:
            self.result.chapters.append(ParsedChapter(title=INTRO_TITLE, level=1, block=block, is_intro=True))
            self.previous_heading_level = 1
            self._report("intro_chapter", block, excerpt, title=INTRO_TITLE)
        return self.result.chapters[-1]

    def _add(self, paragraph: ParsedParagraph) -> None:
        self._current_chapter(paragraph.block, paragraph.text or paragraph.alt_text).paragraphs.append(paragraph)

    def _add_figures(self, inline: _Inline) -> None:
        for figure in inline.figures:
            self._add(figure)

    def _role(self, p) -> Role:
        ppr = p.find(_q("w:pPr"))
        style_el = ppr.find(_q("w:pStyle")) if ppr is not None else None
        style_id = style_el.get(W_VAL) if style_el is not None else None
        role = self.styles.role(style_id)
        direct_outline = _outline_level(ppr)
        if role.kind == "body" and direct_outline is not None and direct_outline < 9:
            return Role("heading", direct_outline + 1)
        if role.kind in {"heading", "title", "subtitle", "toc"}:
            return role
        num_id, ilvl = _num_pr(ppr)
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            # numId 0 removes the numbering a style would give; a list style without numbering stays a list.
            return role if num_id is None else Role("body")
        fmt = self.numbering.format(num_id, ilvl or 0)
        if fmt == "none":
            return Role("body")
        ordered = role.ordered if fmt is None and role.kind == "list" else fmt not in {None, "bullet"}
        # "List Bullet 2" is a second-level list by its name even when its numbering says level 0.
        return Role("list", max(ilvl or 0, role.level if role.kind == "list" else 0), ordered)

    def _paragraph(self, p) -> None:
        role = self._role(p)
        if role.kind == "toc":
            self._report_toc()
            return
        inline = self._inline(p)
        block = self.block
        if role.kind in {"body", "caption"}:
            self._strip_display_number(inline)
        plain = _plain(inline.segments)
        if role.kind == "list":
            if plain:
                if not self.pending_list:
                    self.pending_list_block = block
                self.pending_list.append((role.level, role.ordered, segments_to_markdown(inline.segments)))
            if inline.figures:
                self._flush_list()
            self._add_figures(inline)
            self._report_issues(inline, block)
            return
        self._flush_list()
        if role.kind == "title" and plain and not self.result.title:
            self.result.title = plain
        elif role.kind == "subtitle" and plain:
            if not self.subtitle_reported:
                self.subtitle_reported = True
                self._report("subtitle_skipped", block, plain)
        elif role.kind == "heading" and plain:
            self._heading(plain, role.level, block)
        elif role.kind == "caption" and plain and not inline.figures and self._caption_target(block):
            self._caption_target(block).text = segments_to_markdown(inline.segments)
        elif plain:
            self._add(ParsedParagraph(kind=BlockKind.TEXT, text=segments_to_markdown(inline.segments), block=block))
        self._add_figures(inline)
        self._report_issues(inline, block)

    def _caption_target(self, block: int) -> ParsedParagraph | None:
        """The figure just before a caption paragraph (Word's Insert Caption, or the platform's export): the
        caption becomes the figure's text."""
        if not self.result.chapters or not self.result.chapters[-1].paragraphs:
            return None
        last = self.result.chapters[-1].paragraphs[-1]
        if last.kind == BlockKind.FIGURE and not last.text and last.block == block - 1:
            return last
        return None

    def _strip_display_number(self, inline: _Inline) -> None:
        """Leave out a paragraph's display number printed by the platform's own DOCX export (a bold "3.2.1" of
        the current chapter at the start), so an exported and edited file comes back without it."""
        if not self.chapter_number:
            return
        first = next((i for i, s in enumerate(inline.segments) if s.text.strip()), None)
        if first is None or not inline.segments[first].bold:
            return
        segment = inline.segments[first]
        pattern = rf"\s*{re.escape(self.chapter_number)}(?:\.0)?\.\d+(?=\s|$)"
        match = re.match(pattern, segment.text)
        if match:
            rest = segment.text[match.end():]
            inline.segments[first: first + 1] = [segment._replace(text=rest)] if rest.strip() else []

    def _heading(self, title: str, level: int, block: int) -> None:
        if level > MAX_CHAPTER_LEVEL:
            self._add(ParsedParagraph(kind=BlockKind.TEXT, text=f"**{escape_markdown(title)}**", block=block))
            self._report("heading_too_deep", block, title, level=level)
            return
        used = min(level, self.previous_heading_level + 1)
        self.counters[used - 1] += 1
        self.counters[used:] = [0] * (MAX_CHAPTER_LEVEL - used)
        self.chapter_number = ".".join(str(n) for n in self.counters[:used])
        # The platform's export prints "2.1 Title": the number is not part of the title.
        numbered = re.match(rf"{re.escape(self.chapter_number)}\.?\s+(?=[^\d\s])", title)
        if numbered:
            title = title[numbered.end():]
        if len(title) > MAX_TITLE_LENGTH:
            title = title[: MAX_TITLE_LENGTH - 1].rstrip() + "…"
            self._report("heading_truncated", block, title, limit=MAX_TITLE_LENGTH)
        self.result.chapters.append(ParsedChapter(title=title, level=used, block=block))
        if used != level:
            self._report("heading_level_skipped", block, title, level=level,
                         previous=self.previous_heading_level, used=used)
        self.previous_heading_level = used

    def _flush_list(self) -> None:
        if not self.pending_list:
            return
        lines: list[str] = []
        counters: dict[int, tuple[bool, int]] = {}
        previous_level, top_ordered = -1, None
        for level, ordered, text in self.pending_list:
            level = max(0, min(level, previous_level + 1, MAX_LIST_DEPTH - 1))
            if level == 0 and top_ordered is not None and ordered != top_ordered:
                lines.append("")  # a bullet list and a numbered list next to each other stay two lists
            counters = {lvl: value for lvl, value in counters.items() if lvl <= level}
            if ordered:
                number = 1
                if level in counters and counters[level][0]:
                    number = counters[level][1] + 1
                counters[level] = (True, number)
                marker = f"{number}. "
            else:
                counters[level] = (False, 0)
                marker = "- "
            indent = "    " * level
            lines.append(indent + marker + text.replace("  \n", "  \n" + indent + "    "))
            previous_level = level
            if level == 0:
                top_ordered = ordered
        self.pending_list = []
        self._add(ParsedParagraph(kind=BlockKind.LIST, text="\n".join(lines), block=self.pending_list_block))

    # --- tables
    def _table(self, tbl) -> None:
        block = self.block
        rows: list[list[str]] = []
        merged = joined = nested = False
        issues = _Inline(in_table=True)
        for tr in tbl.iter(W_TR):
            if _ancestor_table(tr) is not tbl:
                continue
            row: list[str] = []
            tr_pr = tr.find(_q("w:trPr"))
            row.extend([""] * _int_val(tr_pr, "w:gridBefore"))
            for tc in tr.iter(W_TC):
                if _ancestor_row(tc) is not tr:
                    continue  # a cell of a table nested in this row
                tc_pr = tc.find(_q("w:tcPr"))
                span = max(1, _int_val(tc_pr, "w:gridSpan", 1))
                v_merge = tc_pr.find(_q("w:vMerge")) if tc_pr is not None else None
                if v_merge is not None and v_merge.get(W_VAL, "continue") != "restart":
                    merged = True
                    row.extend([""] * span)
                    continue
                merged = merged or span > 1 or v_merge is not None
                texts = []
                for child in tc:
                    if child.tag == W_P:
                        inline = self._inline(child, in_table=True)
                        for issue in inline.issues:
                            if issue not in issues.issues:
                                issues.issues.append(issue)
                        text = segments_to_markdown(inline.segments, line_breaks=False)
                        if text:
                            texts.append(text)
                            joined = joined or self._role(child).kind == "list"
                    elif child.tag == W_TBL:
                        nested = True
                        texts.append(escape_inline(" ".join("".join(child.itertext()).split())))
                joined = joined or len(texts) > 1
                row.append(" ".join(texts))
                row.extend([""] * (span - 1))
            rows.append(row)
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        # A header row is shown bold anyway (and Word documents, ours included, make it bold): bold that covers a
        # whole header cell is presentation, not content, so it is not kept as Markdown.
        rows[0] = [c[2:-2] if len(c) > 4 and c.startswith("**") and c.endswith("**") and "**" not in c[2:-2]
                   else c for c in rows[0]]
        lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(["---"] * width) + " |"]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        self._add(ParsedParagraph(kind=BlockKind.TABLE, text="\n".join(lines), block=block))
        excerpt = " ".join(c for c in rows[0] if c)
        for flag, code in ((merged, "merged_cells"), (joined, "cell_paragraphs"), (nested, "nested_table")):
            if flag:
                self._report(code, block, excerpt)
        for code, params in issues.issues:
            self._report(code, block, excerpt, **params)

    # --- runs
    def _inline(self, p, *, in_table: bool = False) -> _Inline:
        inline = _Inline(in_table=in_table)
        self._walk(p, inline, href="")
        return inline

    def _walk(self, element, inline: _Inline, href: str) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self._run(child, inline, href)
            elif tag == _q("w:hyperlink"):
                self._walk(child, inline, self._hyperlink(child))
            elif tag in (_q("w:ins"), _q("w:moveTo")):
                inline.issue("tracked_changes")
                self._walk(child, inline, href)
            elif tag in (_q("w:del"), _q("w:moveFrom")):
                inline.issue("tracked_changes")
            elif tag in (_q("w:smartTag"), _q("w:customXml"), _q("w:fldSimple"), _q("w:dir"), _q("w:bdo")):
                self._walk(child, inline, href)
            elif tag == _q("w:sdt"):
                content = child.find(_q("w:sdtContent"))
                if content is not None:
                    self._walk(content, inline, href)
            elif tag in (_q("m:oMath"), _q("m:oMathPara")):
                inline.issue("equation")
            elif tag == _q("mc:AlternateContent"):
                choice = child.find(_q("mc:Choice"))
                if choice is not None:
                    self._walk(choice, inline, href)
            elif tag == _q("w:commentRangeStart"):
                inline.issue("comment")

    def _hyperlink(self, element) -> str:
        rel_id = element.get(_q("r:id"))
        if not rel_id:
            return ""
        rel = self.part.rels.get(rel_id)
        if rel is None or not rel.is_external:
            return ""
        url = rel.target_ref or ""
        return url if re.match(r"^(https?://|mailto:)", url, re.IGNORECASE) else ""

    def _run(self, run, inline: _Inline, href: str) -> None:
        rpr = run.find(_q("w:rPr"))
        bold, italic = _toggle(rpr, "b"), _toggle(rpr, "i")
        if bold is None or italic is None:
            style_el = rpr.find(_q("w:rStyle")) if rpr is not None else None
            style_bold, style_italic = self.styles.run_format(style_el.get(W_VAL) if style_el is not None else None)
            bold = style_bold if bold is None else bold
            italic = style_italic if italic is None else italic
        self._run_content(run, inline, Segment("", bool(bold), bool(italic), href))

    def _run_content(self, container, inline: _Inline, style: Segment) -> None:
        for child in container:
            tag = child.tag
            text = None
            if tag == W_T:
                text = child.text or ""
            elif tag in (_q("w:tab"), _q("w:ptab")):
                text = " "
            elif tag == _q("w:br"):
                text = "" if child.get(_q("w:type")) in {"page", "column"} else "\n"
            elif tag == _q("w:cr"):
                text = "\n"
            elif tag == _q("w:noBreakHyphen"):
                text = "-"
            elif tag == _q("w:drawing"):
                self._drawing(child, inline)
            elif tag == _q("w:pict"):
                self._vml(child, inline)
            elif tag == _q("w:object"):
                inline.issue("embedded_object")
            elif tag == _q("mc:AlternateContent"):
                # Word writes a drawing twice (new DrawingML and old VML as a fallback): read the first only.
                choice = child.find(_q("mc:Choice"))
                if choice is not None:
                    self._run_content(choice, inline, style)
            elif tag in (_q("w:footnoteReference"), _q("w:endnoteReference")):
                kind = "footnotes" if tag == _q("w:footnoteReference") else "endnotes"
                inline.issue("footnote", text=_excerpt(self._note_text(kind, child.get(_q("w:id"), ""))))
            elif tag == _q("w:commentReference"):
                inline.issue("comment")
            elif tag == _q("w:delText"):
                inline.issue("tracked_changes")
            if text:
                inline.segments.append(style._replace(text=text))

    def _note_text(self, kind: str, note_id: str) -> str:
        if kind not in self._notes:
            from docx.opc.constants import RELATIONSHIP_TYPE as RT

            reltype = RT.FOOTNOTES if kind == "footnotes" else RT.ENDNOTES
            notes: dict[str, str] = {}
            try:
                part = self.part.part_related_by(reltype)
                blob = part.blob if not hasattr(part, "element") else etree.tostring(part.element)
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                root = etree.fromstring(blob, parser)
                for note in root:
                    notes[note.get(_q("w:id"), "")] = " ".join("".join(
                        t.text or "" for t in note.iter(W_T)).split())
            except Exception:  # noqa: BLE001 — a missing notes part only loses the excerpt
                logger.info("DOCX import: no readable %s part", kind)
            self._notes[kind] = notes
        return self._notes[kind].get(note_id, "")

    # --- pictures and other drawings
    def _drawing(self, drawing, inline: _Inline) -> None:
        container = next((c for c in drawing if c.tag in (_q("wp:inline"), _q("wp:anchor"))), None)
        if container is None:
            return
        graphic = container.find(".//a:graphicData", NS)
        uri = (graphic.get("uri", "") if graphic is not None else "").lower()
        if uri.endswith("/picture"):
            blip = graphic.find(".//a:blip", NS)
            doc_pr = container.find(_q("wp:docPr"))
            alt = ""
            if doc_pr is not None:
                alt = (doc_pr.get("descr") or doc_pr.get("title") or "").strip()
            self._picture(blip.get(_q("r:embed")) if blip is not None else None,
                          linked=blip is not None and bool(blip.get(_q("r:link"))), alt=alt, inline=inline)
        elif uri.endswith("/wordprocessingshape"):
            text_box = graphic.find(".//wps:txbx", NS)
            if text_box is not None:
                inline.issue("text_box", text=_excerpt(" ".join("".join(
                    t.text or "" for t in text_box.iter(W_T)).split())))
            else:
                inline.issue("shape")
        elif "chart" in uri:
            inline.issue("chart")
        elif "diagram" in uri:
            inline.issue("diagram")
        else:
            inline.issue("shape")

    def _vml(self, pict, inline: _Inline) -> None:
        text_box = pict.find(".//v:textbox", NS)
        if text_box is not None:
            inline.issue("text_box", text=_excerpt(" ".join("".join(
                t.text or "" for t in text_box.iter(W_T)).split())))
            return
        image_data = pict.find(".//v:imagedata", NS)
        if image_data is not None and image_data.get(_q("r:id")):
            shape = image_data.getparent()
            alt = (shape.get("alt") or image_data.get(_q("o:title")) or "").strip()
            self._picture(image_data.get(_q("r:id")), linked=False, alt=alt, inline=inline)
            return
        inline.issue("shape")

    def _picture(self, rel_id: str | None, *, linked: bool, alt: str, inline: _Inline) -> None:
        if not rel_id:
            inline.issue("linked_image" if linked else "shape")
            return
        if inline.in_table:
            inline.issue("image_in_table")
            return
        part = self.part.related_parts.get(rel_id)
        blob = getattr(part, "blob", None)
        if not blob:
            inline.issue("linked_image")
            return
        converted = figure_image(blob)
        if converted is None:
            inline.issue("image_format", format=str(getattr(part, "partname", "")).rsplit(".", 1)[-1].upper())
            return
        data, extension = converted
        sha = hashlib.sha256(data).hexdigest()
        inline.figures.append(ParsedParagraph(
            kind=BlockKind.FIGURE, alt_text=" ".join(alt.split()), image_part=str(part.partname),
            image_name=f"{sha[:20]}.{extension}", image_sha256=sha, block=self.block, image=data,
        ))


def _int_val(props, name: str, default: int = 0) -> int:
    if props is None:
        return default
    element = props.find(_q(name))
    value = element.get(W_VAL, "") if element is not None else ""
    return int(value) if value.isdigit() else default


def _ancestor_table(element):
    node = element.getparent()
    while node is not None and node.tag != W_TBL:
        node = node.getparent()
    return node


def _ancestor_row(element):
    node = element.getparent()
    while node is not None and node.tag != W_TR:
        node = node.getparent()
    return node
