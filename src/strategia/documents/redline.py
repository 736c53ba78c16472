"""The redline: what changed between two frozen versions, block by block, matched by uid.

* **added** – the uid is only in the new version; **removed** – only in the old one;
* **changed** – same uid, different content: the text is shown as a word-level diff (``<del>``/``<ins>``, each
  with a visually hidden "removed:" / "added:" so a screen reader says what it is);
* **moved** – same uid, but its place among the blocks both versions share changed. The order of the common
  uids is compared with a longest increasing subsequence: the blocks outside it are the ones that moved. A
  paragraph now in another chapter, or a chapter now at another level, has moved too;
* **renumbered** – only the display number changed (something was inserted or removed before it): not a change
  of content, shown as a note;
* **override** – the new block is generated content changed by staff; it is marked.

Two queries (the rows of each version), whatever the length.
"""

from __future__ import annotations

import bisect
import uuid
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from strategia.documents import markdown
from strategia.documents.enums import BlockKind, BlockSource
from strategia.documents.models import DocumentVersion, FrozenBlock
from strategia.documents.reading import TOKEN_RE, block_html, heading_tag, image_url, wrap_tables

CHANGE_KINDS = ("added", "removed", "changed", "moved")


@dataclass
class RedlineEntry:
    old: FrozenBlock | None
    new: FrozenBlock | None
    changed: bool = False
    moved: bool = False
    html: SafeString = field(default_factory=SafeString)

    @property
    def block(self) -> FrozenBlock:
        return self.new if self.new is not None else self.old

    @property
    def added(self) -> bool:
        return self.old is None

    @property
    def removed(self) -> bool:
        return self.new is None

    @property
    def renumbered(self) -> bool:
        """The number changed while the block stayed in its place (something before it was added or removed)."""
        return (self.old is not None and self.new is not None and not self.moved
                and self.old.display_number != self.new.display_number)

    @property
    def override(self) -> bool:
        return self.new is not None and self.new.source == BlockSource.OVERRIDE

    @property
    def became_override(self) -> bool:
        return self.override and (self.old is None or self.old.source != BlockSource.OVERRIDE)

    @property
    def is_change(self) -> bool:
        return self.added or self.removed or self.changed or self.moved or self.became_override

    @property
    def status(self) -> str:
        """The main kind, for styling: added, removed, changed, moved or unchanged."""
        for kind in CHANGE_KINDS:
            if getattr(self, kind):
                return kind
        return "unchanged"

    @property
    def is_heading(self) -> bool:
        return self.block.is_heading

    @property
    def heading_tag(self) -> str:
        return heading_tag(self.block.level)

    @property
    def anchor(self) -> str:
        # A removed block's old number may belong to another block of the new version.
        return self.new.anchor if self.new is not None else f"usunieto-{self.old.anchor}"

    @property
    def image_url(self) -> str:
        return image_url(self.block)


@dataclass
class Redline:
    old: DocumentVersion
    new: DocumentVersion
    entries: list[RedlineEntry]

    @property
    def same_version(self) -> bool:
        return self.old.pk == self.new.pk

    @property
    def changes(self) -> list[RedlineEntry]:
        return [entry for entry in self.entries if entry.is_change]

    @property
    def renumbered_only(self) -> list[RedlineEntry]:
        return [entry for entry in self.entries if entry.renumbered and not entry.is_change]

    @property
    def counts(self) -> dict[str, int]:
        counts = {kind: sum(1 for entry in self.entries if getattr(entry, kind)) for kind in CHANGE_KINDS}
        counts["override"] = sum(1 for entry in self.entries if entry.is_change and entry.override)
        counts["renumbered"] = len(self.renumbered_only)
        return counts

    @property
    def has_changes(self) -> bool:
        return any(entry.is_change for entry in self.entries)


# --- matching ------------------------------------------------------------------------------------------------


def longest_increasing_subsequence(values: list[int]) -> set[int]:
    """Indices (into ``values``) of one longest strictly increasing subsequence. O(n log n)."""
    tails: list[int] = []  # tails[k]: the smallest last value of an increasing run of length k+1
    tail_index: list[int] = []  # index in values of that last value
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[k] = value
            tail_index[k] = index
        previous[index] = tail_index[k - 1] if k else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


def _moved_uids(old_blocks: list[FrozenBlock], new_blocks: list[FrozenBlock],
                old_by_uid: dict[uuid.UUID, FrozenBlock]) -> set[uuid.UUID]:
    common = [block for block in new_blocks if block.uid in old_by_uid]
    moved: set[uuid.UUID] = set()
    for block in common:
        before = old_by_uid[block.uid]
        if block.is_heading and block.level != before.level:
            moved.add(block.uid)  # a chapter now one level up or down
        elif not block.is_heading and block.chapter_uid != before.chapter_uid:
            moved.add(block.uid)  # a paragraph now in another chapter
    rest = [block for block in common if block.uid not in moved]
    old_position = {block.uid: index for index, block in enumerate(old_blocks)}
    kept = longest_increasing_subsequence([old_position[block.uid] for block in rest])
    moved.update(block.uid for index, block in enumerate(rest) if index not in kept)
    return moved


def _content_differs(old: FrozenBlock, new: FrozenBlock) -> bool:
    return (old.text != new.text or old.kind != new.kind or old.image != new.image
            or old.alt_text != new.alt_text or old.is_heading != new.is_heading)


# --- word diff -----------------------------------------------------------------------------------------------


def _is_tag(token: str) -> bool:
    return token.startswith("<")


def _del(tokens: list[str]) -> str:
    """Removed words only (the structure shown is the new version's); tags between them become spaces."""
    text = " ".join("".join(" " if _is_tag(token) else token for token in tokens).split())
    if not text:
        return ""
    prefix = escape(_("removed:"))
    return f'<del><span class="visually-hidden">{prefix} </span>{text}</del> '


def _ins(tokens: list[str]) -> str:
    """Inserted tokens: the new tags as they are, each run of words between them in its own ``<ins>``."""
    prefix = escape(_("added:"))
    out, words = [], []

    def flush() -> None:
        text = "".join(words)
        if text.strip():
            stripped = text.rstrip()
            out.append(f'<ins><span class="visually-hidden">{prefix} </span>{stripped}</ins>{text[len(stripped):]}')
        else:
            out.append(text)
        words.clear()

    for token in tokens:
        if _is_tag(token):
            flush()
            out.append(token)
        else:
            words.append(token)
    flush()
    return "".join(out)


def word_diff(old_html: str, new_html: str) -> SafeString:
    """A word-level diff of two pieces of safe HTML, laid out on the new one's structure. Every tag and word in
    the output comes from the (sanitised) inputs; the only markup added is ``<del>``, ``<ins>`` and their
    visually hidden prefixes."""
    old_tokens, new_tokens = TOKEN_RE.findall(old_html), TOKEN_RE.findall(new_html)

    def keys(tokens: list[str]) -> list[str]:
        return [" " if token.isspace() else token for token in tokens]

    matcher = SequenceMatcher(None, keys(old_tokens), keys(new_tokens), autojunk=False)
    out: list[str] = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            out.extend(new_tokens[j1:j2])
            continue
        if operation in ("delete", "replace"):
            out.append(_del(old_tokens[i1:i2]))
        if operation in ("insert", "replace"):
            out.append(_ins(new_tokens[j1:j2]))
    return mark_safe("".join(out))  # noqa: S308 - tokens of sanitised HTML and our own escaped labels


def _diff_html(old: FrozenBlock, new: FrozenBlock) -> SafeString:
    if new.is_heading:
        return word_diff(escape(old.text), escape(new.text))
    if new.kind == BlockKind.FIGURE:
        return word_diff(markdown.render(old.text), markdown.render(new.text))
    diff = word_diff(markdown.render(old.text), markdown.render(new.text))
    return mark_safe(wrap_tables(diff, number=new.display_number))  # noqa: S308 - only wraps tables


# --- the comparison ------------------------------------------------------------------------------------------


def redline_compare(*, old: DocumentVersion, new: DocumentVersion) -> Redline:
    """Compare two frozen versions. Entries follow the new version's reading order; a removed block stands
    after the last block before it that both versions share."""
    old_blocks = list(FrozenBlock.objects.filter(version=old).order_by("position"))
    new_blocks = (old_blocks if new.pk == old.pk
                  else list(FrozenBlock.objects.filter(version=new).order_by("position")))
    old_by_uid = {block.uid: block for block in old_blocks}
    new_uids = {block.uid for block in new_blocks}
    moved = _moved_uids(old_blocks, new_blocks, old_by_uid)

    removed_after: dict[uuid.UUID | None, list[FrozenBlock]] = {}
    last_common: uuid.UUID | None = None
    for block in old_blocks:
        if block.uid in new_uids:
            last_common = block.uid
        else:
            removed_after.setdefault(last_common, []).append(block)

    def removed_entries(after: uuid.UUID | None) -> list[RedlineEntry]:
        return [RedlineEntry(old=block, new=None, html=block_html(block)) for block in removed_after.get(after, [])]

    entries = removed_entries(None)
    for block in new_blocks:
        before = old_by_uid.get(block.uid)
        entry = RedlineEntry(old=before, new=block, moved=block.uid in moved)
        if before is not None and _content_differs(before, block):
            entry.changed = True
            entry.html = _diff_html(before, block)
        else:
            entry.html = block_html(block)
        entries.append(entry)
        entries.extend(removed_entries(block.uid))
    return Redline(old=old, new=new, entries=entries)
