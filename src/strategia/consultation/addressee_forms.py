"""Forms of the addressees page: one addressee, several at once (one name per line), the dispatch of the letter and
its receipt. Proof files are PDF, JPG or PNG judged by their first bytes, and are stored under a random name."""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from strategia.consultation.enums import AddresseeKind, DispatchChannel
from strategia.consultation.models import Addressee
from strategia.core.deadlines import today_local
from strategia.core.forms import DateInput, StrategiaForm
from strategia.core.uploads import _head

MAX_PROOF_BYTES = 10 * 1024 * 1024
PROOF_SIGNATURES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}
NAME_MAX_LENGTH = Addressee._meta.get_field("name").max_length
MAX_BULK_LINES = 200


def proof_extension(upload) -> str | None:
    head = _head(upload)
    return next((ext for signature, ext in PROOF_SIGNATURES.items() if head.startswith(signature)), None)


def validate_proof_file(upload) -> None:
    """PDF, JPG or PNG, judged by the file's content, not its name; at most 10 MB."""
    if upload.size > MAX_PROOF_BYTES:
        raise ValidationError(_("The file is too large (at most 10 MB)."))
    if proof_extension(upload) is None:
        raise ValidationError(_("This file is not a PDF, JPG or PNG file. Please attach the proof in one of these "
                                "formats."))


def _renamed(upload):
    """The stored name says nothing of the original (it may carry personal data) and matches the content."""
    if upload:
        upload.name = f"{uuid.uuid4().hex}.{proof_extension(upload)}"
    return upload


class AddresseeForm(StrategiaForm):
    kind = forms.ChoiceField(label=_("Kind of addressee"), choices=AddresseeKind.choices)
    name = forms.CharField(label=_("Name"), max_length=NAME_MAX_LENGTH,
                           help_text=_("As it should appear on the letter, e.g. Burmistrz Miasta Józefowa."))
    address = forms.CharField(label=_("Postal address (optional)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    electronic_address = forms.CharField(label=_("e-Doręczenia, ePUAP or e-mail address (optional)"),
                                         max_length=200, required=False)


class AddresseeBulkForm(StrategiaForm):
    kind = forms.ChoiceField(label=_("Kind of addressee"), choices=AddresseeKind.choices)
    names = forms.CharField(label=_("Names, one per line"), widget=forms.Textarea(attrs={"rows": 10}),
                            help_text=_("Each non-empty line becomes one addressee of the chosen kind. If any line "
                                        "is wrong, nobody is added."))

    def __init__(self, *args, existing_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.existing = {name.casefold() for name in existing_names}

    def clean_names(self) -> list[tuple[int, str]]:
        lines = [(number, line.strip()) for number, line in enumerate(self.cleaned_data["names"].splitlines(), 1)]
        lines = [(number, name) for number, name in lines if name]
        if not lines:
            raise ValidationError(_("Please give at least one name."))
        if len(lines) > MAX_BULK_LINES:
            raise ValidationError(_("At most %(count)s names at once.") % {"count": MAX_BULK_LINES})
        errors, seen = [], set()
        for number, name in lines:
            key = name.casefold()
            if len(name) > NAME_MAX_LENGTH:
                errors.append(_("Line %(line)s: the name is longer than %(max)s characters.")
                              % {"line": number, "max": NAME_MAX_LENGTH})
            elif key in seen:
                errors.append(_("Line %(line)s: this name appears twice in the list.") % {"line": number})
            elif key in self.existing:
                errors.append(_("Line %(line)s: “%(name)s” is already an addressee.") % {"line": number, "name": name})
            seen.add(key)
        if errors:
            raise ValidationError(errors)
        return lines


class DispatchForm(StrategiaForm):
    channel = forms.ChoiceField(label=_("Channel"), choices=DispatchChannel.choices)
    sent_on = forms.DateField(label=_("Sent on"), widget=DateInput())
    sending_proof = forms.CharField(label=_("Proof of sending (optional)"), max_length=300, required=False,
                                    help_text=_("e.g. the e-Doręczenia message id or the registered post number"))
    sending_proof_file = forms.FileField(
        label=_("Proof of sending, file (optional)"), required=False, validators=[validate_proof_file],
        help_text=_("PDF, JPG or PNG, at most 10 MB. If the form shows an error, attach the file again: files are "
                    "not kept between attempts."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sent_on"].widget.attrs["max"] = today_local().isoformat()

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["sending_proof_file"] = _renamed(data.get("sending_proof_file"))
        return data


class ReceiptForm(StrategiaForm):
    received_on = forms.DateField(label=_("Received on"), widget=DateInput())
    receipt_proof = forms.CharField(label=_("Proof of receipt (optional)"), max_length=300, required=False,
                                    help_text=_("e.g. the e-Doręczenia receipt (UPO/UPD) or the return card"))
    receipt_proof_file = forms.FileField(
        label=_("Proof of receipt, file (optional)"), required=False, validators=[validate_proof_file],
        help_text=_("PDF, JPG or PNG, at most 10 MB. If the form shows an error, attach the file again: files are "
                    "not kept between attempts."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].widget.attrs["max"] = today_local().isoformat()

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["receipt_proof_file"] = _renamed(data.get("receipt_proof_file"))
        return data
