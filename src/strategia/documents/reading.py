"""The public reading view of a frozen version, built from its ``FrozenBlock`` rows.

One query reads the blocks whatever the length of the document; everything else (the table of contents, the
rendered HTML, the in-document search) is computed from those rows in Python. Search works without JavaScript:
the server marks the matches with ``<mark>`` in the text nodes of the already escaped and sanitised HTML, so
what a visitor searches for can never become markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from strategia.documents import markdown
from strategia.documents.enums import BlockKind
from strategia.documents.models import Document, DocumentVersion, FrozenBlock
from strategia.documents.selectors import blocks_for_version

MAX_QUERY_LENGTH = 200
EXCERPT_RADIUS = 60

# A tag of the sanitised HTML (quoted attribute values may contain ">"), a word, or a run of white space.
TAG_RE = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
TOKEN_RE = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>|[^\s<]+|\s+""")


# --- public versions ---------------------------------------------------------------------------------------


def documents_public(*, process) -> list[Document]:
    """The process's documents that have at least one frozen (public) version, each with
    ``public_versions`` newest first. Two queries."""
    frozen = DocumentVersion.objects.exclude(frozen_at=None).order_by("-number")
    documents = list(Document.objects.filter(process=process, versions__frozen_at__isnull=False).distinct()
                     .order_by("kind", "id")
                     .prefetch_related(Prefetch("versions", queryset=frozen, to_attr="public_versions")))
    for document in documents:
        document.process = process
        for version in document.public_versions:
            version.document = document
    return documents


def versions_public(*, document: Document) -> list[DocumentVersion]:
    """The frozen versions of a document, newest first (one query). Working versions are never public."""
    versions = list(DocumentVersion.objects.filter(document=document).exclude(frozen_at=None).order_by("-number"))
    for version in versions:
        version.document = document
    return versions


def version_pick(*, versions: list[DocumentVersion], number) -> DocumentVersion:
    """The version numbered ``number`` among ``versions`` (as given in a URL or a query string), else 404."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        raise Http404 from None
    for version in versions:
        if version.number == number:
            return version
    raise Http404


# --- rendering one block -------------------------------------------------------------------------------------


def image_url(block: FrozenBlock) -> str:
    return default_storage.url(block.image) if block.image else ""


def wrap_tables(rendered: str, *, number: str) -> str:
    """Every table scrolls sideways in its own focusable, named region, so the page itself never does (320 px).
    The sanitiser lets ``<table>`` through without attributes, so the literal tag is the whole match."""
    label = escape(_("Table in point %(number)s") % {"number": number})
    opening = f'<div class="table-wrap" role="region" tabindex="0" aria-label="{label}"><table>'
    return rendered.replace("<table>", opening).replace("</table>", "</table></div>")


def block_html(block: FrozenBlock) -> SafeString:
    """The block's content as safe HTML: a heading's escaped title, a figure's caption, or the paragraph's
    sanitised Markdown (tables wrapped)."""
    if block.is_heading:
        return escape(block.text)
    if block.kind == BlockKind.FIGURE:
        return mark_safe(markdown.render(block.text)) if block.text.strip() else SafeString("")  # noqa: S308
    return mark_safe(wrap_tables(markdown.render(block.text), number=block.display_number))  # noqa: S308


def heading_tag(level: int) -> str:
    """Chapters of levels 1–3 are h2–h4 (the document's title is the page's h1)."""
    return f"h{min(max(level, 1), 3) + 1}"


# --- search --------------------------------------------------------------------------------------------------


def query_normalise(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def _pattern(query: str) -> re.Pattern:
    return re.compile(re.escape(query), re.IGNORECASE)


def _mark_plain(text: str, pattern: re.Pattern) -> str:
    """Plain text → escaped HTML with every match in ``<mark>`` (escape first, then highlight)."""
    out, position = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[position:match.start()], quote=False))
        out.append(f"<mark>{html.escape(match.group(), quote=False)}</mark>")
        position = match.end()
    out.append(html.escape(text[position:], quote=False))
    return "".join(out)


def highlight(rendered: str, query: str) -> str:
    """Mark the matches of ``query`` in the text between the tags of safe HTML; tags and attributes are left
    alone. Each text run is unescaped, searched, and escaped again piece by piece."""
    if not query:
        return rendered
    pattern = _pattern(query)
    out, position = [], 0

    def text_run(segment: str) -> str:
        plain = html.unescape(segment)
        return _mark_plain(plain, pattern) if pattern.search(plain) else segment

    for tag in TAG_RE.finditer(rendered):
        out.append(text_run(rendered[position:tag.start()]))
        out.append(tag.group())
        position = tag.end()
    out.append(text_run(rendered[position:]))
    return "".join(out)


def visible_text(rendered: str) -> str:
    """What a reader sees of safe HTML: the text between the tags, unescaped, white space collapsed."""
    return " ".join(html.unescape(TAG_RE.sub(" ", rendered)).split())


def _excerpt(text: str, query: str) -> SafeString:
    match = _pattern(query).search(text)
    if match is None:
        return SafeString("")
    start, end = max(match.start() - EXCERPT_RADIUS, 0), min(match.end() + EXCERPT_RADIUS, len(text))
    snippet = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return mark_safe(_mark_plain(snippet, _pattern(query)))  # noqa: S308 - escaped by _mark_plain


# --- the reading view ----------------------------------------------------------------------------------------


@dataclass
class ReadingBlock:
    block: FrozenBlock
    html: SafeString
    image_url: str = ""
    matches: int = 0
    excerpt: SafeString = field(default_factory=SafeString)
    remark_count: int = 0  # remarks published on this block during the consultation, or answered after it

    @property
    def heading_tag(self) -> str:
        return heading_tag(self.block.level)


@dataclass
class TocEntry:
    block: FrozenBlock
    children: list[TocEntry] = field(default_factory=list)


@dataclass
class Reading:
    version: DocumentVersion
    items: list[ReadingBlock]
    toc: list[TocEntry]
    query: str = ""
    results: list[ReadingBlock] = field(default_factory=list)

    @property
    def result_count(self) -> int:
        return len(self.results)


def toc_build(blocks: list[FrozenBlock]) -> list[TocEntry]:
    """Nested entries (levels 1–3) from the heading rows in reading order."""
    root: list[TocEntry] = []
    stack: list[TocEntry] = []
    for block in blocks:
        if not block.is_heading:
            continue
        entry = TocEntry(block)
        while stack and stack[-1].block.level >= block.level:
            stack.pop()
        (stack[-1].children if stack else root).append(entry)
        stack.append(entry)
    return root


def reading_for_version(*, version: DocumentVersion, query: str = "") -> Reading:
    """Everything the reading view shows, from one query. With ``query`` the matching blocks are marked and
    listed (``results``, in reading order); the whole document is still returned."""
    blocks = blocks_for_version(version=version)
    query = query_normalise(query)
    items: list[ReadingBlock] = []
    results: list[ReadingBlock] = []
    for block in blocks:
        rendered = block_html(block)
        item = ReadingBlock(block=block, html=rendered, image_url=image_url(block))
        if query:
            text = visible_text(rendered)
            item.matches = len(_pattern(query).findall(text))
            if item.matches:
                item.html = mark_safe(highlight(rendered, query))  # noqa: S308 - tags kept, text re-escaped
                item.excerpt = _excerpt(text, query)
                results.append(item)
        items.append(item)
    return Reading(version=version, items=items, toc=toc_build(blocks), query=query, results=results)
