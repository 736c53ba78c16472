from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CommentState(models.TextChoices):
    # "comment" context: Polish agrees with "komentarz" (masculine).
    PUBLISHED = "published", pgettext_lazy("comment", "published")
    HIDDEN = "hidden", pgettext_lazy("comment", "hidden")


class FlagReason(models.TextChoices):
    OFFENSIVE = "offensive", _("offensive or insulting")
    PERSONAL_DATA = "personal_data", _("reveals someone's personal data")
    SPAM = "spam", _("spam or advertising")
    OFF_TOPIC = "off_topic", _("off topic")
    OTHER = "other", _("other")
