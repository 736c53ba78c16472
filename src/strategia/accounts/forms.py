"""Forms of the role management pages. Choices the actor may not use are not offered (the services refuse
them anyway)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.accounts.enums import MunicipalityRole, ProcessRole
from strategia.accounts.services import may_touch_role
from strategia.core.forms import StrategiaForm
from strategia.processes.models import StrategyProcess


class _PersonFields(StrategiaForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("If the person has no account yet, one is created and an invitation is sent to this "
                    "address."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    display_name = forms.CharField(
        label=_("Name"), required=False, max_length=150,
        help_text=_("Used only when a new account is created; shown to others."),
    )


class MembershipGrantForm(_PersonFields):
    role = forms.ChoiceField(label=_("Role"))

    field_order = ["email", "role", "display_name"]

    def __init__(self, *args, actor, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [
            (value, label) for value, label in MunicipalityRole.choices
            if may_touch_role(actor, municipality, value)
        ]


class ProcessMembershipGrantForm(_PersonFields):
    process = forms.ModelChoiceField(label=_("Process"), queryset=StrategyProcess.objects.none(),
                                     empty_label=None)
    role = forms.ChoiceField(label=_("Role"), choices=ProcessRole.choices)

    field_order = ["email", "process", "role", "display_name"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = StrategyProcess.objects.filter(
            municipality=municipality).order_by("-created_at")
