"""Back-office forms for the register of remarks: the register's filters (GET), hiding a remark with a reason,
the answer (stance, mandatory justification, resulting change, the later version with the change) and the
assignment of remarks to the office's staff."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.consultation.enums import ConsultedDocument, Screening, Stance
from strategia.consultation.review_selectors import (
    ASSIGNED_TO_ANYONE,
    ASSIGNED_TO_ME,
    AWAITING,
    UNASSIGNED,
    later_versions,
    office_staff,
)
from strategia.core.forms import StrategiaForm

JUSTIFICATION_REQUIRED = _("Every stance needs a justification (art. 6 ust. 6 u.z.p.p.r.): please explain it.")
LATE_CHOICES = [("", _("all")), ("tak", _("late only")), ("nie", _("on time only"))]


class RegisterFilterForm(StrategiaForm):
    """The register's filters, read from the query string (so a filtered register can be bookmarked)."""

    q = forms.CharField(label=_("Text"), required=False, max_length=200,
                        help_text=_("Searches the remark, the proposed wording and the justifications."))
    stanowisko = forms.ChoiceField(label=_("Stance"), required=False,
                                   choices=[("", _("all")), (AWAITING, _("awaiting a stance")), *Stance.choices])
    publikacja = forms.ChoiceField(label=_("Publication"), required=False, choices=[("", _("all")),
                                                                                   *Screening.choices])
    przydzial = forms.ChoiceField(label=_("Assigned to"), required=False)
    po_terminie = forms.ChoiceField(label=_("Received"), required=False, choices=LATE_CHOICES)
    punkt = forms.CharField(label=_("Chapter or point"), required=False, max_length=30,
                            help_text=_("e.g. 3 or 3.2.1"))
    dokument = forms.ChoiceField(label=_("Document"), required=False,
                                 choices=[("", _("all")), *ConsultedDocument.choices])

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["przydzial"].choices = [
            ("", _("anyone or no one")), (ASSIGNED_TO_ME, _("to me")), (ASSIGNED_TO_ANYONE, _("to someone")),
            (UNASSIGNED, _("to no one")),
            *[(str(user.pk), str(user)) for user in office_staff(municipality=municipality)],
        ]

    def filters(self) -> dict:
        """The selector's filters; an invalid form filters nothing (its errors are shown)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "text": data["q"], "stance": data["stanowisko"], "screening": data["publikacja"],
            "assigned": data["przydzial"], "late": {"tak": True, "nie": False}.get(data["po_terminie"]),
            "point": data["punkt"], "document": data["dokument"],
        }


class HideForm(StrategiaForm):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=300,
                             error_messages={"required": _("Please give the reason for hiding the remark.")},
                             help_text=_("e.g. offensive language, personal data of third parties. The remark "
                                         "stays in the register, gets a stance and appears in the report."))


class AnswerForm(StrategiaForm):
    """The answer to one remark or several identical ones. Every stance can be posted, the radio buttons offer
    only those the law allows, and the service explains a refused one next to the field (citing the article)."""

    stance = forms.ChoiceField(label=_("Stance"), choices=Stance.choices, widget=forms.RadioSelect)
    justification = forms.CharField(label=_("Justification of the stance"), widget=forms.Textarea(attrs={"rows": 5}),
                                    error_messages={"required": JUSTIFICATION_REQUIRED})
    resulting_change = forms.CharField(label=_("Resulting change in the draft (optional)"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}))
    change_version = forms.ModelChoiceField(
        label=_("Version with the change (optional)"), queryset=None, required=False,
        empty_label=_("none"),
        help_text=_("A later frozen version of the document: the answer then links to the changed paragraph."))

    def __init__(self, *args, consultation, allowed: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["change_version"].queryset = later_versions(consultation=consultation)
        if allowed is not None:
            self.fields["stance"].widget.choices = [(v, label) for v, label in Stance.choices if v in allowed]
            if len(allowed) == 1 and not self.is_bound:
                self.initial.setdefault("stance", allowed[0])

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {"stance": data["stance"], "justification": data["justification"],
                "resulting_change": data["resulting_change"], "change_version": data["change_version"]}


class AssignForm(StrategiaForm):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False,
                                      empty_label=_("no one (take the remarks back)"))

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = office_staff(municipality=municipality)
