"""Uploads are checked by their content, not by their name or the browser's declared type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def _head(upload, size: int = 8) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(size)
    upload.seek(position)
    return head


def validate_pdf(upload) -> None:
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("The file is too large (at most 20 MB)."))
    if not _head(upload).startswith(b"%PDF-"):
        raise ValidationError(_("This file is not a PDF document. Please attach a PDF file."))
