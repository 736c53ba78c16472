"""The sanitised Markdown subset of documents: paragraphs, emphasis, lists, tables, links. Everything else a
person types is escaped. Used by the reading view, the editor's preview and the exports."""

from __future__ import annotations

import markdown as md
import nh3

ALLOWED_TAGS = {"p", "strong", "em", "b", "i", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
                "a", "br", "blockquote", "sup", "sub", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set(), "ol": {"start"}}


def render(text: str) -> str:
    """Markdown → safe HTML. Raw HTML in the source is escaped, not interpreted."""
    html = md.markdown(_escape_raw_html(text or ""), extensions=["tables", "sane_lists"], output_format="html")
    html = html.replace("<th>", '<th scope="col">')
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")


def _escape_raw_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
