"""Back-office forms of the call for ideas: the call's settings, a new theme, the register's filters (GET),
hiding with a reason the author is told, merging into another idea, and a status change with its public
justification (one idea or a batch)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.core.forms import StrategiaForm
from strategia.proposals.enums import Channel, ForwardTarget, HideReason, Moderation, ModerationMode, Status
from strategia.proposals.staff_selectors import HELD, MERGED, localities

ALL = [("", _("all"))]
NEW_STATUSES = [(value, label) for value, label in Status.choices if value != Status.SUBMITTED]


class CallForm(StrategiaForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    intro = forms.CharField(label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
                            help_text=_("What the call is for and what kind of ideas are welcome."))
    after_close_text = forms.CharField(
        label=_("What comes next"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown when the call is closed: what happens to the ideas and when answers are expected."))
    moderation_mode = forms.ChoiceField(label=_("Moderation"), choices=ModerationMode.choices,
                                        widget=forms.RadioSelect, initial=ModerationMode.PRE)


class ThemeForm(StrategiaForm):
    name = forms.CharField(label=_("Name of the theme"), max_length=200,
                           help_text=_("e.g. a preliminary development goal."))


class RegisterFilterForm(StrategiaForm):
    """The register's filters, read from the query string (a filtered register can be bookmarked)."""

    q = forms.CharField(label=_("Text"), required=False, max_length=200,
                        help_text=_("Searches titles and descriptions; endings and Polish letters do not matter."))
    moderacja = forms.ChoiceField(label=_("Moderation"), required=False, choices=[
        *ALL, *Moderation.choices, (HELD, _("held for review")), (MERGED, _("merged"))])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[*ALL, *Status.choices])
    temat = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    miejscowosc = forms.TypedChoiceField(label=_("Locality"), required=False, coerce=int, empty_value=None)
    kanal = forms.ChoiceField(label=_("Channel"), required=False, choices=[*ALL, *Channel.choices])

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["temat"].choices = [*ALL, *[(t.pk, t.name) for t in call.themes.all()]]
        self.fields["miejscowosc"].choices = [
            *ALL, *[(u.pk, u.name) for u in localities(municipality=call.process.municipality)]]

    def filters(self) -> dict:
        """The selector's filters; an invalid form filters nothing (its errors are shown)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"text": data["q"], "moderation": data["moderacja"], "status": data["status"],
                "theme": data["temat"], "locality": data["miejscowosc"], "channel": data["kanal"]}


class HideForm(StrategiaForm):
    reason = forms.ChoiceField(label=_("Reason for hiding"), choices=[("", "—"), *HideReason.choices],
                               error_messages={"required": _("Choose the reason for hiding.")})
    explanation = forms.CharField(
        label=_("Explanation for the author"), widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please explain to the author why the idea is hidden.")},
        help_text=_("The author receives it by e-mail (when an address is known) and sees it on the tracking "
                    "page."))


class MergeSearchForm(StrategiaForm):
    q = forms.CharField(label=_("Find the idea to keep"), required=False, max_length=200,
                        help_text=_("A word of its title or description, or leave empty to list all."))


class MergeForm(StrategiaForm):
    kept = forms.ModelChoiceField(label=_("Idea to keep"), queryset=None, empty_label="—",
                                  error_messages={"required": _("Choose the idea this one duplicates.")},
                                  help_text=_("This idea will point to the one kept; its supports move there, and "
                                              "a person who supported both counts once."))

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].queryset = candidates
        self.fields["kept"].label_from_instance = lambda p: f"{p.number}. {p.title}"


class StatusForm(StrategiaForm):
    """A new status with the public justification; forwarding says where to."""

    to_status = forms.ChoiceField(label=_("New status"), choices=NEW_STATUSES, widget=forms.RadioSelect,
                                  error_messages={"required": _("Choose the new status.")})
    justification = forms.CharField(
        label=_("Public justification"), widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Every change is explained to the author and the public: please write the "
                                      "justification.")},
        help_text=_("Published with the idea and e-mailed to its author."))
    forward_target = forms.ChoiceField(label=_("Forwarded to"), required=False,
                                       choices=[("", "—"), *ForwardTarget.choices],
                                       help_text=_("Only when the new status is “forwarded”."))
    forwarded_to = forms.CharField(label=_("Name of the team or department"), required=False, max_length=200,
                                   help_text=_("e.g. Zespół ds. środowiska, Wydział Infrastruktury."))

    def clean(self):
        data = super().clean()
        if data.get("to_status") == Status.FORWARDED:
            target = data.get("forward_target")
            if not target:
                self.add_error("forward_target", _("Say where the idea is forwarded."))
            elif target != ForwardTarget.DIAGNOSIS and not (data.get("forwarded_to") or "").strip():
                self.add_error("forwarded_to", _("Name the team or the department."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        forwarded = data["to_status"] == Status.FORWARDED
        return {"to_status": data["to_status"], "justification": data["justification"],
                "forward_target": data["forward_target"] if forwarded else "",
                "forwarded_to": data["forwarded_to"] if forwarded else ""}
