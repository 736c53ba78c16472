"""The collective remark spreadsheet used by gminas: its template, and reading it into rows ready for
``submission_create``, with row-level errors in Polish terms (row number, column, message).

Cells are plain text. Formulas are never evaluated: the workbook is read with formulas kept as written, and any
cell that starts with "=" is refused with a row error (a value must be typed, not computed)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from strategia.consultation.enums import Channel, ConsultedDocument, SubmitterCategory, SubmitterKind
from strategia.core.deadlines import WARSAW

COLUMNS = [
    ("number", "Lp."),
    ("submitter", "Zgłaszający (imię i nazwisko lub nazwa)"),
    ("kind", "Rodzaj (osoba fizyczna / organizacja / anonimowo)"),
    ("category", "Kategoria"),
    ("received", "Data wpływu"),
    ("channel", "Sposób złożenia"),
    ("document", "Dokument (projekt strategii / prognoza)"),
    ("fragment", "Fragment (nr punktu lub rozdział)"),
    ("current_wording", "Obecny zapis"),
    ("proposed_wording", "Proponowany zapis"),
    ("justification", "Uzasadnienie"),
    ("content", "Treść uwagi"),
]
HEADER = dict(COLUMNS)
# Columns a spreadsheet made from an older template may lack (their default applies).
OPTIONAL_COLUMNS = {"document"}
DOCUMENTS = {"": ConsultedDocument.STRATEGY, "projekt strategii": ConsultedDocument.STRATEGY,
             "strategia": ConsultedDocument.STRATEGY, "projekt": ConsultedDocument.STRATEGY,
             "prognoza": ConsultedDocument.FORECAST,
             "prognoza oddziaływania na środowisko": ConsultedDocument.FORECAST}
TEMPLATE_DOCUMENTS = ["projekt strategii", "prognoza"]

KINDS = {"osoba fizyczna": SubmitterKind.PERSON, "organizacja": SubmitterKind.ORGANISATION,
         "anonimowo": SubmitterKind.ANONYMOUS}
CHANNELS = {
    "e-mail": Channel.EMAIL, "email": Channel.EMAIL, "poczta elektroniczna": Channel.EMAIL,
    "poczta": Channel.POST, "pisemnie": Channel.POST, "osobiście": Channel.POST, "list": Channel.POST,
    "e-doręczenia": Channel.EDORECZENIA, "edoręczenia": Channel.EDORECZENIA,
    "epuap": Channel.EPUAP,
    "ustnie": Channel.ORAL, "ustnie do protokołu": Channel.ORAL,
}
CATEGORIES = {
    "mieszkaniec": SubmitterCategory.RESIDENT, "organizacja pozarządowa": SubmitterCategory.NGO,
    "przedsiębiorca": SubmitterCategory.BUSINESS, "instytucja publiczna": SubmitterCategory.PUBLIC_INSTITUTION,
    "gmina sąsiednia": SubmitterCategory.NEIGHBOURING_GMINA, "rzgw wody polskie": SubmitterCategory.WATER_AUTHORITY,
    "inna": SubmitterCategory.OTHER,
}
TEMPLATE_KINDS = ["osoba fizyczna", "organizacja", "anonimowo"]
TEMPLATE_CHANNELS = ["e-mail", "poczta", "e-Doręczenia", "ePUAP", "ustnie"]
TEMPLATE_CATEGORIES = ["mieszkaniec", "organizacja pozarządowa", "przedsiębiorca", "instytucja publiczna",
                       "gmina sąsiednia", "RZGW Wody Polskie", "inna"]
TEXT_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$")
MAX_ROWS = 2000


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ParsedRow:
    row: int
    submission: dict
    remark: dict


@dataclass
class ParsedSheet:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.rows)


def template_workbook() -> bytes:
    """The empty spreadsheet with the headers and drop-down lists for the fixed columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Uwagi"
    sheet.append([title for _key, title in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (key, _title) in enumerate(COLUMNS):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = 40 if key in {"current_wording", "proposed_wording",
                                                              "justification", "content", "submitter"} else 18
        options = {"kind": TEMPLATE_KINDS, "channel": TEMPLATE_CHANNELS, "category": TEMPLATE_CATEGORIES,
                   "document": TEMPLATE_DOCUMENTS}.get(key)
        if options:
            validation = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _normalise(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _received_at(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=WARSAW) if value.tzinfo is None else value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=WARSAW)
    match = TEXT_DATE.match(_text(value))
    if not match:
        return None
    day, month, year, hour, minute = match.groups()
    try:
        return dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), tzinfo=WARSAW)
    except ValueError:
        return None


def parse_remark_sheet(upload, *, has_forecast: bool = True) -> ParsedSheet:
    """Every filled row of the first sheet, or the errors that stop the import. Nothing is written. Without a
    consulted forecast (``has_forecast``), a row on the forecast is an error."""
    result = ParsedSheet()
    try:
        upload.seek(0)
        # data_only=False keeps a formula as its text ("=…"), so it is seen and refused, never computed.
        workbook = load_workbook(upload, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 — any unreadable file gets the same message
        result.errors.append(RowError(0, "", _("The file cannot be read as an XLSX spreadsheet.")))
        return result
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    positions = {_normalise(title): index for index, title in enumerate(header)}
    columns = {}
    for key, title in COLUMNS:
        if _normalise(title) not in positions and key in OPTIONAL_COLUMNS:
            continue
        if _normalise(title) not in positions:
            result.errors.append(RowError(1, title, _("The column is missing. Please use the template.")))
        else:
            columns[key] = positions[_normalise(title)]
    if result.errors:
        workbook.close()
        return result
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            result.errors.append(RowError(number, "", _("The spreadsheet has too many rows (at most %(max)s).")
                                          % {"max": MAX_ROWS}))
            break
        cells = {key: (values[index] if index < len(values) else None) for key, index in columns.items()}
        if all(_text(v) == "" for k, v in cells.items() if k != "number"):
            continue
        result_row = _parse_row(number, cells, result.errors, has_forecast=has_forecast)
        if result_row:
            result.rows.append(result_row)
    workbook.close()
    if not result.rows and not result.errors:
        result.errors.append(RowError(0, "", _("The spreadsheet has no remarks.")))
    return result


def _parse_row(number: int, cells: dict, errors: list[RowError], *, has_forecast: bool) -> ParsedRow | None:
    before = len(errors)

    def error(key, message):
        errors.append(RowError(number, HEADER[key], message))

    for key, value in cells.items():
        if isinstance(value, str) and value.lstrip().startswith("="):
            error(key, _("Formulas are not accepted: type the value itself (a cell may not start with “=”)."))
    if len(errors) > before:
        return None
    kind = KINDS.get(_normalise(cells["kind"]))
    if kind is None:
        error("kind", _("Unknown submitter kind “%(value)s”: use osoba fizyczna, organizacja or anonimowo.")
              % {"value": _text(cells["kind"])})
    channel = CHANNELS.get(_normalise(cells["channel"]))
    if channel is None:
        error("channel", _("Unknown channel “%(value)s”: use e-mail, poczta, e-Doręczenia, ePUAP or ustnie.")
              % {"value": _text(cells["channel"])})
    category = SubmitterCategory.RESIDENT
    if _text(cells["category"]):
        category = CATEGORIES.get(_normalise(cells["category"]))
        if category is None:
            error("category", _("Unknown category “%(value)s”.") % {"value": _text(cells["category"])})
    received_at = _received_at(cells["received"])
    if received_at is None:
        error("received", _("The date “%(value)s” cannot be read: use a date cell or dd.mm.rrrr.")
              % {"value": _text(cells["received"])})
    name = _text(cells["submitter"])
    if kind == SubmitterKind.ORGANISATION and not name:
        error("submitter", _("An organisation needs its name."))
    document = DOCUMENTS.get(_normalise(cells.get("document")))
    if document is None:
        error("document", _("Unknown document “%(value)s”: use projekt strategii or prognoza.")
              % {"value": _text(cells.get("document"))})
    elif document == ConsultedDocument.FORECAST and not has_forecast:
        error("document", _("This consultation does not include an environmental impact forecast."))
    if not _text(cells["content"]):
        error("content", _("The remark's text is missing."))
    if len(errors) > before:
        return None
    submission = {
        "channel": channel, "submitter_kind": kind, "category": category, "received_at": received_at,
        "submitter_name": name if kind == SubmitterKind.PERSON else "",
        "organisation_name": name if kind == SubmitterKind.ORGANISATION else "",
    }
    remark = {key: _text(cells[key]) for key in ("fragment", "current_wording", "proposed_wording",
                                                 "justification", "content")}
    remark["document"] = document
    return ParsedRow(number, submission, remark)
