"""Letters to the addressees of art. 6 ust. 3 u.z.p.p.r. (neighbouring gminas and their unions, the RZGW Wody Polskie
director, local social and economic partners, residents) as DOCX: one per addressee, or all in one file with a page
break between them.

``letter_common`` reads the consultation once (through the announcement's content, so the letters say exactly what
the announcement says: what is consulted, where to read it, how and until when to send remarks, the meetings);
``letter_content`` adds one addressee; the renderers write python-docx runs. Letters are legal texts and are written
in Polish whatever the interface language. Every piece of user text goes through ``xml_safe`` (control characters
that XML refuses are stripped) and into text runs, never into markup.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from strategia.consultation.announcement import (
    AnnouncementContent,
    _meeting_line,
    announcement_content,
    new_docx,
    polish_date,
)
from strategia.consultation.enums import AddresseeKind
from strategia.core.deadlines import today_local
from strategia.documents.exports import xml_safe

UZPPR = "ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju"
BLANK = "……………"
SIGNATURE_LINE = "…………………………………………"
# Art. 6 ust. 3 u.z.p.p.r., the part that names each kind of addressee.
WHY_THIS_ADDRESSEE = {
    AddresseeKind.NEIGHBOURING_GMINA: "z sąsiednimi gminami i ich związkami",
    AddresseeKind.GMINA_UNION: "z sąsiednimi gminami i ich związkami",
    AddresseeKind.WATER_AUTHORITY: ("z właściwym dyrektorem regionalnego zarządu gospodarki wodnej Państwowego "
                                    "Gospodarstwa Wodnego Wody Polskie"),
    AddresseeKind.PARTNER: "z lokalnymi partnerami społecznymi i gospodarczymi",
    AddresseeKind.RESIDENTS: "z mieszkańcami gminy",
}


@dataclass(frozen=True)
class LetterCommon:
    """What every letter of one consultation shares."""

    announcement: AnnouncementContent
    letterhead: list[str]  # the office's name first, then its address and contacts
    case_reference: str
    place_and_date: str
    subject: str
    signature_name: str
    signature_title: str


@dataclass(frozen=True)
class LetterContent:
    common: LetterCommon
    addressee_name: str
    addressee_lines: list[str]
    opening: str
    paragraphs: list[tuple[str, list[str]]]  # (lead sentence, bullet points)
    closing: list[str]


def strategy_genitive(title: str) -> str:
    """``Strategia rozwoju Gminy X`` → ``Strategii rozwoju Gminy X``; any other title is quoted."""
    title = " ".join(xml_safe(title).split())
    if title.casefold().startswith("strategia "):
        return "Strategii " + title[len("strategia "):]
    return f"dokumentu „{title}”"


def letter_common(*, consultation, site_url: str, on: dt.date | None = None) -> LetterCommon:
    municipality = consultation.process.municipality
    announcement = announcement_content(consultation=consultation, site_url=site_url)
    day = on or today_local()
    contacts = [municipality.full_address]
    phone_mail = ", ".join(part for part in (f"tel. {municipality.phone}" if municipality.phone else "",
                                             f"e-mail: {municipality.email}" if municipality.email else "") if part)
    if phone_mail:
        contacts.append(phone_mail)
    if municipality.ade_address:
        contacts.append(f"adres do doręczeń elektronicznych: {municipality.ade_address}")
    if municipality.bip_url:
        contacts.append(f"BIP: {municipality.bip_url}")
    prefix = municipality.case_reference_prefix.strip()
    return LetterCommon(
        announcement=announcement,
        letterhead=[municipality.office_name, *contacts],
        case_reference=f"Znak sprawy: {prefix}.{BLANK}.{day.year}" if prefix else "",
        place_and_date=f"{municipality.city}, dnia {polish_date(day)}",
        subject=f"Konsultacje projektu {strategy_genitive(consultation.process.title)}",
        signature_name=municipality.executive_name,
        signature_title=announcement.executive,
    )


def letter_content(common: LetterCommon, addressee) -> LetterContent:
    content = common.announcement
    lines = [line.strip() for line in (addressee.address or "").splitlines() if line.strip()]
    if addressee.electronic_address:
        lines.append(addressee.electronic_address)
    why = WHY_THIS_ADDRESSEE.get(addressee.kind, "")
    opening = (f"Na podstawie art. 6 ust. 3 {UZPPR} przedstawiam Państwu do konsultacji "
               f"{content.subject}. Zgodnie z tym przepisem projekt strategii rozwoju gminy podlega konsultacjom "
               f"w szczególności {why}. Uprzejmie proszę o zapoznanie się z projektem i przekazanie opinii oraz uwag.")
    subject_lines = [f"Konsultacjom podlega {content.subject}."]
    if content.has_forecast:
        subject_lines.append(f"Prognoza oddziaływania na środowisko „{content.forecast_title}” jest udostępniana "
                             f"na podstawie {content.legal_basis[-1]}.")
    meetings = [_meeting_line(meeting) for meeting in content.meetings]
    paragraphs = [
        (" ".join(subject_lines), []),
        (content.where_to_read, []),
        (f"Opinie i uwagi można przekazywać {content.last_day_text}:", list(content.channels)),
        (" ".join([content.period_text, content.decisive_date_text, content.late_text]), []),
        (("Serdecznie zapraszam również do udziału w spotkaniach:" if meetings
          else "Spotkania konsultacyjne nie są planowane."), meetings),
        (content.considered_by_text, []),
    ]
    return LetterContent(common=common, addressee_name=addressee.name, addressee_lines=lines, opening=opening,
                         paragraphs=paragraphs, closing=["Z poważaniem"])


# --- rendering ------------------------------------------------------------------------------------------------

def _paragraph(document, text: str = "", *, bold: bool = False, align=None, indent=None, style=None,
               space_after: int | None = None):
    paragraph = document.add_paragraph(style=style)
    if text:
        paragraph.add_run(xml_safe(text)).bold = bold
    if align is not None:
        paragraph.alignment = align
    if indent is not None:
        paragraph.paragraph_format.left_indent = indent
    if space_after is not None:
        paragraph.paragraph_format.space_after = Pt(space_after)
    return paragraph


def _write_letter(document, letter: LetterContent) -> None:
    common = letter.common
    for index, line in enumerate(common.letterhead):
        _paragraph(document, line, bold=index == 0, space_after=0)
    _paragraph(document, common.place_and_date, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if common.case_reference:
        _paragraph(document, common.case_reference)
    address_indent = Cm(9)
    _paragraph(document, letter.addressee_name, bold=True, indent=address_indent, space_after=0)
    for line in letter.addressee_lines:
        _paragraph(document, line, indent=address_indent, space_after=0)
    _paragraph(document)
    _paragraph(document, common.subject, bold=True)
    _paragraph(document, "Szanowni Państwo,")
    _paragraph(document, letter.opening, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    for lead, items in letter.paragraphs:
        _paragraph(document, lead, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        for item in items:
            _paragraph(document, item, style="List Bullet")
    signature_indent = Cm(9)
    for line in letter.closing:
        _paragraph(document, line, indent=signature_indent)
    _paragraph(document, SIGNATURE_LINE, indent=signature_indent, space_after=0)
    if common.signature_name:
        _paragraph(document, common.signature_name, indent=signature_indent, space_after=0)
    _paragraph(document, common.signature_title, indent=signature_indent)


def _save(document) -> bytes:
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def letter_docx(letter: LetterContent) -> bytes:
    document = new_docx(title=xml_safe(f"{letter.common.subject} – {letter.addressee_name}"))
    _write_letter(document, letter)
    return _save(document)


def letters_docx(letters: list[LetterContent], *, title: str) -> bytes:
    """All letters in one file, each starting on a new page."""
    document = new_docx(title=xml_safe(title))
    for index, letter in enumerate(letters):
        if index:
            document.add_page_break()
        _write_letter(document, letter)
    return _save(document)
