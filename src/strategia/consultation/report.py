"""The consultation report (sprawozdanie z przebiegu i wyników konsultacji, art. 6 ust. 6 u.z.p.p.r.) as a pure
document generator: one selector (``report_content``) reads the consultation and its register in a fixed number of
queries, and ``render`` turns that content into DOCX, a tagged PDF (PDF/UA-1) or XLSX.

Two variants: the **public** one (private persons shown as "osoba fizyczna" unless they consented to their name,
no contacts, a hidden remark replaced by the reason it was hidden) and the **internal** one (full names, contacts,
the text of hidden remarks with the reason), for coordinators only (``legal_pl.md`` §5.5).

The report is a legal text and is written in Polish whatever the interface language. User text is escaped by each
renderer: autoescaped templates (PDF), python-docx text runs with XML-invalid characters stripped (DOCX), and cells
forced to text so that "=…" never becomes a formula (XLSX). A report with no remarks is still produced.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from strategia.consultation import privacy
from strategia.consultation.announcement import MEETING_FORM_PL, MEETING_KIND_PL, polish_date, polish_moment
from strategia.consultation.enums import (
    AddresseeKind,
    Channel,
    ConsultedDocument,
    DispatchChannel,
    ReportFormat,
    ReportVariant,
    Screening,
    Stance,
    SubmitterCategory,
    SubmitterKind,
)
from strategia.consultation.models import Addressee, Consultation, Dispatch, Meeting, Remark
from strategia.core.deadlines import WARSAW, local_date
from strategia.core.enums import ExecutiveTitle
from strategia.documents.exports import xml_safe
from strategia.processes.enums import ResolutionKind
from strategia.processes.models import Resolution

REPORT_STYLESHEET = "consultation/documents/report.css"
INTERNAL_MARK = "WERSJA WEWNĘTRZNA – zawiera dane osobowe"
NO_REMARKS = "Nie wniesiono uwag."
HIDDEN_TEXT = "[treść niepublikowana – powód: {reason}]"
NO_STANCE = "brak stanowiska"
GENERAL_CHAPTER = "Uwagi ogólne do projektu strategii"
FORECAST_CHAPTER = "Prognoza oddziaływania na środowisko"

CHANNEL_PL = {
    Channel.PLATFORM: "formularz na platformie",
    Channel.EMAIL: "poczta elektroniczna",
    Channel.POST: "poczta lub osobiście w urzędzie",
    Channel.EDORECZENIA: "e-Doręczenia",
    Channel.EPUAP: "ePUAP",
    Channel.ORAL: "ustnie do protokołu na spotkaniu",
}
CATEGORY_PL = {
    SubmitterCategory.RESIDENT: "mieszkańcy",
    SubmitterCategory.NGO: "organizacje pozarządowe",
    SubmitterCategory.BUSINESS: "przedsiębiorcy",
    SubmitterCategory.PUBLIC_INSTITUTION: "instytucje publiczne",
    SubmitterCategory.NEIGHBOURING_GMINA: "sąsiednie gminy i ich związki",
    SubmitterCategory.WATER_AUTHORITY: "RZGW Wody Polskie",
    SubmitterCategory.OTHER: "inni",
}
STANCE_PL = {
    Stance.ACCEPTED: "uwzględniona",
    Stance.PARTLY: "częściowo uwzględniona",
    Stance.REJECTED: "nieuwzględniona",
    Stance.EXPLANATION: "wyjaśnienie",
    Stance.NOT_CONSIDERED: "pozostawiona bez rozpatrzenia",
}
ADDRESSEE_KIND_PL = {
    AddresseeKind.NEIGHBOURING_GMINA: "sąsiednia gmina",
    AddresseeKind.GMINA_UNION: "związek gmin",
    AddresseeKind.WATER_AUTHORITY: "dyrektor RZGW Państwowego Gospodarstwa Wodnego Wody Polskie",
    AddresseeKind.PARTNER: "lokalny partner społeczny lub gospodarczy",
    AddresseeKind.RESIDENTS: "mieszkańcy",
}
DISPATCH_CHANNEL_PL = {
    DispatchChannel.EDORECZENIA: "e-Doręczenia",
    DispatchChannel.EPUAP: "ePUAP",
    DispatchChannel.POST: "list polecony",
    DispatchChannel.EMAIL: "poczta elektroniczna",
    DispatchChannel.IN_PERSON: "doręczenie osobiste",
    DispatchChannel.PUBLIC_NOTICE: "obwieszczenie (BIP, strona internetowa, tablica ogłoszeń)",
}
ANONYMOUS_PL = "zgłaszający anonimowy"
PERSON_PL = "osoba fizyczna"

# The remark table's columns, in order: (key of ReportRow, Polish header). Shared by the three formats.
COLUMNS = [
    ("number", "Lp."),
    ("submitter", "Zgłaszający"),
    ("received", "Data i forma wpływu"),
    ("fragment", "Fragment dokumentu"),
    ("remark", "Treść uwagi"),
    ("proposed_wording", "Proponowany zapis"),
    ("justification", "Uzasadnienie zgłaszającego"),
    ("stance", "Stanowisko"),
    ("stance_justification", "Uzasadnienie stanowiska"),
    ("resulting_change", "Zmiana wprowadzona w dokumencie"),
]
XLSX_EXTRA_COLUMNS = [("document", "Dokument"), ("chapter", "Rozdział"), ("channel", "Forma wpływu"),
                      ("category", "Kategoria zgłaszającego"), ("is_late", "Po terminie")]


# --- content --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportRow:
    number: int
    submitter: str
    received: str
    channel: str
    is_late: bool
    category: str
    document: str
    chapter: str
    fragment: str
    remark: str
    proposed_wording: str
    justification: str
    stance: str
    stance_justification: str
    resulting_change: str

    def cell(self, key: str) -> str:
        value = getattr(self, key)
        if isinstance(value, bool):
            return "tak" if value else "nie"
        return str(value)


@dataclass(frozen=True)
class StatTable:
    title: str
    label: str  # the header of the first column
    rows: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(count for _label, count in self.rows)


@dataclass(frozen=True)
class ReportContent:
    variant: str
    title: str
    municipality_name: str
    conducting_body: str
    legal_basis: list[str]
    procedure_text: str
    subject: str
    announced_on: str
    period_from: str
    period_to: str
    channels: list[str]
    meetings: list[str]
    addressees: list[str]
    submission_count: int
    remark_count: int
    late_submission_count: int
    late_remark_count: int
    statistics: list[StatTable]
    rows: list[ReportRow]
    generated_on: str
    has_forecast: bool = False
    summary: list[tuple[str, int]] = field(default_factory=list)

    @property
    def is_internal(self) -> bool:
        return self.variant == ReportVariant.INTERNAL

    @property
    def internal_mark(self) -> str:
        return INTERNAL_MARK if self.is_internal else ""

    @property
    def columns(self) -> list[tuple[str, str]]:
        return COLUMNS

    @property
    def table(self) -> list[list[str]]:
        return [[row.cell(key) for key, _header in COLUMNS] for row in self.rows]


def _clean(value) -> str:
    return xml_safe(str(value or "")).strip()


def _executive(municipality) -> str:
    return f"{ExecutiveTitle(municipality.executive_title).polish} {municipality.name_genitive}".strip()


def _submitter(submission, *, internal: bool) -> str:
    if submission.submitter_kind == SubmitterKind.ANONYMOUS:
        return ANONYMOUS_PL
    if internal:
        if submission.submitter_kind == SubmitterKind.ORGANISATION:
            name = submission.organisation_name.strip()
            person = submission.submitter_name.strip()
            label = f"{name} ({person})" if person else name
        else:
            label = submission.submitter_name.strip() or f"{PERSON_PL} (nie podano imienia i nazwiska)"
        contacts = [c for c in (submission.contact_email, submission.contact_phone) if c]
        if contacts:
            label += "; kontakt: " + ", ".join(contacts)
        return label
    # The public rule lives in privacy.py; only its generic labels are spelled in Polish here.
    shown = privacy.public_submitter(submission)
    if submission.submitter_kind == SubmitterKind.PERSON and shown != submission.submitter_name.strip():
        return PERSON_PL
    return shown


def _received(submission) -> str:
    text = f"{local_date(submission.received_at):%d.%m.%Y}, {CHANNEL_PL.get(submission.channel, submission.channel)}"
    if submission.postmark_on:
        text += f" (data stempla pocztowego: {submission.postmark_on:%d.%m.%Y})"
    if submission.is_late:
        text += " – PO TERMINIE"
    return text


def _top_chapter(remark) -> str:
    if remark.document == ConsultedDocument.FORECAST:
        return ""
    number = (remark.display_number or "").strip()
    return number.split(".")[0] if number else ""


def _chapter_label(top: str, chapters: dict[str, str]) -> str:
    if not top:
        return GENERAL_CHAPTER
    title = chapters.get(top)
    return f"Rozdział {top}. {title}" if title else f"Rozdział {top}"


def _fragment(remark, headings: frozenset[str] = frozenset()) -> str:
    number, text = _clean(remark.display_number), _clean(remark.fragment)
    if number in headings:  # a remark on a chapter as a whole
        chapter = f"rozdz. {number}"
        value = text if text.startswith(chapter) else (f"{chapter} – {text}" if text and text != number else chapter)
    elif number and text and text != number:
        value = f"pkt {number} – {text}"
    elif number:
        value = f"pkt {number}"
    else:
        value = text or "uwaga ogólna"
    return f"Prognoza: {value}" if remark.document == ConsultedDocument.FORECAST else value


def _row(remark, *, internal: bool, chapters: dict[str, str], headings: frozenset[str] = frozenset()) -> ReportRow:
    submission = remark.submission
    response = remark.response
    hidden = remark.screening == Screening.HIDDEN
    text, proposed, justification = _clean(remark.content), _clean(remark.proposed_wording), _clean(
        remark.justification)
    if hidden and internal:
        text = f"{text}\n[uwaga ukryta na portalu – powód: {_clean(remark.hidden_reason)}]"
    elif hidden:
        text, proposed, justification = HIDDEN_TEXT.format(reason=_clean(remark.hidden_reason)), "", ""
    forecast = remark.document == ConsultedDocument.FORECAST
    return ReportRow(
        number=remark.number,
        submitter=_clean(_submitter(submission, internal=internal)),
        received=_received(submission),
        channel=CHANNEL_PL.get(submission.channel, submission.channel),
        is_late=submission.is_late,
        category=CATEGORY_PL.get(submission.category, CATEGORY_PL[SubmitterCategory.OTHER]),
        document="prognoza" if forecast else "projekt strategii",
        chapter=FORECAST_CHAPTER if forecast else _chapter_label(_top_chapter(remark), chapters),
        fragment=_fragment(remark, headings),
        remark=text,
        proposed_wording=proposed,
        justification=justification,
        stance=STANCE_PL.get(response.stance, response.stance) if response else NO_STANCE,
        stance_justification=_clean(response.justification) if response else "",
        resulting_change=_clean(response.resulting_change) if response else "",
    )


def _meeting_line(meeting: Meeting) -> str:
    when = polish_moment(meeting.starts_at)
    if meeting.ends_at:
        when += f"–{meeting.ends_at.astimezone(WARSAW):%H:%M}"
    attendance = (f"liczba uczestników: {meeting.attendance}" if meeting.attendance is not None
                  else "liczba uczestników nie została odnotowana")
    line = (f"{MEETING_KIND_PL.get(meeting.kind, meeting.kind)}: {when}, {_clean(meeting.place)} "
            f"({MEETING_FORM_PL.get(meeting.form, meeting.form)}); {attendance}")
    if meeting.accessibility:
        line += f". Dostępność: {_clean(meeting.accessibility)}"
    return line


def _addressee_line(addressee: Addressee) -> str:
    line = f"{_clean(addressee.name)} ({ADDRESSEE_KIND_PL.get(addressee.kind, addressee.kind)})"
    dispatches: list[Dispatch] = list(addressee.dispatches.all())
    if not dispatches:
        return line + ": nie odnotowano wysłania"
    parts = []
    for dispatch in dispatches:
        part = f"wysłano {dispatch.sent_on:%d.%m.%Y} ({DISPATCH_CHANNEL_PL.get(dispatch.channel, dispatch.channel)})"
        if dispatch.received_on:
            part += f", doręczono {dispatch.received_on:%d.%m.%Y}"
        parts.append(part)
    return line + ": " + "; ".join(parts)


def _channels(consultation: Consultation, municipality, has_meetings: bool) -> list[str]:
    """The ways of sending remarks the announcement offered (announcement.py gives the same list, with addresses)."""
    channels = ["formularz na platformie konsultacyjnej przy treści projektu"]
    if municipality.email:
        channels.append(f"poczta elektroniczna ({_clean(municipality.email)})")
    channels.append(f"poczta tradycyjna lub osobiście w kancelarii urzędu ({_clean(municipality.office_name)})")
    if municipality.ade_address:
        channels.append(f"e-Doręczenia ({_clean(municipality.ade_address)})")
    channels.append("platforma ePUAP")
    if has_meetings or consultation.has_forecast:
        channels.append("ustnie do protokołu")
    return channels


def _legal_basis(consultation: Consultation, municipality, resolution: Resolution | None) -> list[str]:
    lines = ["art. 6 ust. 3–6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju (u.z.p.p.r.)"]
    if resolution is not None:
        line = f"uchwała nr {_clean(resolution.number)}"
        if municipality.council_name_genitive:
            line += f" {municipality.council_name_genitive}"
        line += f" z dnia {polish_date(resolution.adopted_on)}"
        if resolution.title:
            line += f" {_clean(resolution.title)}"
        lines.append(line + " (tryb i harmonogram opracowania strategii, w tym tryb konsultacji)")
    if consultation.has_forecast:
        lines.append("art. 39–42 w związku z art. 54 ust. 2 ustawy z dnia 3 października 2008 r. o udostępnianiu "
                     "informacji o środowisku i jego ochronie, udziale społeczeństwa w ochronie środowiska oraz "
                     "o ocenach oddziaływania na środowisko (u.o.o.ś.)")
    return lines


def _statistics(rows: list[ReportRow], chapter_order: list[str], has_forecast: bool) -> list[StatTable]:
    by_channel = Counter(row.channel for row in rows)
    by_category = Counter(row.category for row in rows)
    by_stance = Counter(row.stance for row in rows)
    by_chapter = Counter(row.chapter for row in rows)
    tables = [
        StatTable("Uwagi według formy wpływu", "Forma wpływu",
                  [(label, by_channel.get(label, 0)) for label in CHANNEL_PL.values()]),
        StatTable("Uwagi według kategorii zgłaszającego", "Kategoria zgłaszającego",
                  [(label, by_category.get(label, 0)) for label in CATEGORY_PL.values()]),
        StatTable("Uwagi według sposobu rozpatrzenia", "Stanowisko",
                  [(label, by_stance.get(label, 0)) for label in STANCE_PL.values()]
                  + ([(NO_STANCE, by_stance[NO_STANCE])] if by_stance.get(NO_STANCE) else [])),
    ]
    chapters = [GENERAL_CHAPTER, *chapter_order]
    chapter_rows = [(label, by_chapter.get(label, 0)) for label in chapters if by_chapter.get(label)]
    chapter_rows += [(label, count) for label, count in sorted(by_chapter.items())
                     if label not in chapters and label != FORECAST_CHAPTER]
    tables.append(StatTable("Uwagi według rozdziału projektu strategii", "Rozdział", chapter_rows))
    if has_forecast or by_chapter.get(FORECAST_CHAPTER):
        tables.append(StatTable("Uwagi do prognozy oddziaływania na środowisko", "Dokument",
                                [(FORECAST_CHAPTER, by_chapter.get(FORECAST_CHAPTER, 0))]))
    late = sum(1 for row in rows if row.is_late)
    tables.append(StatTable("Uwagi według terminu wniesienia", "Termin",
                            [("w terminie", len(rows) - late), ("po terminie", late)]))
    return tables


def report_content(*, consultation: Consultation, variant: str, now: dt.datetime | None = None) -> ReportContent:
    """Everything the report says, read in a fixed number of queries whatever the number of remarks."""
    internal = variant == ReportVariant.INTERNAL
    consultation = (Consultation.objects.select_related("process__municipality", "document_version__document")
                    .get(pk=consultation.pk))
    process = consultation.process
    municipality = process.municipality
    version = consultation.document_version
    resolution = (Resolution.objects.filter(process=process, kind=ResolutionKind.PROCEDURE)
                  .order_by("adopted_on", "id").first())
    meetings = list(Meeting.objects.filter(consultation=consultation).order_by("starts_at", "id"))
    addressees = list(Addressee.objects.filter(consultation=consultation)
                      .prefetch_related(Prefetch("dispatches", queryset=Dispatch.objects.order_by("sent_on", "id"))))
    remarks = list(Remark.objects.filter(consultation=consultation)
                   .select_related("submission", "response").order_by("number", "id"))
    headings = list(version.blocks.filter(is_heading=True).only("display_number", "text", "level"))
    chapters = {block.display_number: _clean(block.text) for block in headings if block.level == 1}
    heading_numbers = frozenset(block.display_number for block in headings)

    rows = [_row(remark, internal=internal, chapters=chapters, headings=heading_numbers) for remark in remarks]

    from strategia.consultation.services import announcement_day, comment_period

    period = comment_period(consultation)
    event_day = announcement_day(consultation)
    has_forecast = consultation.has_forecast
    version_label = f"wersja {version.number}" + (f" ({_clean(version.label)})" if version.label else "")
    forecast_title = _clean(consultation.forecast_title) or FORECAST_CHAPTER.lower()
    subject = f"projekt dokumentu „{_clean(version.document.title)}” ({version_label})"
    if has_forecast:
        subject += f" wraz z prognozą oddziaływania na środowisko „{forecast_title}”"

    submissions = {remark.submission_id: remark.submission for remark in remarks}
    chapter_order = [_chapter_label(number, chapters) for number in sorted(chapters, key=_number_key)]
    statistics = _statistics(rows, chapter_order, has_forecast)
    late_remarks = sum(1 for row in rows if row.is_late)
    late_submissions = sum(1 for s in submissions.values() if s.is_late)
    return ReportContent(
        variant=variant,
        title=f"Sprawozdanie z przebiegu i wyników konsultacji: {_clean(consultation.title)}",
        municipality_name=_clean(municipality.name),
        conducting_body=f"{_executive(municipality)} ({_clean(municipality.office_name)})",
        legal_basis=_legal_basis(consultation, municipality, resolution),
        procedure_text=_clean(process.consultation_procedure),
        subject=subject,
        announced_on=polish_date(event_day),
        period_from=polish_date(event_day + dt.timedelta(days=1)),
        period_to=polish_date(period.last_day),
        channels=_channels(consultation, municipality, bool(meetings)),
        meetings=[_meeting_line(m) for m in meetings],
        addressees=[_addressee_line(a) for a in addressees],
        submission_count=len(submissions),
        remark_count=len(rows),
        late_submission_count=late_submissions,
        late_remark_count=late_remarks,
        statistics=statistics,
        rows=rows,
        generated_on=polish_date(local_date(now or timezone.now())),
        has_forecast=has_forecast,
        summary=[("Liczba zgłoszeń", len(submissions)), ("Liczba uwag", len(rows)),
                 ("Zgłoszenia wniesione po terminie", late_submissions),
                 ("Uwagi wniesione po terminie", late_remarks)],
    )


def _number_key(number: str):
    return [int(part) if part.isdigit() else part for part in number.split(".")]


# --- renderers ------------------------------------------------------------------------------------------------

def render(content: ReportContent, *, format: str) -> bytes:
    if format == ReportFormat.DOCX:
        return render_docx(content)
    if format == ReportFormat.PDF:
        return render_pdf(content)
    if format == ReportFormat.XLSX:
        return render_xlsx(content)
    raise ValueError(f"Unknown report format {format!r}")


def _intro_sections(content: ReportContent) -> list[tuple[str, list[tuple[str, object]]]]:
    """The report's parts before the statistics, shared by DOCX and PDF: (heading, [("p", text) or ("list",
    [entries])])."""
    basis: list[tuple[str, object]] = [("list", content.legal_basis)]
    if content.procedure_text:
        basis.append(("p", f"Tryb konsultacji określony w uchwale: {content.procedure_text}"))
    return [
        ("Podstawa prawna", basis),
        ("Przedmiot konsultacji", [("p", f"Konsultacjom podlegał {content.subject}.")]),
        ("Przebieg konsultacji", [
            ("p", f"Informację o konsultacjach ogłoszono na stronie internetowej w dniu {content.announced_on}"),
            ("p", f"Uwagi przyjmowano od dnia {content.period_from} do dnia {content.period_to}"),
            ("p", f"Konsultacje przeprowadził: {content.conducting_body}."),
        ]),
        ("Formy i sposoby przekazywania uwag", [("list", content.channels)]),
        ("Spotkania konsultacyjne i dyskusja publiczna",
         [("list", content.meetings)] if content.meetings else [("p", "Nie przeprowadzono spotkań konsultacyjnych.")]),
        ("Podmioty powiadomione o konsultacjach (art. 6 ust. 3 u.z.p.p.r.)",
         [("list", content.addressees)] if content.addressees else [("p", "Nie odnotowano powiadomień.")]),
    ]


def render_docx(content: ReportContent) -> bytes:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    from strategia.consultation.announcement import new_docx

    document = new_docx(title=content.title)
    if content.is_internal:
        document.add_paragraph().add_run(INTERNAL_MARK).bold = True
    document.add_heading(content.title, level=1)
    document.add_paragraph(f"{content.municipality_name}, {content.generated_on}")
    for title, items in _intro_sections(content):
        document.add_heading(title, level=2)
        for kind, value in items:
            if kind == "list":
                for entry in value:
                    document.add_paragraph(entry, style="List Bullet")
            else:
                document.add_paragraph(value)

    document.add_heading("Wyniki konsultacji w liczbach", level=2)
    _docx_table(document, ["Wskaźnik", "Liczba"], [[label, str(count)] for label, count in content.summary],
                caption="Podsumowanie")
    for table in content.statistics:
        document.add_heading(table.title, level=3)
        _docx_table(document, [table.label, "Liczba uwag"],
                    [[label, str(count)] for label, count in table.rows] + [["Razem", str(table.total)]],
                    caption=table.title)

    # The table of remarks in a landscape section.
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading("Zestawienie uwag wraz ze stanowiskiem i uzasadnieniem", level=2)
    if content.rows:
        _docx_table(document, [header for _key, header in COLUMNS], content.table, caption="Zestawienie uwag")
    else:
        document.add_paragraph(NO_REMARKS)
    if content.is_internal:
        document.add_paragraph().add_run(INTERNAL_MARK).bold = True
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _docx_table(document, headers: list[str], rows: list[list[str]], *, caption: str):
    """A Word table whose first row is marked as the header (repeated on each page, read as column headers)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from strategia.documents.exports import _table_caption

    table = document.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = document.styles["Table Grid"]
    _table_caption(table, caption)
    header = table.rows[0]
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(marker)
    for index, text in enumerate(headers):
        header.cells[index].paragraphs[0].add_run(text).bold = True
    for row_index, values in enumerate(rows, start=1):
        cells = table.rows[row_index].cells
        for index, value in enumerate(values):
            lines = xml_safe(value).split("\n")
            paragraph = cells[index].paragraphs[0]
            for line_index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if line_index < len(lines) - 1:
                    run.add_break()
    document.add_paragraph()
    return table


def pdf_html(content: ReportContent) -> str:
    return render_to_string("consultation/documents/report.html", {
        "content": content, "sections": _intro_sections(content), "no_remarks": NO_REMARKS})


def render_pdf(content: ReportContent) -> bytes:
    """A tagged PDF/UA-1 (lang pl, title); the remark table on landscape pages; nothing is fetched."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    stylesheet = CSS(string=render_to_string(REPORT_STYLESHEET))
    html = HTML(string=pdf_html(content), url_fetcher=URLFetcher(allowed_protocols={"data"}))
    return html.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


def _text_cell(cell, value) -> None:
    """A cell that is always text: "=1+1" stays those four characters, never a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def render_xlsx(content: ReportContent) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Uwagi"
    columns = COLUMNS + XLSX_EXTRA_COLUMNS
    bold = Font(bold=True)
    for index, (_key, header) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        _text_cell(cell, header)
        cell.font = bold
    for row_index, row in enumerate(content.rows, start=2):
        for index, (key, _header) in enumerate(columns, start=1):
            value = row.number if key == "number" else row.cell(key)
            cell = sheet.cell(row=row_index, column=index)
            _text_cell(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    widths = {"number": 6, "submitter": 28, "received": 22, "fragment": 20, "remark": 50, "proposed_wording": 40,
              "justification": 40, "stance": 18, "stance_justification": 50, "resulting_change": 40}
    from openpyxl.utils import get_column_letter

    for index, (key, _header) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(key, 16)
    if not content.rows:
        _text_cell(sheet.cell(row=2, column=1), NO_REMARKS)

    stats = workbook.create_sheet("Statystyki")
    line = 1
    _text_cell(stats.cell(row=line, column=1), content.title)
    stats.cell(row=line, column=1).font = bold
    if content.is_internal:
        line += 1
        _text_cell(stats.cell(row=line, column=1), INTERNAL_MARK)
        stats.cell(row=line, column=1).font = bold
    line += 2
    for label, count in content.summary:
        _text_cell(stats.cell(row=line, column=1), label)
        stats.cell(row=line, column=2, value=count)
        line += 1
    for table in content.statistics:
        line += 1
        _text_cell(stats.cell(row=line, column=1), table.title)
        stats.cell(row=line, column=1).font = bold
        line += 1
        _text_cell(stats.cell(row=line, column=1), table.label)
        _text_cell(stats.cell(row=line, column=2), "Liczba uwag")
        line += 1
        for label, count in table.rows:
            _text_cell(stats.cell(row=line, column=1), label)
            stats.cell(row=line, column=2, value=count)
            line += 1
        _text_cell(stats.cell(row=line, column=1), "Razem")
        stats.cell(row=line, column=2, value=table.total)
        line += 1
    stats.column_dimensions["A"].width = 60
    stats.column_dimensions["B"].width = 14
    workbook.properties.title = content.title
    workbook.properties.language = "pl-PL"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
