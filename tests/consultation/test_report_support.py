"""Shared arrangement for the report tests (plain functions, no tests here): a consultation of the draft with its
forecast, a meeting, an addressee notified, and five submissions from several channels — a private person without
consent whose remark holds "<script>" and "=1+1", an organisation with two remarks, a person who consented (a hidden
remark), a late anonymous one, and one on the forecast — all answered. The clock stands after the comment period."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from zoneinfo import ZoneInfo

import docx
import openpyxl
from django.test import TestCase

from strategia.consultation.addressee_services import addressee_create, dispatch_record
from strategia.consultation.enums import Channel, ConsultedDocument, Stance, SubmitterKind
from strategia.consultation.models import Remark
from strategia.consultation.report_services import report_request
from strategia.consultation.review_services import remark_hide, remark_publish, response_create
from strategia.consultation.services import consultation_announce, meeting_create, submission_create
from strategia.documents.enums import ExportStatus
from strategia.processes.enums import ResolutionKind
from strategia.processes.models import Resolution

WARSAW = ZoneInfo("Europe/Warsaw")
ANNOUNCED = dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW)
DURING = dt.datetime(2026, 6, 15, 12, tzinfo=WARSAW)
LATE = dt.datetime(2026, 7, 7, 0, 0, 1, tzinfo=WARSAW)
AFTER = dt.datetime(2026, 7, 20, 12, tzinfo=WARSAW)

PRIVATE_NAME = "Jan Kowalski"
PRIVATE_EMAIL = "jan.kowalski@example.org"
CONSENTED_NAME = "Anna Nowak"
ORGANISATION = "Stowarzyszenie Zielony Testów"
SCRIPT = "<script>alert(1)</script>"
FORMULA = "=1+1"
HIDDEN_CONTENT = "Sąsiad Piotr Zieliński to oszust"
HIDDEN_REASON = "dane osobowe osób trzecich"


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def docx_text(data: bytes) -> str:
    """Every paragraph and every table cell of the DOCX, one per line."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def xlsx_text(data: bytes) -> str:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row
                     if cell.value is not None)


def generate(consultation, variant, format) -> bytes:
    """One report file through the task path (the task runs when the request's transaction commits)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        item = report_request(actor=None, consultation=consultation, variant=variant, format=format)
    item.refresh_from_db()
    assert item.status == ExportStatus.DONE, item.error
    with item.file.open("rb") as handle:
        return handle.read()


def _submit(consultation, *, now, remarks, **submitter):
    return submission_create(actor=None, consultation=consultation, now=now, remarks=remarks, **submitter)


def announced(make_consultation, time_machine):
    """Announced, with the forecast, a meeting, an addressee notified; no submissions yet. The clock stops after
    the comment period."""
    time_machine.move_to(AFTER, tick=False)
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6),
                                     forecast_title="Prognoza oddziaływania na środowisko strategii")
    consultation = consultation_announce(actor=None, consultation=consultation, now=ANNOUNCED)
    Resolution.objects.create(process=consultation.process, kind=ResolutionKind.PROCEDURE, number="XII/123/2026",
                              adopted_on=dt.date(2026, 3, 25),
                              title="w sprawie określenia szczegółowego trybu i harmonogramu opracowania strategii")
    meeting = meeting_create(actor=None, consultation=consultation, starts_at=dt.datetime(2026, 6, 10, 17,
                                                                                          tzinfo=WARSAW),
                             place="Sala konferencyjna urzędu", kind="public_discussion")
    meeting.attendance = 23
    meeting.save(update_fields=["attendance"])
    gmina = addressee_create(actor=None, consultation=consultation, kind="neighbouring_gmina",
                             name="Gmina Sąsiednia")
    dispatch_record(actor=None, addressee=gmina, channel="edoreczenia", sent_on=dt.date(2026, 6, 2))
    return consultation


def first_paragraph(consultation):
    return consultation.document_version.blocks.filter(is_heading=False).order_by("position").first()


def register(consultation):
    """The five submissions (six remarks), screened but not answered yet."""
    c = consultation
    paragraph = first_paragraph(c)
    _submit(c, now=DURING, channel=Channel.PLATFORM, submitter_kind=SubmitterKind.PERSON,
            submitter_name=PRIVATE_NAME, contact_email=PRIVATE_EMAIL, category="resident",
            remarks=[{"block_uid": paragraph.uid, "display_number": paragraph.display_number,
                      "fragment": paragraph.display_number, "current_wording": paragraph.text,
                      "content": f"Proszę usunąć {SCRIPT}", "proposed_wording": FORMULA,
                      "justification": "Bo tak będzie lepiej."}])
    _submit(c, now=DURING, channel=Channel.EMAIL, received_at=DURING, submitter_kind=SubmitterKind.ORGANISATION,
            organisation_name=ORGANISATION, submitter_name="Ewa Prezes", category="ngo",
            remarks=[{"content": "Brakuje celu dotyczącego zieleni."},
                     {"display_number": paragraph.display_number, "content": "Doprecyzować wskaźnik."}])
    _submit(c, now=DURING, channel=Channel.POST, received_at=DURING, submitter_kind=SubmitterKind.PERSON,
            submitter_name=CONSENTED_NAME, consent_publish_name=True, category="resident",
            remarks=[{"content": HIDDEN_CONTENT}])
    _submit(c, now=LATE, channel=Channel.PLATFORM, submitter_kind=SubmitterKind.ANONYMOUS, category="other",
            remarks=[{"content": "Uwaga po terminie."}])
    _submit(c, now=DURING, channel=Channel.EPUAP, received_at=DURING, submitter_kind=SubmitterKind.ORGANISATION,
            organisation_name="Regionalna Dyrekcja", category="public_institution",
            remarks=[{"document": ConsultedDocument.FORECAST, "fragment": "rozdz. 4, s. 12",
                      "content": "Uzupełnić wariant alternatywny."}])
    remarks = {r.number: r for r in Remark.objects.filter(consultation=c)}
    for remark in remarks.values():
        if remark.content == HIDDEN_CONTENT:
            remark_hide(actor=None, remark=remark, reason=HIDDEN_REASON)
        else:
            remark_publish(actor=None, remark=remark)
    return c


STANCES = {1: Stance.ACCEPTED, 2: Stance.PARTLY, 3: Stance.REJECTED, 4: Stance.EXPLANATION,
           5: Stance.NOT_CONSIDERED, 6: Stance.ACCEPTED}


def answer_all(consultation):
    """Every remark answered: 2 accepted, 1 partly, 1 rejected, 1 explanation, 1 left unconsidered (the late one)."""
    for remark in Remark.objects.filter(consultation=consultation).order_by("number"):
        response_create(actor=None, consultation=consultation, remarks=[remark], stance=STANCES[remark.number],
                        justification=f"Uzasadnienie stanowiska {remark.number}.",
                        resulting_change="Dodano zapis w pkt 1.1." if remark.number == 1 else "")
    return consultation
