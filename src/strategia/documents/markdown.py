"""The sanitised Markdown subset of documents: paragraphs, emphasis, lists, tables, links. Everything else a
person types is escaped. Used by the reading view, the editor's preview and the exports."""

from __future__ import annotations

import threading

import markdown as md
import nh3

_local = threading.local()


def _parser() -> md.Markdown:
    # Building a parser is the costly part; one per thread is reused (reset between documents).
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = md.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    return parser

ALLOWED_TAGS = {"p", "strong", "em", "b", "i", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
                "a", "br", "blockquote", "sup", "sub", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set(), "ol": {"start"}}


def render(text: str) -> str:
    """Markdown → safe HTML. Raw HTML in the source is escaped, not interpreted."""
    html = _parser().reset().convert(_escape_raw_html(text or ""))
    html = html.replace("<th>", '<th scope="col">')
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")


def _escape_raw_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
