"""Forms of the comments: writing (and editing) a comment, reporting one, hiding one (staff). Several forms can be on
one page (the thread's form, a reply form opened in place, a report form): each gets its own id prefix."""

from __future__ import annotations

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from strategia.comments.enums import FlagReason
from strategia.comments.services import MAX_LENGTH
from strategia.core.forms import StrategiaForm

EMPTY_CHOICE = [("", _("– choose –"))]


class CommentForm(StrategiaForm):
    body = forms.CharField(label=_("Your comment"), max_length=MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": _("Please write the comment.")})

    def __init__(self, *args, prefix_id: str = "", label=None, **kwargs):
        if prefix_id:
            kwargs.setdefault("auto_id", f"id_{prefix_id}_%s")
        super().__init__(*args, **kwargs)
        if label:
            self.fields["body"].label = label


class FlagForm(StrategiaForm):
    reason = forms.ChoiceField(label=_("Why should the moderators check this comment?"),
                               choices=EMPTY_CHOICE + list(FlagReason.choices),
                               error_messages={"required": _("Choose why the comment should be checked.")})
    explanation = forms.CharField(label=_("Explanation (optional)"), required=False, max_length=300,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, prefix_id: str = "", **kwargs):
        if prefix_id:
            kwargs.setdefault("auto_id", f"id_{prefix_id}_%s")
        super().__init__(*args, **kwargs)


class HideForm(StrategiaForm):
    reason = forms.ChoiceField(label=_("Reason for hiding"), choices=EMPTY_CHOICE + list(FlagReason.choices),
                               error_messages={"required": _("Choose the reason for hiding.")})
    explanation = forms.CharField(label=_("Explanation (shown with the hidden comment)"), max_length=300,
                                  widget=forms.Textarea(attrs={"rows": 2}),
                                  error_messages={"required": _("Please explain why the comment is hidden.")})

    def __init__(self, *args, prefix_id: str = "", **kwargs):
        if prefix_id:
            kwargs.setdefault("auto_id", f"id_{prefix_id}_%s")
        super().__init__(*args, **kwargs)


def safe_next(request, value: str | None) -> str | None:
    """A same-site path to return to after a form without JavaScript (anything else is ignored)."""
    if value and value.startswith("/") and url_has_allowed_host_and_scheme(
            value, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return value.split("#")[0]
    return None
