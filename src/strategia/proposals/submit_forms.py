"""The public idea form (three required inputs: title, description, theme; everything else optional) and the staff
intake form (the same fields plus the channel, the date of receipt and the scan).

Attachments are checked one by one in ``clean_attachments``: the valid ones are collected in ``valid_uploads``
(the view stores them as drafts whatever else is wrong with the form), the others are reported by name. The
honeypot field ``website`` is hidden from everyone (the ``hidden`` attribute on its wrapper)."""

from __future__ import annotations

import datetime as dt
import decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strategia.core.enums import UnitKind
from strategia.core.forms import KeepsUploadsMixin, StrategiaForm
from strategia.core.models import TerritorialUnit
from strategia.core.uploads import validate_scan
from strategia.proposals.attachments import MAX_ATTACHMENTS, attachment_kind
from strategia.proposals.enums import Channel

LOCALITY_KINDS = (UnitKind.SOLECTWO, UnitKind.DISTRICT, UnitKind.LOCALITY)
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
INTAKE_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.PLATFORM]
FUTURE_TOLERANCE = dt.timedelta(minutes=5)
COORDINATE = decimal.Decimal("0.000001")


def localities_of(municipality):
    """The municipality's sołectwa, districts (osiedla) and localities, by name."""
    if municipality.unit_id is None:
        return TerritorialUnit.objects.none()
    return TerritorialUnit.objects.filter(parent=municipality.unit_id, kind__in=LOCALITY_KINDS).order_by("name")


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Up to three files in one input; each one is judged on its own in the form's ``clean_attachments``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [file for file in data if file]
        return [data] if data else []


class ProposalFieldsForm(StrategiaForm):
    """What an idea is: shared by the public form and the staff intake."""

    title = forms.CharField(label=_("Title of the idea"), max_length=200,
                            help_text=_("A few words, e.g. “A bicycle path to the railway station”."))
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}),
                                  help_text=_("What should change, and why it matters to you."))
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None, widget=forms.RadioSelect, empty_label=None)
    locality = forms.ModelChoiceField(label=_("Locality or sołectwo (optional)"), queryset=None, required=False,
                                      empty_label=_("— the whole municipality or not tied to a place —"))
    address = forms.CharField(label=_("Address or place (optional)"), max_length=300, required=False,
                              help_text=_("E.g. a street, a crossroads or a landmark."),
                              widget=forms.TextInput(attrs={"autocomplete": "off"}))
    latitude = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-map-latitude": ""}))
    longitude = forms.CharField(required=False, widget=forms.HiddenInput(attrs={"data-map-longitude": ""}))
    attachments = MultipleFileField(
        label=_("Attachments (optional)"),
        help_text=_("Up to 3 files: PDF, JPG or PNG, at most 20 MB each. Photos are made smaller and their "
                    "metadata (e.g. where they were taken) removed."))

    def __init__(self, *args, call, kept_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.kept_count = kept_count
        self.valid_uploads: list[tuple[object, str]] = []
        self.fields["theme"].queryset = call.themes.all()
        self.fields["locality"].queryset = localities_of(call.process.municipality)

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        errors = []
        room = MAX_ATTACHMENTS - self.kept_count
        for upload in files:
            try:
                kind = attachment_kind(upload)
            except ValidationError as error:
                errors.append(_("%(name)s: %(problem)s") % {"name": upload.name, "problem": error.messages[0]})
                continue
            if len(self.valid_uploads) >= room:
                errors.append(_("%(name)s: at most %(count)s attachments can be sent with one idea.")
                              % {"name": upload.name, "count": MAX_ATTACHMENTS})
                continue
            self.valid_uploads.append((upload, kind))
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self):
        data = super().clean()
        latitude, longitude = data.get("latitude") or "", data.get("longitude") or ""
        data["latitude"] = data["longitude"] = None
        if latitude.strip() or longitude.strip():
            try:
                lat = decimal.Decimal(latitude.strip()).quantize(COORDINATE)
                lon = decimal.Decimal(longitude.strip()).quantize(COORDINATE)
            except (decimal.InvalidOperation, ValueError):
                lat = lon = None
            if lat is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValidationError(_("The point on the map could not be read: please place it again or leave "
                                        "it out."))
            data["latitude"], data["longitude"] = lat, lon
        return data

    def proposal_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"title": data["title"], "description": data["description"], "theme": data["theme"],
                "locality": data.get("locality"), "address": data.get("address", ""),
                "latitude": data.get("latitude"), "longitude": data.get("longitude")}


class ProposalSubmitForm(ProposalFieldsForm):
    author_name = forms.CharField(label=_("Name (optional)"), max_length=200, required=False,
                                  help_text=_("Shown publicly only if you agree below."),
                                  widget=forms.TextInput(attrs={"autocomplete": "name"}))
    contact_email = forms.EmailField(label=_("E-mail (optional)"), required=False,
                                     help_text=_("We will send you a confirmation with the link to follow your "
                                                 "idea, and tell you what happened to it."),
                                     widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    contact_phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False,
                                    widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}))
    consent_publish_name = forms.BooleanField(label=_("I agree to the publication of my name with the idea"),
                                              required=False)
    # The honeypot: people never see it (the wrapper has the ``hidden`` attribute), bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    @property
    def honeypot_filled(self) -> bool:
        return bool((self.cleaned_data.get("website") or "").strip())

    def author_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"author_name": data["author_name"], "contact_email": data["contact_email"],
                "contact_phone": data["contact_phone"].strip(),
                "consent_publish_name": bool(data["consent_publish_name"])}


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class ProposalIntakeForm(KeepsUploadsMixin, ProposalFieldsForm):
    """The letter's scan is kept between attempts (``KeepsUploadsMixin``): the view passes ``actor``."""

    kept_uploads = ("scan",)
    channel = forms.ChoiceField(label=_("Channel"), choices=INTAKE_CHANNELS)
    received_at = forms.DateTimeField(label=_("Received at"), widget=DateTimeLocalInput(),
                                      input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                      help_text=_("Date and time of receipt, Polish time."))
    scan = forms.FileField(label=_("Scan of the letter (optional)"), required=False, validators=[validate_scan],
                           help_text=_("PDF, JPG or PNG, at most 20 MB. If the form shows an error, the file is "
                                       "kept: there is no need to attach it again."))
    author_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("E-mail (optional)"), required=False)
    contact_phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    consent_publish_name = forms.BooleanField(label=_("The author agrees to the publication of their name"),
                                              required=False)

    field_order = ["channel", "received_at", "scan"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Staff attach the letter as the scan; further attachments are not taken at intake.
        del self.fields["attachments"]
        self.fields["received_at"].widget.attrs["max"] = timezone.localtime().strftime("%Y-%m-%dT%H:%M")

    def clean_received_at(self):
        received_at = self.cleaned_data["received_at"]
        if received_at > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(_("The date of receipt cannot be in the future."))
        return min(received_at, timezone.now())

    def register_kwargs(self) -> dict:
        data = self.cleaned_data
        return {**self.proposal_kwargs(), "channel": data["channel"], "received_at": data["received_at"],
                "scan": data.get("scan"), "author_name": data["author_name"],
                "contact_email": data["contact_email"], "contact_phone": data["contact_phone"].strip(),
                "consent_publish_name": bool(data["consent_publish_name"])}
