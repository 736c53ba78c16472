"""Generated chapters: later apps (diagnosis, plan, financial frame) register a function that writes a chapter
from structured data. Staff can override a generated paragraph; the override is marked and shows in the redline.

    @register("plan.goals", label=_("Goals and directions"), statutory_item="strategic_goals")
    def goals_chapter(*, process) -> list[GeneratedParagraph]: ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class GeneratedParagraph:
    key: str  # stable within the generator, so regeneration updates the same paragraph
    text: str
    kind: str = "text"


@dataclass(frozen=True)
class ChapterGenerator:
    key: str
    label: str | Promise
    statutory_item: str
    func: Callable[..., list[GeneratedParagraph]]


GENERATORS: dict[str, ChapterGenerator] = {}


def register(key: str, *, label, statutory_item: str = ""):
    def decorator(func):
        if key in GENERATORS:
            raise ValueError(f"Chapter generator {key!r} registered twice")
        GENERATORS[key] = ChapterGenerator(key, label, statutory_item, func)
        return func

    return decorator
