"""The council's resolution on the detailed procedure and schedule of drafting the strategy (art. 10f ust. 1
u.s.g.), including the consultation procedure (art. 6 ust. 3 u.z.p.p.r.), as an editable DOCX draft.

``resolution_content`` is the selector: it reads the process, its municipality and its harmonogram and returns
the text of every part (heading, title, legal basis, §§, attachment table, justification). ``resolution_docx``
renders that content with python-docx in plain Word styles, so the office can edit the draft before the
session. The document is a legal text and is always written in Polish, whatever the interface language.

Statutory periods come from ``core.statutory`` (never literals). Number and date of the resolution are left
as blanks ("……………") for the council's office to fill in.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

from django.utils import timezone, translation
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from strategia.core.enums import ExecutiveTitle
from strategia.core.statutory import Rule, period
from strategia.processes.models import StrategyProcess
from strategia.processes.selectors import schedule_for_process

BLANK = "……………"
LANGUAGE = "pl-PL"
UZPPR = "ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju"
USG = "ustawy z dnia 8 marca 1990 r. o samorządzie gminnym"
CONSULTATION_ACTIVITY_TYPE = "consultation"

SCHEDULE_HEADER = ("Etap", "Lp.", "Działanie", "Planowany termin realizacji")

# Characters XML 1.0 does not allow (python-docx/lxml refuse them). Vertical tab and form feed are what Word
# puts in pasted text for line and page breaks, so they become spaces; the rest are dropped.
_BREAK_CHARS = re.compile(r"[\x0b\x0c]")
_INVALID_XML_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str | None) -> str:
    """One line of user text made safe for XML: control characters stripped, whitespace collapsed."""
    value = _INVALID_XML_CHARS.sub("", _BREAK_CHARS.sub(" ", value or ""))
    return re.sub(r"\s+", " ", value).strip()


def clean_lines(value: str | None) -> list[str]:
    """Non-empty lines of a multi-line user text, each cleaned."""
    lines = (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line for line in (clean_text(raw) for raw in lines) if line]


# --- content ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    """An ustęp of a §; ``points`` are its enumerated points ("1) …;")."""

    text: str
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A § of the resolution."""

    sign: str
    units: tuple[Unit, ...]

    @property
    def numbered(self) -> bool:
        # A § with a single ustęp is not numbered (zasady techniki prawodawczej).
        return len(self.units) > 1

    def lines(self) -> list[str]:
        """The § as it reads: each ustęp ("1. …") followed by its points."""
        out: list[str] = []
        for index, unit in enumerate(self.units, start=1):
            out.append(f"{index}. {unit.text}" if self.numbered else unit.text)
            out.extend(unit.points)
        return out


@dataclass(frozen=True)
class ScheduleRow:
    stage: str
    number: str
    wording: str
    planned: str


@dataclass(frozen=True)
class ResolutionContent:
    heading: tuple[str, ...]
    title: str
    legal_basis: tuple[str, ...]
    legal_basis_sentence: str
    sections: tuple[Section, ...]
    attachment_reference: str
    attachment_title: str
    stages: tuple[str, ...]
    schedule_header: tuple[str, ...]
    schedule_rows: tuple[ScheduleRow, ...]
    justification_title: str
    justification: tuple[str, ...]
    document_title: str


def _executive(municipality, *, dative: bool) -> str:
    """"Burmistrz Gminy Konstancin-Jeziorna" / "Wójtowi Gminy Dobra"; a title ending in "Miasta" does not
    repeat the word when the genitive name starts with it ("Prezydentowi Miasta Płocka")."""
    title = ExecutiveTitle(municipality.executive_title)
    words = (title.dative if dative else title.polish).split()
    name = clean_text(municipality.name_genitive).split()
    if words and name and words[-1].lower() == name[0].lower():
        name = name[1:]
    return " ".join(words + name)


def _join_citations(citations: list[str]) -> str:
    if not citations:
        return BLANK
    if len(citations) == 1:
        return citations[0]
    return ", ".join(citations[:-1]) + " oraz " + citations[-1]


def _citation_lines(text: str) -> tuple[str, ...]:
    lines = []
    for line in clean_lines(text):
        line = re.sub(r"^na podstawie\s+", "", line, flags=re.IGNORECASE).rstrip(",;.").strip()
        if line:
            lines.append(line)
    return tuple(lines)


def _lower_first(text: str) -> str:
    """"Etap 1 (…): Diagnoza …" → "etap 1 (…): diagnoza …" for use inside a sentence."""
    head, sep, tail = text.partition(": ")
    head = head[:1].lower() + head[1:]
    if tail[1:2].islower():  # leave acronyms and proper names ("SOOŚ …") alone
        tail = tail[:1].lower() + tail[1:]
    return f"{head}{sep}{tail}"


def _count_stages(count: int) -> str:
    """Polish numeral with the right form of "etap": "jeden etap", "dwa etapy", "pięć etapów"."""
    words = {1: "jeden", 2: "dwa", 3: "trzy", 4: "cztery", 5: "pięć", 6: "sześć", 7: "siedem", 8: "osiem",
             9: "dziewięć", 10: "dziesięć"}
    numeral = words.get(count, str(count))
    if count == 1:
        return f"{numeral} etap"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{numeral} etapy"
    return f"{numeral} etapów"


def _statutory_day(stages) -> dt.date:
    """The day on which the consultation's statutory periods are read: the planned start of the consultation
    activity (the law in force then applies), or today when the schedule has none."""
    for stage in stages:
        for activity in stage.activities.all():
            if activity.activity_type == CONSULTATION_ACTIVITY_TYPE:
                return activity.planned_start
    return timezone.localdate()


def _consultation_section(*, municipality, stages, procedure_text: str) -> Section:
    gmina = clean_text(municipality.name_genitive)
    executive = _executive(municipality, dative=False)
    on = _statutory_day(stages)
    minimum = period(Rule.CONSULTATION_MIN_DAYS, on=on)
    report = period(Rule.CONSULTATION_REPORT_DAYS, on=on)

    website = clean_text(municipality.website_url)
    bip = clean_text(municipality.bip_url)
    where = "na stronie internetowej Gminy" + (f" ({website})" if website else "")
    where += " oraz w Biuletynie Informacji Publicznej" + (f" ({bip})" if bip else "")

    forms = clean_lines(procedure_text)
    if len(forms) > 1:
        forms_unit = Unit(
            "Konsultacje przeprowadza się w następujących formach:",
            tuple(f"{i}) {form.rstrip(',;.')}{';' if i < len(forms) else '.'}"
                  for i, form in enumerate(forms, start=1)),
        )
    else:
        text = forms[0].rstrip(",;.") if forms else BLANK
        forms_unit = Unit(f"Konsultacje przeprowadza się w następujących formach: {text}.")

    return Section("§ 2.", (
        Unit(
            f"Projekt strategii rozwoju {gmina} podlega konsultacjom, o których mowa "
            f"w art. 6 ust. 3 {UZPPR}, zwanej dalej „u.z.p.p.r.”, w szczególności z:",
            (
                "1) sąsiednimi gminami i ich związkami;",
                "2) lokalnymi partnerami społecznymi i gospodarczymi;",
                f"3) mieszkańcami {gmina};",
                "4) właściwym dyrektorem regionalnego zarządu gospodarki wodnej "
                "Państwowego Gospodarstwa Wodnego Wody Polskie.",
            ),
        ),
        Unit(
            f"{executive} ogłasza {where} informację o konsultacjach, terminie i sposobie "
            "przekazywania uwag do projektu strategii oraz terminie i miejscu spotkań konsultacyjnych; "
            "informacja może być ogłoszona także w prasie lokalnej, wraz z adresem strony internetowej, "
            "na której zamieszczono projekt (art. 6 ust. 4 u.z.p.p.r.)."
        ),
        forms_unit,
        Unit(
            "Uwagi do projektu strategii przekazuje się w sposób i w terminie określonym w ogłoszeniu, "
            f"nie krótszym niż {minimum.days} dni od dnia ogłoszenia informacji, o której mowa w ust. 2, "
            f"na stronie internetowej ({minimum.citation}). Nieprzekazanie uwag w terminie oznacza "
            "rezygnację z ich przedstawienia."
        ),
        Unit(f"Zgłoszone uwagi rozpatruje {executive}."),
        Unit(
            f"W terminie {report.days} dni od upływu terminu przekazywania uwag {executive} przygotowuje "
            "sprawozdanie z przebiegu i wyników konsultacji, zawierające w szczególności ustosunkowanie się "
            f"do zgłoszonych uwag wraz z uzasadnieniem, i zamieszcza je {where} ({report.citation})."
        ),
    ))


def resolution_content(*, process: StrategyProcess) -> ResolutionContent:
    """Every part of the draft resolution on the procedure and schedule, in Polish, built from the process."""
    municipality = process.municipality
    stages = schedule_for_process(process=process)
    gmina = clean_text(municipality.name_genitive)
    council_genitive = clean_text(municipality.council_name_genitive)
    with translation.override("pl"):
        stage_labels = [clean_text(stage.planned_label) for stage in stages]
        rows = tuple(
            ScheduleRow(
                stage=f"Etap {stage.number}",
                number=clean_text(activity.number),
                wording=clean_text(activity.title),
                planned=clean_text(activity.planned_label),
            )
            for stage in stages
            for activity in stage.activities.all()
        )

    subject = f"określenia szczegółowego trybu i harmonogramu opracowania projektu strategii rozwoju {gmina}"
    title = f"w sprawie {subject}, w tym trybu konsultacji"
    citations = _citation_lines(process.legal_basis)
    executive_nominative = _executive(municipality, dative=False)
    stages_text = tuple(
        f"Etap {stage.number} ({label}): {clean_text(stage.description) or clean_text(stage.title)}"
        for stage, label in zip(stages, stage_labels, strict=True)
    )

    sections = (
        Section("§ 1.", (
            Unit(f"Określa się szczegółowy tryb i harmonogram opracowania projektu strategii rozwoju "
                 f"{gmina}, w tym tryb konsultacji."),
            Unit(f"Projekt strategii opracowuje {executive_nominative}."),
            Unit(f"Harmonogram opracowania projektu strategii rozwoju {gmina} stanowi załącznik nr 1 "
                 "do niniejszej uchwały."),
        )),
        _consultation_section(municipality=municipality, stages=stages,
                              procedure_text=process.consultation_procedure),
        Section("§ 3.", (Unit(f"Wykonanie uchwały powierza się {_executive(municipality, dative=True)}."),)),
        Section("§ 4.", (Unit("Uchwała wchodzi w życie z dniem podjęcia."),)),
    )

    opinion = period(Rule.VOIVODESHIP_OPINION_DAYS, on=_statutory_day(stages))
    process_title = clean_text(process.title)
    justification = (
        f"Strategia rozwoju gminy, o której mowa w art. 10e {USG}, jest podstawowym dokumentem określającym "
        "cele rozwoju gminy w wymiarze społecznym, gospodarczym i przestrzennym, kierunki działań służących "
        "ich osiągnięciu, oczekiwane rezultaty i wskaźniki ich osiągnięcia, model struktury "
        "funkcjonalno-przestrzennej, ustalenia i rekomendacje w zakresie kształtowania i prowadzenia "
        "polityki przestrzennej, system realizacji strategii oraz ramy finansowe i źródła finansowania. "
        "Strategia zawiera wnioski z diagnozy sytuacji społecznej, gospodarczej i przestrzennej gminy. "
        f"Opracowanie dokumentu „{process_title}” pozwoli zaplanować rozwój {gmina} w sposób spójny "
        "ze strategią rozwoju województwa i ubiegać się o środki zewnętrzne na realizację zaplanowanych "
        "działań.",
        f"Zgodnie z art. 10f ust. 1 {USG} rada gminy określa, w drodze uchwały, szczegółowy tryb "
        "i harmonogram opracowania projektu strategii rozwoju gminy, w tym tryb konsultacji, o których "
        f"mowa w art. 6 ust. 3 {UZPPR}. Projekt strategii opracowuje {executive_nominative} i przedkłada "
        "go zarządowi województwa w celu wydania opinii dotyczącej sposobu uwzględnienia ustaleń "
        "i rekomendacji w zakresie kształtowania i prowadzenia polityki przestrzennej w województwie; "
        f"zarząd województwa wydaje opinię w terminie {opinion.days} dni od dnia otrzymania projektu "
        f"({opinion.citation}). Strategię przyjmuje rada gminy w drodze uchwały (art. 10f ust. 4 u.s.g.).",
        f"Harmonogram stanowiący załącznik nr 1 do uchwały obejmuje {_count_stages(len(stages))}: "
        + "; ".join(_lower_first(text) for text in stages_text) + ".",
        "Tryb określony w uchwale zapewnia udział mieszkańców, lokalnych partnerów społecznych "
        "i gospodarczych, sąsiednich gmin i ich związków oraz innych interesariuszy w opracowaniu "
        "strategii – zarówno przy diagnozie i formułowaniu celów rozwoju, jak i w konsultacjach projektu "
        "strategii prowadzonych zgodnie z art. 6 ust. 3–6 u.z.p.p.r. Dzięki temu strategia będzie "
        "odpowiadać na potrzeby wspólnoty samorządowej i będzie przez nią współtworzona.",
        "Mając powyższe na uwadze, podjęcie uchwały jest zasadne.",
    )

    resolution_ref = f"do uchwały nr {BLANK} {council_genitive} z dnia {BLANK}"
    return ResolutionContent(
        heading=(f"UCHWAŁA NR {BLANK}", council_genitive.upper(), f"z dnia {BLANK}"),
        title=title,
        legal_basis=citations,
        legal_basis_sentence=f"Na podstawie {_join_citations(list(citations))} – uchwala się, co następuje:",
        sections=sections,
        attachment_reference=f"Załącznik nr 1 {resolution_ref}",
        attachment_title=f"Harmonogram opracowania projektu strategii rozwoju {gmina}",
        stages=stages_text,
        schedule_header=SCHEDULE_HEADER,
        schedule_rows=rows,
        justification_title="Uzasadnienie",
        justification=justification,
        document_title=f"Uchwała {council_genitive} {title}",
    )


def resolution_docx_filename(*, process: StrategyProcess) -> str:
    return f"uchwala-tryb-i-harmonogram-{process.slug}.docx"


# --- rendering ----------------------------------------------------------------------------------------

FONT = "Times New Roman"
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _plain_fonts(rpr) -> None:
    """Name the font directly instead of through the theme (theme fonts win over a named font in Word)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)


def _set_document_language(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _plain_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _prepare_styles(document) -> None:
    _set_document_language(document)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, alignment in (("Heading 1", 13, WD_ALIGN_PARAGRAPH.CENTER),
                                  ("Heading 2", 12, WD_ALIGN_PARAGRAPH.CENTER),
                                  ("Title", 12, WD_ALIGN_PARAGRAPH.CENTER)):
        style = document.styles[name]
        _plain_fonts(style.element.get_or_add_rPr())
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.alignment = alignment
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
    title = document.styles["Title"]
    title.font.italic = False
    ppr = title.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:  # the default template underlines the title in blue
        ppr.remove(border)
    spacing = title.element.get_or_add_rPr().find(qn("w:spacing"))
    if spacing is not None:
        title.element.rPr.remove(spacing)


def _paragraph(document, text: str, *, style: str | None = None, alignment=None, indent_cm: float = 0.0,
               bold: bool = False, size: int | None = None):
    paragraph = document.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    if alignment is not None:
        paragraph.alignment = alignment
    if indent_cm:
        paragraph.paragraph_format.left_indent = Cm(indent_cm)
    return paragraph


def _repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _keep_row_together(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    tr_pr.insert(0, cant_split)


def _table_alt_text(table, *, caption: str, description: str) -> None:
    tbl_pr = table._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        tbl_pr.append(element)


def _schedule_table(document, content: ResolutionContent) -> None:
    widths = (Cm(2.0), Cm(1.4), Cm(9.6), Cm(3.5))
    table = document.add_table(rows=1, cols=len(content.schedule_header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width.twips))
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text, width in zip(header.cells, content.schedule_header, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].add_run(text).bold = True
    for item in content.schedule_rows:
        row = table.add_row()
        _keep_row_together(row)
        for cell, text, width in zip(row.cells, (item.stage, item.number, item.wording, item.planned), widths,
                                     strict=True):
            cell.width = width
            cell.paragraphs[0].add_run(text)
    _table_alt_text(table, caption=content.attachment_title,
                    description="Tabela: etap, numer działania, treść działania i planowany termin "
                                "realizacji.")


def resolution_docx(*, process: StrategyProcess) -> bytes:
    """The draft resolution as an editable DOCX: A4, Polish, plain Word styles, the schedule and the
    justification each on a new page."""
    content = resolution_content(process=process)
    document = Document()
    _prepare_styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))

    heading = document.add_paragraph(style="Heading 1")
    for index, line in enumerate(content.heading):
        run = heading.add_run(line)
        if index < len(content.heading) - 1:
            run.add_break()
    document.add_paragraph(content.title, style="Title")
    _paragraph(document, content.legal_basis_sentence, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)

    for item in content.sections:
        document.add_paragraph(item.sign, style="Heading 2")
        for index, unit in enumerate(item.units, start=1):
            text = f"{index}. {unit.text}" if item.numbered else unit.text
            _paragraph(document, text, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)
            for point in unit.points:
                _paragraph(document, point, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_cm=0.75)

    reference = _paragraph(document, content.attachment_reference, alignment=WD_ALIGN_PARAGRAPH.RIGHT,
                           size=10)
    reference.paragraph_format.page_break_before = True
    document.add_paragraph(content.attachment_title, style="Heading 1")
    for text in content.stages:
        _paragraph(document, text, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _schedule_table(document, content)

    justification = document.add_paragraph(content.justification_title, style="Heading 1")
    justification.paragraph_format.page_break_before = True
    for text in content.justification:
        _paragraph(document, text, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY)

    properties = document.core_properties
    properties.title = content.document_title[:255]
    properties.subject = content.title[:255]
    properties.language = LANGUAGE
    properties.author = clean_text(process.municipality.office_name)[:255]
    properties.keywords = "uchwała; strategia rozwoju gminy; harmonogram; konsultacje"
    properties.comments = "Projekt uchwały przygotowany na platformie Strategia; do uzupełnienia i edycji."
    properties.created = properties.modified = timezone.now().replace(microsecond=0, tzinfo=None)
    properties.revision = 1

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
