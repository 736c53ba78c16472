"""The announcement (BIP HTML, DOCX, A4 notice PDF, press notice) and the paper remark form (DOCX, PDF) as HTTP
downloads, for staff and for the public. Generated on request from the consultation as it stands (announcement.py
and paper_form.py); an unknown format is a 404."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse

from strategia.consultation import announcement, paper_form

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ANNOUNCEMENT_FORMATS = {
    # format in the URL: (content type, file name, label shown next to the link)
    "html": ("text/html; charset=utf-8", "ogloszenie-bip.html", "BIP (HTML)"),
    "docx": (DOCX, "ogloszenie.docx", "BIP (DOCX)"),
    "pdf": ("application/pdf", "ogloszenie-tablica-A4.pdf", "A4 (PDF)"),
    "txt": ("text/plain; charset=utf-8", "komunikat-prasowy.txt", "TXT"),
}
PAPER_FORM_FORMATS = {
    "docx": (DOCX, "formularz-uwag.docx", "DOCX"),
    "pdf": ("application/pdf", "formularz-uwag.pdf", "PDF"),
}


def _attachment(data, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def announcement_response(*, consultation, format: str) -> HttpResponse:
    if format not in ANNOUNCEMENT_FORMATS:
        raise Http404
    content_type, filename, _label = ANNOUNCEMENT_FORMATS[format]
    content = announcement.announcement_content(consultation=consultation, site_url=settings.SITE_URL)
    render = {
        "html": announcement.announcement_bip_html,
        "docx": announcement.announcement_docx,
        "pdf": announcement.announcement_notice_pdf,
        "txt": announcement.press_notice_text,
    }[format]
    return _attachment(render(content), content_type=content_type, filename=filename)


def paper_form_response(*, consultation, format: str) -> HttpResponse:
    if format not in PAPER_FORM_FORMATS:
        raise Http404
    content_type, filename, _label = PAPER_FORM_FORMATS[format]
    render = {"docx": paper_form.paper_form_docx, "pdf": paper_form.paper_form_pdf}[format]
    return _attachment(render(consultation=consultation), content_type=content_type, filename=filename)
