"""Exports of a call's ideas: one selector (``export_content``) reads the ideas in two queries whatever their
number, and three renderers turn that content into XLSX (primary: real date and number cells, text never becomes
a formula), CSV for Polish Excel (UTF-8 with BOM, ``;``, decimal comma, CRLF) and a printable PDF list (tagged
PDF/UA-1, lang pl).

Three variants (``legal_pl.md`` §5.5):

* **public** – only published ideas (not merged), no moderation data, an author's name only with their consent,
  no contacts; what may be published in the BIP or on the portal;
* **internal** – every idea (pending, hidden with the reason, merged with the idea kept) for anyone with
  ``proposals.view``; names only with consent, no contacts;
* **contacts** – the internal variant with the authors' names, e-mails and phones, for ``proposals.moderate`` only.

Column headers and fixed values are in Polish whatever the interface language (the file is a document of the
office)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from strategia.core.deadlines import WARSAW
from strategia.proposals.enums import Channel, ForwardTarget, HideReason, Moderation, Status
from strategia.proposals.models import Call, Proposal, StatusChange

PUBLIC = "public"
INTERNAL = "internal"
CONTACTS = "contacts"
VARIANTS = (PUBLIC, INTERNAL, CONTACTS)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PDF_STYLESHEET = "proposals/staff/export.css"

STATUS_PL = {
    Status.SUBMITTED: "złożony", Status.UNDER_REVIEW: "w analizie", Status.FORWARDED: "przekazany",
    Status.INCLUDED: "uwzględniony w strategii", Status.PARTLY_INCLUDED: "uwzględniony częściowo",
    Status.NOT_INCLUDED: "nieuwzględniony", Status.OUT_OF_SCOPE: "poza zakresem strategii",
}
MODERATION_PL = {Moderation.PENDING: "oczekuje na moderację", Moderation.PUBLISHED: "opublikowany",
                 Moderation.HIDDEN: "ukryty"}
HIDE_REASON_PL = {
    HideReason.OFFENSIVE: "treść obraźliwa", HideReason.PERSONAL_DATA: "dane osobowe innych osób",
    HideReason.UNLAWFUL: "treść niezgodna z prawem", HideReason.ADVERTISING: "reklama lub spam",
    HideReason.NOT_AN_IDEA: "nie jest pomysłem do strategii", HideReason.OTHER: "inny powód",
}
CHANNEL_PL = {Channel.PLATFORM: "formularz na platformie", Channel.EMAIL: "poczta elektroniczna",
              Channel.POST: "poczta lub osobiście w urzędzie", Channel.EDORECZENIA: "e-Doręczenia",
              Channel.MEETING: "na spotkaniu"}
FORWARD_PL = {ForwardTarget.THEMATIC_TEAM: "zespół tematyczny", ForwardTarget.DIAGNOSIS: "diagnoza",
              ForwardTarget.DEPARTMENT: "komórka urzędu"}

# (key, header, kind) – kind: text, int, decimal, datetime, date
BASE_COLUMNS = [
    ("number", "Nr", "int"),
    ("title", "Tytuł", "text"),
    ("description", "Opis", "text"),
    ("theme", "Temat", "text"),
    ("locality", "Miejscowość / sołectwo", "text"),
    ("address", "Adres lub miejsce", "text"),
    ("latitude", "Szerokość geogr.", "decimal"),
    ("longitude", "Długość geogr.", "decimal"),
    ("supports", "Poparcia", "int"),
    ("received_at", "Data wpływu", "datetime"),
    ("channel", "Sposób złożenia", "text"),
    ("author", "Autor (za zgodą)", "text"),
]
MODERATION_COLUMNS = [
    ("moderation", "Moderacja", "text"),
    ("held", "Zatrzymany przez filtr antyspamowy", "text"),
    ("hide_reason", "Powód ukrycia", "text"),
    ("hide_explanation", "Wyjaśnienie dla autora", "text"),
    ("merged_into", "Połączony z pomysłem nr", "int"),
]
ANSWER_COLUMNS = [
    ("status", "Status", "text"),
    ("status_changed_on", "Data ostatniej zmiany statusu", "date"),
    ("justification", "Uzasadnienie (publiczne)", "text"),
    ("forwarded_to", "Przekazano do", "text"),
]
CONTACT_COLUMNS = [
    ("author_name", "Imię i nazwisko / nazwa", "text"),
    ("contact_email", "E-mail", "text"),
    ("contact_phone", "Telefon", "text"),
    ("consent", "Zgoda na publikację imienia i nazwiska", "text"),
]


def columns_for(variant: str) -> list[tuple[str, str, str]]:
    if variant == PUBLIC:
        return BASE_COLUMNS + ANSWER_COLUMNS
    if variant == INTERNAL:
        return BASE_COLUMNS + MODERATION_COLUMNS + ANSWER_COLUMNS
    return BASE_COLUMNS + MODERATION_COLUMNS + ANSWER_COLUMNS + CONTACT_COLUMNS


@dataclass
class ExportContent:
    title: str
    municipality_name: str
    variant: str
    generated_at: dt.datetime
    columns: list[tuple[str, str, str]]
    rows: list[dict] = field(default_factory=list)

    @property
    def generated_on(self) -> str:
        return self.generated_at.astimezone(WARSAW).strftime("%d.%m.%Y %H:%M")

    @property
    def variant_label(self) -> str:
        return {PUBLIC: "wersja publiczna (pomysły opublikowane)",
                INTERNAL: "wersja wewnętrzna (wszystkie pomysły, bez danych kontaktowych)",
                CONTACTS: "wersja wewnętrzna z danymi kontaktowymi autorów – zawiera dane osobowe"}[self.variant]

    def table(self) -> list[list[str]]:
        """The rows as display text (PDF)."""
        return [[display(row[key], kind) for key, _header, kind in self.columns] for row in self.rows]


def _author(proposal: Proposal) -> str:
    return proposal.author_name if proposal.consent_publish_name else ""


def _row(proposal: Proposal, *, variant: str) -> dict:
    changes = list(proposal.status_changes.all())
    answered = [c for c in changes if c.justification]
    last = answered[-1] if answered else None
    changed_on = changes[-1].created_at.astimezone(WARSAW).date() if len(changes) > 1 else None
    row = {
        "number": proposal.number, "title": proposal.title, "description": proposal.description,
        "theme": proposal.theme.name, "locality": proposal.locality.name if proposal.locality_id else "",
        "address": proposal.address, "latitude": proposal.latitude, "longitude": proposal.longitude,
        "supports": proposal.support_count, "received_at": proposal.received_at,
        "channel": CHANNEL_PL.get(proposal.channel, proposal.channel), "author": _author(proposal),
        "status": STATUS_PL.get(proposal.status, proposal.status), "status_changed_on": changed_on,
        "justification": last.justification if last else "",
        "forwarded_to": _forwarded(last) if last and last.to_status == Status.FORWARDED else "",
    }
    if variant != PUBLIC:
        row.update({
            "moderation": MODERATION_PL.get(proposal.moderation, proposal.moderation),
            "held": "tak" if proposal.held_for_review else "",
            "hide_reason": HIDE_REASON_PL.get(proposal.hide_reason, ""),
            "hide_explanation": proposal.hide_explanation,
            "merged_into": proposal.merged_into.number if proposal.merged_into_id else None,
        })
    if variant == CONTACTS:
        row.update({"author_name": proposal.author_name or (str(proposal.author) if proposal.author_id else ""),
                    "contact_email": proposal.contact_email or (proposal.author.email if proposal.author_id else ""),
                    "contact_phone": proposal.contact_phone,
                    "consent": "tak" if proposal.consent_publish_name else "nie"})
    return row


def _forwarded(change: StatusChange) -> str:
    target = FORWARD_PL.get(change.forward_target, "")
    return f"{target}: {change.forwarded_to}" if change.forwarded_to else target


def export_content(*, call: Call, variant: str, now: dt.datetime | None = None) -> ExportContent:
    """Every idea of the call the variant shows, oldest first, in two queries (ideas, their history)."""
    if variant not in VARIANTS:
        raise ValueError(variant)
    related = ["theme", "locality", "merged_into"] + (["author"] if variant == CONTACTS else [])
    ideas = (Proposal.objects.filter(call=call).select_related(*related)
             .prefetch_related(Prefetch("status_changes", queryset=StatusChange.objects.order_by("created_at", "id")))
             .order_by("number"))
    if variant == PUBLIC:
        ideas = ideas.filter(moderation=Moderation.PUBLISHED, merged_into__isnull=True)
    process = call.process
    return ExportContent(title=f"{call.title} – zestawienie pomysłów", municipality_name=process.municipality.name,
                         variant=variant, generated_at=now or timezone.now(), columns=columns_for(variant),
                         rows=[_row(p, variant=variant) for p in ideas])


# --- values as text --------------------------------------------------------------------------------------------

def display(value, kind: str) -> str:
    if value is None or value == "":
        return ""
    if kind == "datetime":
        return value.astimezone(WARSAW).strftime("%d.%m.%Y %H:%M")
    if kind == "date":
        return value.strftime("%d.%m.%Y")
    if kind == "decimal":
        return format(Decimal(value), "f").replace(".", ",")
    return str(value)


def neutralised(text: str) -> str:
    """Text that a spreadsheet opening a CSV would take for a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# --- renderers -------------------------------------------------------------------------------------------------

def render_csv(content: ExportContent) -> bytes:
    """For Polish Excel: UTF-8 with a BOM, ``;`` between fields, decimal comma, CRLF line ends."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([header for _key, header, _kind in content.columns])
    for row in content.rows:
        writer.writerow([neutralised(display(row[key], kind)) if kind == "text" else display(row[key], kind)
                         for key, _header, kind in content.columns])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def _text_cell(cell, value: str) -> None:
    """A cell that is always text: "=1+1" stays those four characters, never a formula."""
    cell.value = value
    cell.data_type = "s"


XLSX_FORMATS = {"datetime": "DD.MM.YYYY HH:MM", "date": "DD.MM.YYYY", "decimal": "0.000000", "int": "0"}
XLSX_WIDTHS = {"title": 40, "description": 60, "justification": 50, "hide_explanation": 40, "theme": 24,
               "locality": 20, "address": 24, "received_at": 17, "status_changed_on": 14}


def render_xlsx(content: ExportContent) -> bytes:
    """Real date and number cells (dates as Warsaw wall-clock time), every text cell forced to text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Pomysły"
    bold = Font(bold=True)
    for index, (_key, header, _kind) in enumerate(content.columns, start=1):
        cell = sheet.cell(row=1, column=index)
        _text_cell(cell, header)
        cell.font = bold
    for row_index, row in enumerate(content.rows, start=2):
        for index, (key, _header, kind) in enumerate(content.columns, start=1):
            value = row[key]
            cell = sheet.cell(row=row_index, column=index)
            if value is None or value == "":
                continue
            if kind == "text":
                _text_cell(cell, str(value))
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                continue
            if kind == "datetime":
                value = value.astimezone(WARSAW).replace(tzinfo=None)
            elif kind == "decimal":
                value = float(value)
            cell.value = value
            cell.number_format = XLSX_FORMATS[kind]
            cell.alignment = Alignment(vertical="top")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, (key, _header, _kind) in enumerate(content.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = XLSX_WIDTHS.get(key, 14)
    about = workbook.create_sheet("Informacje")
    for line, text in enumerate([content.title, content.municipality_name, f"Stan na {content.generated_on}",
                                 content.variant_label, f"Liczba pomysłów: {len(content.rows)}"], start=1):
        _text_cell(about.cell(row=line, column=1), text)
    about.column_dimensions["A"].width = 90
    workbook.properties.title = content.title
    workbook.properties.language = "pl-PL"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


PDF_COLUMNS = ("number", "title", "theme", "locality", "supports", "received_at", "status", "justification")


def pdf_html(content: ExportContent) -> str:
    columns = [c for c in content.columns if c[0] in PDF_COLUMNS]
    if content.variant != PUBLIC:
        columns.insert(5, next(c for c in content.columns if c[0] == "moderation"))
    items = [{"cells": [(key, display(row[key], kind)) for key, _header, kind in columns],
              "description": row["description"]} for row in content.rows]
    return render_to_string("proposals/staff/export_pdf.html", {
        "content": content, "headers": [header for _key, header, _kind in columns], "items": items})


def render_pdf(content: ExportContent) -> bytes:
    """A printable, tagged PDF/UA-1 list (lang pl, title) on landscape pages; nothing is fetched."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    stylesheet = CSS(string=render_to_string(PDF_STYLESHEET))
    html = HTML(string=pdf_html(content), url_fetcher=URLFetcher(allowed_protocols={"data"}))
    return html.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


FORMATS = {
    # format: (renderer, content type, file extension)
    "xlsx": (render_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": (render_csv, "text/csv; charset=utf-8", "csv"),
    "pdf": (render_pdf, "application/pdf", "pdf"),
}
