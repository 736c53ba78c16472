"""The accessible PDF (PDF/UA-1) of a frozen version: an HTML page rendered by WeasyPrint.

The HTML (``documents/export/pdf.html``) has ``lang="pl"`` and a ``<title>``, a table of contents linking to each
chapter, chapters as h1–h3 (WeasyPrint makes the bookmarks from them), every paragraph led by its display number,
tables with header cells and figures with their text alternative. ``pdf_variant="pdf/ua-1"`` writes the tag tree,
the document language and the title shown in the viewer's title bar. The font is DejaVu Sans (Polish glyphs), set
also in the page-margin boxes, which do not inherit it. Only ``data:`` URLs are fetched: figures are embedded from
storage, so rendering never reaches the network or the file system beyond them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from strategia.documents.enums import BlockKind
from strategia.documents.exports import (
    ExportContent,
    figure_caption,
    figure_load,
    paragraph_html,
    xml_safe,
)
from strategia.documents.models import FrozenBlock

STYLESHEET = "css/document-print.css"


@dataclass(frozen=True)
class PrintBlock:
    kind: str  # "heading", "paragraph" or "figure"
    anchor: str
    number: str
    level: int = 0
    text: str = ""
    html: SafeString | str = ""
    image_src: str = ""
    alt: str = ""
    caption: str = ""


def _print_block(block: FrozenBlock) -> PrintBlock:
    if block.is_heading:
        return PrintBlock("heading", block.anchor, block.display_number, level=min(max(block.level, 1), 3),
                          text=xml_safe(block.text).strip())
    if block.kind == BlockKind.FIGURE:
        figure = figure_load(block)
        return PrintBlock("figure", block.anchor, block.display_number, image_src=figure.data_uri if figure else "",
                          alt=xml_safe(block.alt_text).strip(), caption=figure_caption(block))
    return PrintBlock("paragraph", block.anchor, block.display_number, html=_numbered(paragraph_html(block),
                                                                                      block.display_number))


def _numbered(html: str, number: str) -> SafeString:
    """The display number leads the paragraph's first line; a list or table gets it on a line of its own."""
    label = f'<span class="number">{escape(number)}</span> '
    # ``html`` comes sanitised from the Markdown renderer and the number is escaped.
    if html.startswith("<p>"):
        return mark_safe("<p>" + label + html[len("<p>"):])
    return mark_safe(f'<p class="number-line">{label}</p>' + html)


def pdf_html(content: ExportContent) -> str:
    return render_to_string("documents/export/pdf.html", {
        "content": content,
        "blocks": [_print_block(block) for block in content.blocks],
        "headings": [_print_block(block) for block in content.headings],
    })


def render_pdf(content: ExportContent) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    path = finders.find(STYLESHEET)
    with open(path, encoding="utf-8") as handle:
        stylesheet = CSS(string=handle.read())
    html = HTML(string=pdf_html(content), url_fetcher=URLFetcher(allowed_protocols={"data"}))
    return html.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")
