from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ModerationMode(models.TextChoices):
    PRE = "pre", _("pre-moderation: ideas appear after staff check them")
    POST = "post", _("post-moderation: ideas appear at once, staff can hide them")


class Moderation(models.TextChoices):
    # "idea" context: Polish agrees with "pomysł" (masculine); the same words for remarks are feminine.
    PENDING = "pending", _("awaiting moderation")
    PUBLISHED = "published", pgettext_lazy("idea", "published")
    HIDDEN = "hidden", pgettext_lazy("idea", "hidden")


class HideReason(models.TextChoices):
    OFFENSIVE = "offensive", _("offensive or insulting content")
    PERSONAL_DATA = "personal_data", _("personal data of other people")
    UNLAWFUL = "unlawful", _("content against the law")
    ADVERTISING = "advertising", _("advertising or spam")
    NOT_AN_IDEA = "not_an_idea", _("not an idea for the strategy (e.g. a complaint to the office)")
    OTHER = "other", _("other reason")


class Status(models.TextChoices):
    """What happened to the idea ("co się stało z moim pomysłem"); every change has a public justification."""

    SUBMITTED = "submitted", _("submitted")
    UNDER_REVIEW = "under_review", _("under review")
    FORWARDED = "forwarded", _("forwarded")
    INCLUDED = "included", _("included in the strategy")
    PARTLY_INCLUDED = "partly_included", _("partly included")
    NOT_INCLUDED = "not_included", _("not included")
    OUT_OF_SCOPE = "out_of_scope", _("outside the strategy's scope")


FINAL_STATUSES = frozenset({Status.INCLUDED, Status.PARTLY_INCLUDED, Status.NOT_INCLUDED, Status.OUT_OF_SCOPE})


class ForwardTarget(models.TextChoices):
    THEMATIC_TEAM = "thematic_team", _("a thematic team")
    DIAGNOSIS = "diagnosis", _("the diagnosis")
    DEPARTMENT = "department", _("the office department responsible")


class Channel(models.TextChoices):
    PLATFORM = "platform", _("form on the platform")
    EMAIL = "email", _("e-mail")
    POST = "post", _("post or in person at the office")
    EDORECZENIA = "edoreczenia", _("e-Doręczenia")
    MEETING = "meeting", _("at a meeting")


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    IMAGE = "image", _("image")
