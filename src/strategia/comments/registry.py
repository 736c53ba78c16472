"""Which objects can be commented on, and which harmonogram activity governs each: comments on a target are open
while that activity runs and close when it ends. An app registers its commentable models in its AppConfig.ready:

    commentable(Proposal, activity=lambda proposal: proposal.call.activity, is_visible=lambda p: p.is_public)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Commentable:
    model: type[models.Model]
    activity: Callable  # target → processes.Activity governing its comments
    is_visible: Callable = lambda target: True  # whether the public may see (and comment on) the target


COMMENTABLE: dict[str, Commentable] = {}


def key_of(model) -> str:
    return model._meta.label_lower


def commentable(model, *, activity: Callable, is_visible: Callable | None = None) -> Commentable:
    entry = Commentable(model=model, activity=activity, is_visible=is_visible or (lambda target: True))
    COMMENTABLE[key_of(model)] = entry
    return entry


def get(model_or_instance) -> Commentable | None:
    model = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    return COMMENTABLE.get(key_of(model))
