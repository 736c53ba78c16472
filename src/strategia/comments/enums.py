from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentState(models.TextChoices):
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden")


class FlagReason(models.TextChoices):
    OFFENSIVE = "offensive", _("offensive or insulting")
    PERSONAL_DATA = "personal_data", _("reveals someone's personal data")
    SPAM = "spam", _("spam or advertising")
    OFF_TOPIC = "off_topic", _("off topic")
    OTHER = "other", _("other")
