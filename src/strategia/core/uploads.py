"""Uploads are checked by their content, not by their name or the browser's declared type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
SCAN_SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


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


def validate_scan(upload) -> None:
    """The scan of a letter: PDF, JPG or PNG, judged by the file's first bytes, not its name; at most 20 MB."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("The file is too large (at most 20 MB)."))
    if not _head(upload).startswith(SCAN_SIGNATURES):
        raise ValidationError(_("This file is not a PDF, JPG or PNG file. Please attach the scan in one of these "
                                "formats."))
