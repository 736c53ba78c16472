"""Back-office forms: intake of one submission (a letter, an e-mail, a statement at a meeting) with its remarks,
and the upload of the collective remark spreadsheet."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strategia.consultation.enums import Channel, ConsultedDocument, SubmitterCategory, SubmitterKind
from strategia.core.forms import AccessibleFormMixin, DateInput, KeepsUploadsMixin, StrategiaForm
from strategia.core.uploads import _head, validate_scan

INTAKE_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.PLATFORM]
XLSX_SIGNATURE = b"PK\x03\x04"
MAX_XLSX_BYTES = 5 * 1024 * 1024
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class SubmissionIntakeForm(KeepsUploadsMixin, StrategiaForm):
    """The letter's scan is kept between attempts (``KeepsUploadsMixin``): the view passes ``actor``."""

    kept_uploads = ("scan",)
    channel = forms.ChoiceField(label=_("Channel"), choices=INTAKE_CHANNELS)
    meeting = forms.ModelChoiceField(label=_("Meeting (remarks made orally)"), queryset=None, required=False,
                                     help_text=_("Required for remarks made orally to the record."))
    received_at = forms.DateTimeField(label=_("Received at"), widget=DateTimeLocalInput(),
                                      input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                      help_text=_("Date and time of receipt, Polish time."))
    postmark_on = forms.DateField(label=_("Postmark date (optional)"), required=False, widget=DateInput())
    submitter_kind = forms.ChoiceField(label=_("Submitter"), choices=SubmitterKind.choices)
    submitter_name = forms.CharField(label=_("Name"), max_length=300, required=False)
    organisation_name = forms.CharField(label=_("Organisation or institution"), max_length=300, required=False)
    category = forms.ChoiceField(label=_("Category"), choices=SubmitterCategory.choices,
                                 initial=SubmitterCategory.RESIDENT)
    contact_email = forms.EmailField(label=_("E-mail (optional)"), required=False)
    contact_phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    consent_publish_name = forms.BooleanField(label=_("The submitter agrees to the publication of their name"),
                                              required=False)
    scan = forms.FileField(label=_("Scan of the letter (optional)"), required=False, validators=[validate_scan],
                           help_text=_("PDF, JPG or PNG, at most 20 MB. If the form shows an error, the file is "
                                       "kept: there is no need to attach it again."))

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = consultation.meetings.all()
        self.fields["received_at"].widget.attrs["max"] = timezone.localtime().strftime("%Y-%m-%dT%H:%M")

    def clean_received_at(self):
        received_at = self.cleaned_data["received_at"]
        if received_at > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(_("The time of receipt cannot be in the future."))
        return received_at

    def clean(self):
        data = super().clean()
        if data.get("channel") == Channel.ORAL and not data.get("meeting"):
            self.add_error("meeting", _("Please choose the meeting at which the remarks were made."))
        if data.get("channel") != Channel.ORAL:
            data["meeting"] = None
        if data.get("submitter_kind") == SubmitterKind.ORGANISATION and not data.get("organisation_name", "").strip():
            self.add_error("organisation_name", _("Please give the organisation's or institution's name."))
        return data

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("meeting", "scan_kept", "scan_discard"):
            data.pop(name, None)
        return data


class RemarkForm(AccessibleFormMixin, forms.Form):
    """One remark of the letter. ``document`` is offered only when the forecast is consulted too; a point typed as
    its number ("3.2.1", "pkt 3.2.1", "rozdz. 3") is matched to the paragraph by the service."""

    template_name = "includes/form.html"
    TEXT_FIELDS = ("display_number", "fragment", "current_wording", "proposed_wording", "justification", "content")

    document = forms.ChoiceField(label=_("The remark concerns"), choices=ConsultedDocument.choices,
                                 initial=ConsultedDocument.STRATEGY, required=False)
    display_number = forms.CharField(label=_("Point"), max_length=30, required=False,
                                     help_text=_("The number of the point or chapter, e.g. 3.2.1."))
    fragment = forms.CharField(label=_("Fragment (chapter, point or page)"), max_length=300, required=False)
    current_wording = forms.CharField(label=_("Current wording"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))
    proposed_wording = forms.CharField(label=_("Proposed wording"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}))
    justification = forms.CharField(label=_("Justification"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))
    content = forms.CharField(label=_("Remark"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, has_forecast: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_forecast:
            del self.fields["document"]

    def clean(self):
        data = super().clean()
        filled = any((data.get(name) or "").strip() for name in self.TEXT_FIELDS)
        if filled and not (data.get("content") or "").strip():
            self.add_error("content", _("Please write the remark's content."))
        data["document"] = data.get("document") or ConsultedDocument.STRATEGY
        return data

    def is_blank(self) -> bool:
        return not any((self.cleaned_data.get(name) or "").strip() for name in self.TEXT_FIELDS)


class BaseRemarkFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if all(form.is_blank() for form in self.forms):
            raise ValidationError(_("A submission needs at least one remark."))

    def remarks(self) -> list[dict]:
        return [{k: v.strip() for k, v in form.cleaned_data.items()} for form in self.forms if not form.is_blank()]


RemarkFormSet = forms.formset_factory(RemarkForm, formset=BaseRemarkFormSet, extra=0, min_num=1, max_num=200,
                                      validate_min=False, absolute_max=200)


class RemarkSpreadsheetForm(StrategiaForm):
    file = forms.FileField(label=_("Spreadsheet (XLSX)"),
                           help_text=_("The collective remark spreadsheet, filled in from the template."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_XLSX_BYTES:
            raise ValidationError(_("The file is too large (at most 5 MB)."))
        if not _head(upload).startswith(XLSX_SIGNATURE):
            raise ValidationError(_("This file is not an XLSX spreadsheet. Please save it as .xlsx and try again."))
        return upload
