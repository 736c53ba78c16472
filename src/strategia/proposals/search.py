"""Polish-aware search that behaves the same on PostgreSQL and SQLite.

Neither database ships a Polish stemmer, so words are normalised here, once when an idea is saved
(``Proposal.search_text``) and once for the query: lower case, Polish diacritics folded ("źródło" → "zrodlo"), and
a light suffix stripper that removes the commonest inflectional endings ("drogę", "drogi", "drogami" → "drog").
A query matches when every one of its stems begins a word of the text. It is deliberately simple: no dictionary,
predictable, and good for the acceptance cases of the issue ("drogę" finds "drogi", "zrodlo" finds "źródło").
"""

from __future__ import annotations

import re
import unicodedata

from django.db.models import Q, QuerySet

_FOLD = str.maketrans("ąćęłńóśźż", "acelnoszz")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Longest first; applied once, leaving at least MIN_STEM letters.
_SUFFIXES = sorted({
    "ami", "ach", "owi", "owie", "ego", "emu", "ych", "ymi", "imi", "iej", "ej", "om", "ow", "ie", "ia", "ii",
    "iem", "em", "a", "e", "i", "o", "u", "y",
}, key=len, reverse=True)
MIN_STEM = 3


def fold(text: str) -> str:
    text = (text or "").lower().translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> list[str]:
    return [stem(word) for word in _WORD.findall(fold(text))]


def search_text(*parts: str) -> str:
    """What is stored: the stems of every part, each preceded by a space (so that a query matches word starts)."""
    words = []
    for part in parts:
        words.extend(stems(part))
    return " " + " ".join(dict.fromkeys(words)) if words else ""


def matching(queryset: QuerySet, query: str, field: str = "search_text") -> QuerySet:
    """Narrow ``queryset`` to rows whose text has every stem of ``query`` at the start of a word."""
    condition = Q()
    for word in dict.fromkeys(stems(query)):
        condition &= Q(**{f"{field}__contains": " " + word})
    return queryset.filter(condition)
