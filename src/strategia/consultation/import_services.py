"""Import of the collective remark spreadsheet: every row becomes a submission, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from strategia.consultation.models import Consultation, Submission
from strategia.consultation.services import submission_create
from strategia.consultation.xlsx_import import ParsedSheet, parse_remark_sheet
from strategia.core.services import service


@dataclass(frozen=True)
class RemarkImportResult:
    submissions: list[Submission]

    @property
    def count(self) -> int:
        return len(self.submissions)

    @property
    def late_count(self) -> int:
        return sum(1 for submission in self.submissions if submission.is_late)


def _refusal(parsed: ParsedSheet) -> ValidationError:
    return ValidationError([
        _("Row %(row)s, column “%(column)s”: %(message)s") % {"row": e.row, "column": e.column, "message": e.message}
        for e in parsed.errors
    ])


@service("submission.import_xlsx", target="consultation")
@transaction.atomic
def remarks_import_xlsx(*, actor, consultation: Consultation, upload) -> RemarkImportResult:
    """Each row of the spreadsheet through ``submission_create``. A single row in error stops the whole import;
    a failure half-way rolls back every row already stored."""
    parsed = parse_remark_sheet(upload, has_forecast=consultation.has_forecast)
    if not parsed.is_valid:
        raise _refusal(parsed)
    submissions = [
        submission_create(actor=actor, consultation=consultation, remarks=[row.remark], **row.submission)
        for row in parsed.rows
    ]
    return RemarkImportResult(submissions=submissions)
