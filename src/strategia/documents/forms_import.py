"""The Word import's upload form. The file is checked by its content (a DOCX is a zip holding
word/document.xml), not by its name or the type the browser declares."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from strategia.core.forms import StrategiaForm
from strategia.core.uploads import MAX_DOCUMENT_BYTES
from strategia.documents.docx_import import DOCX_MIME, DocxImportError, check_docx


def validate_docx(upload) -> None:
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("The file is too large (at most 20 MB)."), code="too_large")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        check_docx(data)
    except DocxImportError as error:
        raise ValidationError(error.messages) from None


class DocxUploadForm(StrategiaForm):
    file = forms.FileField(
        label=_("Word file (DOCX)"),
        validators=[validate_docx],
        help_text=_("A .docx file of at most 20 MB. Chapters are taken from the heading styles (Heading 1–3)."),
        widget=forms.FileInput(attrs={"accept": f".docx,{DOCX_MIME}"}),
    )
