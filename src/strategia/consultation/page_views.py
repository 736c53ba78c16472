"""The consultation's page on the portal, public once announced (404 before): the announcement itself, when it
was published, the period and the days left, how to send remarks (the draft to comment per paragraph, the remark
form, the paper form), the meetings with their attendance and minutes, and the forecast. Plus the index of the
process's announced consultations and the downloads of the announcement and the paper form."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from strategia.consultation import manage_selectors as selectors
from strategia.consultation.announcement import announcement_content
from strategia.consultation.enums import ConsultationStatus
from strategia.consultation.manage_files import (
    ANNOUNCEMENT_FORMATS,
    PAPER_FORM_FORMATS,
    announcement_response,
    paper_form_response,
)
from strategia.consultation.services import comment_period
from strategia.core.access import public
from strategia.core.deadlines import today_local
from strategia.processes.selectors import process_get


@public
def consultation_index(request, process_slug):
    process = process_get(municipality=request.municipality, slug=process_slug)
    today = today_local()
    rows = []
    for consultation in selectors.consultations_announced(process=process):
        clock = comment_period(consultation)
        rows.append({"consultation": consultation, "period": clock, "open": clock.last_day >= today})
    return render(request, "consultation/page/index.html", {"process": process, "rows": rows})


@public
def consultation_page(request, process_slug, consultation_id):
    process = process_get(municipality=request.municipality, slug=process_slug)
    consultation = selectors.consultation_announced(process=process, consultation_id=consultation_id)
    clock = comment_period(consultation)
    days_left = clock.days_left(today=today_local())
    accepting = consultation.status in (ConsultationStatus.ANNOUNCED, ConsultationStatus.CLOSED)
    return render(request, "consultation/page/detail.html", {
        "process": process, "consultation": consultation, "version": consultation.document_version,
        "content": announcement_content(consultation=consultation, site_url=settings.SITE_URL),
        "period": clock, "days_left": days_left, "ended": days_left < 0,
        "meetings": list(consultation.meetings.all()),
        "remark_form_url": reverse("consultation:remark_form", kwargs={
            "municipality_slug": process.municipality.slug, "process_slug": process.slug,
            "consultation_id": consultation.pk}) if accepting else None,
        "announcement_formats": ANNOUNCEMENT_FORMATS, "paper_form_formats": PAPER_FORM_FORMATS,
    })


@public
def announcement_download(request, process_slug, consultation_id, format):
    process = process_get(municipality=request.municipality, slug=process_slug)
    consultation = selectors.consultation_announced(process=process, consultation_id=consultation_id)
    return announcement_response(consultation=consultation, format=format)


@public
def paper_form_download(request, process_slug, consultation_id, format):
    process = process_get(municipality=request.municipality, slug=process_slug)
    consultation = selectors.consultation_announced(process=process, consultation_id=consultation_id)
    return paper_form_response(consultation=consultation, format=format)
