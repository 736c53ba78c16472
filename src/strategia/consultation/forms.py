"""The public remark form: who submits, and one or more remarks (a formset, so "Add another remark" works
without JavaScript). The honeypot field is hidden from everyone (the ``hidden`` attribute on its wrapper)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from strategia.consultation.enums import ConsultedDocument, SubmitterCategory, SubmitterKind
from strategia.core.forms import StrategiaForm

REMARK_PREFIX = "uwagi"


class SubmitterForm(StrategiaForm):
    submitter_kind = forms.ChoiceField(label=_("I am submitting as"), choices=SubmitterKind.choices,
                                       initial=SubmitterKind.PERSON, widget=forms.RadioSelect)
    organisation_name = forms.CharField(label=_("Name of the organisation or institution"), max_length=300,
                                        required=False,
                                        help_text=_("Required when submitting on behalf of an organisation."))
    category = forms.ChoiceField(label=_("Category"), choices=SubmitterCategory.choices,
                                 initial=SubmitterCategory.RESIDENT)
    submitter_name = forms.CharField(label=_("Name (optional)"), max_length=300, required=False,
                                     help_text=_("Shown publicly only if you agree below."))
    contact_email = forms.EmailField(label=_("E-mail (optional)"), required=False,
                                     help_text=_("We will send you a confirmation with the tracking link."),
                                     widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    contact_phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False,
                                    widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    consent_publish_name = forms.BooleanField(label=_("I agree to the publication of my name with my remarks"),
                                              required=False)
    # The honeypot: people never see it (the wrapper has the ``hidden`` attribute), bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def clean(self):
        data = super().clean()
        organisation = (data.get("organisation_name") or "").strip()
        if data.get("submitter_kind") == SubmitterKind.ORGANISATION and not organisation:
            self.add_error("organisation_name", _("Please give the organisation's or institution's name."))
        return data

    @property
    def honeypot_filled(self) -> bool:
        return bool((self.cleaned_data.get("website") or "").strip())

    def submitter_kwargs(self) -> dict:
        data = self.cleaned_data
        anonymous = data["submitter_kind"] == SubmitterKind.ANONYMOUS
        return {
            "submitter_kind": data["submitter_kind"],
            "submitter_name": "" if anonymous else data["submitter_name"].strip(),
            "organisation_name": data["organisation_name"].strip()
            if data["submitter_kind"] == SubmitterKind.ORGANISATION else "",
            "category": data["category"],
            "contact_email": data["contact_email"],
            "contact_phone": data["contact_phone"].strip(),
            "consent_publish_name": bool(data["consent_publish_name"]) and not anonymous,
        }


class RemarkForm(StrategiaForm):
    """One remark. When the environmental forecast is consulted too, the remark says which document it concerns
    (a remark on the forecast cites its chapter or page in words)."""

    document = forms.ChoiceField(label=_("The remark concerns"), choices=ConsultedDocument.choices,
                                 initial=ConsultedDocument.STRATEGY, widget=forms.RadioSelect, required=False)
    block_uid = forms.UUIDField(required=False, widget=forms.HiddenInput)
    fragment = forms.CharField(label=_("Fragment of the document (chapter, point or page)"), max_length=300,
                               required=False)
    current_wording = forms.CharField(label=_("Current wording"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))
    proposed_wording = forms.CharField(label=_("Proposed wording"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}))
    justification = forms.CharField(label=_("Justification"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))
    content = forms.CharField(label=_("Remark"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, has_forecast: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_forecast:
            del self.fields["document"]

    @property
    def on_forecast(self) -> bool:
        return self.cleaned_data.get("document") == ConsultedDocument.FORECAST

    def remark_kwargs(self, blocks: dict) -> dict:
        data = self.cleaned_data
        block = blocks.get(str(data["block_uid"])) if data.get("block_uid") and not self.on_forecast else None
        return {
            "document": ConsultedDocument.FORECAST if self.on_forecast else ConsultedDocument.STRATEGY,
            "block_uid": block.uid if block else None,
            "display_number": block.display_number if block else "",
            "fragment": data["fragment"].strip(),
            "current_wording": data["current_wording"],
            "proposed_wording": data["proposed_wording"],
            "justification": data["justification"],
            "content": data["content"].strip(),
        }


class BaseRemarkFormSet(forms.BaseFormSet):
    """Every remark block is an "extra" one: the first must be filled in, a block left empty is skipped.
    Unbound, the formset shows exactly its initial blocks (at least one)."""

    def initial_form_count(self):
        return 0

    def total_form_count(self):
        if self.is_bound:
            return super().total_form_count()
        return max(len(self.initial or []), 1)


RemarkFormSet = forms.formset_factory(RemarkForm, formset=BaseRemarkFormSet, extra=0, min_num=1,
                                      validate_min=True, max_num=50, validate_max=True)


def bound_values(form) -> dict:
    """What the user typed in a bound form, as initial data (no validation, nothing lost)."""
    return {name: form[name].value() for name in form.fields}


def remark_formset(*, data=None, initial=None, auto_id="id_%s", has_forecast: bool = False):
    return RemarkFormSet(data=data, initial=initial, prefix=REMARK_PREFIX, auto_id=auto_id,
                         form_kwargs={"has_forecast": has_forecast})


def remark_formset_with_one_more(data, *, has_forecast: bool = False):
    """"Add another remark": the same blocks with what was typed, plus an empty one; no errors shown yet."""
    bound = remark_formset(data=data, has_forecast=has_forecast)
    typed = [bound_values(form) for form in bound.forms]
    return remark_formset(initial=[*typed, {}], has_forecast=has_forecast)
