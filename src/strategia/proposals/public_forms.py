"""The filters of the public list and map of ideas (a GET form: search, theme, status, locality, sort)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.core.forms import StrategiaForm
from strategia.proposals.enums import Status
from strategia.proposals.selectors import (
    SORT_ALPHABETICAL,
    SORT_NEWEST,
    SORT_SUPPORTED,
    ProposalFilters,
    localities_of,
)

SORT_CHOICES = [
    (SORT_NEWEST, _("newest first")),
    (SORT_SUPPORTED, _("most supported first")),
    (SORT_ALPHABETICAL, _("alphabetically")),
]


class ProposalFilterForm(StrategiaForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        help_text=_("Words from the title or description; endings and Polish letters do not matter."))
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None, required=False, empty_label=_("all themes"))
    status = forms.ChoiceField(label=_("Status"), required=False)
    locality = forms.ModelChoiceField(label=_("Locality or sołectwo"), queryset=None, required=False,
                                      empty_label=_("all localities"))
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=SORT_CHOICES)

    def __init__(self, data=None, *, call, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["theme"].queryset = call.themes.order_by("position", "id")
        self.fields["status"].choices = [("", _("all statuses")), *Status.choices]
        self.fields["locality"].queryset = localities_of(municipality=call.process.municipality)
        self.fields["q"].widget.attrs["type"] = "search"
        self.fields["q"].widget.input_type = "search"

    def filters(self) -> ProposalFilters:
        """What was validly chosen; a value that is not a choice is ignored (and shown as an error)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        theme, locality = data.get("theme"), data.get("locality")
        return ProposalFilters(query=data.get("q") or "", theme_id=theme.pk if theme else None,
                               status=data.get("status") or "", locality_id=locality.pk if locality else None,
                               sort=data.get("sort") or SORT_NEWEST)
