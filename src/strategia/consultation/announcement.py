"""The consultation announcement (art. 6 ust. 4 u.z.p.p.r.; with the forecast also art. 39 ust. 1 u.o.o.ś.) as pure
document generators: one content object read from the consultation, and renderers for BIP (HTML), DOCX, a printable
notice-board poster (tagged PDF/UA) and the press notice (which must carry the project's web address).

The announcement is a legal text and is written in Polish whatever the interface language. Every statutory number
comes from core/statutory.py; user text is escaped by each renderer (autoescaped templates, python-docx text runs).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from strategia.consultation.enums import DecisiveDate, MeetingForm, MeetingKind
from strategia.core import statutory
from strategia.core.deadlines import WARSAW
from strategia.core.enums import ExecutiveTitle

MONTHS_GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                   "października", "listopada", "grudnia")
MEETING_KIND_PL = {MeetingKind.MEETING: "Spotkanie konsultacyjne", MeetingKind.PUBLIC_DISCUSSION: "Dyskusja publiczna"}
MEETING_FORM_PL = {MeetingForm.IN_PERSON: "stacjonarnie", MeetingForm.ONLINE: "online",
                   MeetingForm.HYBRID: "stacjonarnie i online"}
PDF_STYLESHEET = "consultation/documents/print.css"


def polish_date(day: dt.date) -> str:
    """``6 lipca 2026 r.``"""
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year} r."


def polish_moment(moment: dt.datetime) -> str:
    local = moment.astimezone(WARSAW)
    return f"{polish_date(local.date())}, godz. {local:%H:%M}"


@dataclass(frozen=True)
class MeetingInfo:
    kind: str
    when: str
    place: str
    form: str
    accessibility: str = ""


@dataclass(frozen=True)
class AnnouncementContent:
    heading: str
    municipality_name: str
    office_name: str
    office_address: str
    executive: str  # who considers the remarks, e.g. "Burmistrz Gminy Testowo"
    draft_title: str
    version_label: str  # e.g. "wersja 2 (projekt do konsultacji)"
    forecast_title: str
    reading_url: str
    intro: str
    legal_basis: list[str]
    subject: str  # nominative: "projekt dokumentu „…” (wersja 1) wraz z prognozą …"
    subject_genitive: str  # "projektu dokumentu „…” …"
    where_to_read: str
    channels: list[str]
    last_day: dt.date
    last_day_text: str  # "do dnia 6 lipca 2026 r. (włącznie)"
    period_text: str  # the period and its statutory minimum with the citation
    late_text: str
    anonymous_text: str
    decisive_date_text: str
    meetings: list[MeetingInfo]
    considered_by_text: str
    forecast_items: list[str] = field(default_factory=list)

    @property
    def has_forecast(self) -> bool:
        return bool(self.forecast_items)


def _executive(municipality) -> str:
    return f"{ExecutiveTitle(municipality.executive_title).polish} {municipality.name_genitive}".strip()


def _meeting(meeting) -> MeetingInfo:
    when = polish_moment(meeting.starts_at)
    if meeting.ends_at:
        when += f"–{meeting.ends_at.astimezone(WARSAW):%H:%M}"
    return MeetingInfo(kind=MEETING_KIND_PL.get(meeting.kind, meeting.kind), when=when, place=meeting.place,
                       form=MEETING_FORM_PL.get(meeting.form, meeting.form), accessibility=meeting.accessibility)


def announcement_content(*, consultation, site_url: str) -> AnnouncementContent:
    from strategia.consultation.services import announcement_day, comment_period

    process = consultation.process
    municipality = process.municipality
    version = consultation.document_version
    event_day = announcement_day(consultation)
    clock = comment_period(consultation)
    minimum = statutory.period(statutory.Rule.CONSULTATION_MIN_DAYS, on=event_day)
    sea = statutory.period(statutory.Rule.SEA_PUBLIC_PARTICIPATION_MIN_DAYS, on=event_day)
    has_forecast = consultation.has_forecast
    forecast_title = consultation.forecast_title or ("Prognoza oddziaływania na środowisko" if has_forecast else "")
    reading_url = site_url.rstrip("/") + version.get_absolute_url()
    executive = _executive(municipality)
    office = municipality.office_name
    office_address = municipality.full_address
    last_day_text = f"do dnia {polish_date(clock.last_day)} (włącznie)"
    version_label = f"wersja {version.number}" + (f" ({version.label})" if version.label else "")
    what = f"dokumentu „{version.document.title}” ({version_label})"
    with_forecast = f" wraz z prognozą oddziaływania na środowisko „{forecast_title}”" if has_forecast else ""
    subject = f"projekt {what}{with_forecast}"
    subject_genitive = f"projektu {what}{with_forecast}"

    legal_basis = ["art. 6 ust. 3–6 ustawy z dnia 6 grudnia 2006 r. o zasadach prowadzenia polityki rozwoju"]
    if has_forecast:
        legal_basis.append("art. 39 ust. 1 i art. 54 ust. 2 ustawy o udostępnianiu informacji o środowisku i jego "
                           "ochronie, udziale społeczeństwa w ochronie środowiska oraz o ocenach oddziaływania na "
                           "środowisko")

    documents_word = "projektu i prognozy" if has_forecast else "projektu"
    channels = [
        f"przez formularz na platformie konsultacyjnej przy treści {documents_word}: {reading_url}",
    ]
    if municipality.email:
        channels.append(f"pocztą elektroniczną na adres: {municipality.email}")
    channels.append(f"pocztą tradycyjną lub osobiście w kancelarii: {office}, {office_address}")
    if municipality.ade_address:
        channels.append(f"przez e-Doręczenia na adres do doręczeń elektronicznych: {municipality.ade_address}")
    channels.append(f"przez platformę ePUAP, na elektroniczną skrzynkę podawczą urzędu ({office})")
    meetings = list(consultation.meetings.all())
    if meetings:
        kinds = {meeting.kind for meeting in meetings}
        where = {frozenset({MeetingKind.MEETING}): "podczas spotkań konsultacyjnych",
                 frozenset({MeetingKind.PUBLIC_DISCUSSION}): "podczas dyskusji publicznej"}.get(
            frozenset(kinds), "podczas spotkań konsultacyjnych i dyskusji publicznej")
        channels.append(f"ustnie do protokołu {where}")
    elif has_forecast:  # art. 40 u.o.o.ś.: remarks on the forecast may always be made orally to the record
        channels.append(f"ustnie do protokołu w siedzibie: {office}, {office_address}")

    period_text = (f"Termin przekazywania uwag wynosi {clock.days} dni od dnia ogłoszenia "
                   f"({polish_date(event_day)}) i nie jest krótszy niż {minimum.days} dni "
                   f"({minimum.citation})")
    if has_forecast:
        period_text += f"; dla prognozy co najmniej {sea.days} dni ({sea.citation})"
    period_text += "."
    late_text = ("Nieprzekazanie opinii w terminie oznacza rezygnację z jej przedstawienia "
                 f"({minimum.citation}).")
    if has_forecast:
        late_text += (" Uwagi i wnioski dotyczące prognozy złożone po terminie pozostawia się bez rozpatrzenia "
                      "(art. 41 u.o.o.ś.).")
    anonymous_text = ("Uwagi anonimowe są rozpatrywane." if consultation.anonymous_remarks_considered
                      else "Uwagi anonimowe (bez podania imienia i nazwiska lub nazwy podmiotu) nie będą rozpatrywane.")
    if consultation.decisive_date == DecisiveDate.POSTMARK:
        decisive_date_text = "O zachowaniu terminu przez uwagi przesłane pocztą decyduje data stempla pocztowego."
    else:
        decisive_date_text = ("O zachowaniu terminu decyduje data wpływu uwag do urzędu (w tym przesłanych pocztą), "
                              "a w przypadku formularza na platformie i poczty elektronicznej – data ich otrzymania.")
    considered_by_text = f"Uwagi rozpatruje {executive}."
    if consultation.late_remarks_considered:
        considered_by_text += " Uwagi do projektu strategii złożone po terminie mogą zostać rozpatrzone."

    forecast_items: list[str] = []
    if has_forecast:
        forecast_items = [
            f"przystąpiono do opracowania projektu dokumentu „{version.document.title}” i prognozy oddziaływania "
            f"na środowisko „{forecast_title}”; przedmiotem dokumentu jest strategia rozwoju "
            f"{municipality.name_genitive}",
            f"z dokumentacją sprawy (projektem dokumentu i prognozą) można zapoznać się na stronie {reading_url} "
            f"oraz w siedzibie: {office}, {office_address}",
            "każdy ma możliwość składania uwag i wniosków",
            "uwagi i wnioski można składać w formie pisemnej, ustnie do protokołu oraz za pomocą środków "
            f"komunikacji elektronicznej bez konieczności opatrywania ich kwalifikowanym podpisem elektronicznym, "
            f"w sposób i w miejscach wskazanych wyżej, {last_day_text}, tj. w terminie nie krótszym niż "
            f"{sea.days} dni ({sea.citation})",
            f"organem właściwym do rozpatrzenia uwag i wniosków jest {executive}",
        ]

    intro = (f"{executive} zawiadamia o rozpoczęciu konsultacji społecznych {subject_genitive} "
             f"i zaprasza do przekazywania uwag.")
    return AnnouncementContent(
        heading=consultation.title,
        municipality_name=municipality.name,
        office_name=office,
        office_address=office_address,
        executive=executive,
        draft_title=version.document.title,
        version_label=version_label,
        forecast_title=forecast_title,
        reading_url=reading_url,
        intro=intro,
        legal_basis=legal_basis,
        subject=subject,
        subject_genitive=subject_genitive,
        where_to_read=(f"Treść {documents_word} jest dostępna na stronie internetowej: {reading_url}, "
                       f"a w wersji papierowej w siedzibie: {office}, {office_address}."),
        channels=channels,
        last_day=clock.last_day,
        last_day_text=last_day_text,
        period_text=period_text,
        late_text=late_text,
        anonymous_text=anonymous_text,
        decisive_date_text=decisive_date_text,
        meetings=[_meeting(meeting) for meeting in meetings],
        considered_by_text=considered_by_text,
        forecast_items=forecast_items,
    )


# --- renderers ------------------------------------------------------------------------------------------------

def announcement_bip_html(content: AnnouncementContent) -> str:
    """An HTML fragment for BIP or the website: headings from h2, lists; every value escaped."""
    return render_to_string("consultation/documents/announcement_bip.html", {"content": content})


def announcement_docx(content: AnnouncementContent) -> bytes:
    document = new_docx(title=content.heading)
    document.add_heading(content.heading, level=1)
    document.add_paragraph(content.intro)
    for title, items in _sections(content):
        document.add_heading(title, level=2)
        for item in items:
            if isinstance(item, list):
                for entry in item:
                    document.add_paragraph(entry, style="List Bullet")
            else:
                document.add_paragraph(item)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def new_docx(*, title: str):
    """An empty python-docx document in Polish: the title and language in its properties, and ``pl-PL`` as the
    default language of every run (what screen readers and spell checkers read)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = "pl-PL"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), "pl-PL")
    return document


def _sections(content: AnnouncementContent) -> list[tuple[str, list]]:
    """The announcement's parts in order, shared by the DOCX (the templates spell them out the same way)."""
    sections: list[tuple[str, list]] = [
        ("Podstawa prawna", [content.legal_basis]),
        ("Przedmiot konsultacji", [f"Konsultacjom podlega {content.subject}."]),
        ("Gdzie można zapoznać się z projektem", [content.where_to_read]),
        ("Termin przekazywania uwag", [f"Uwagi można przekazywać {content.last_day_text}.", content.period_text,
                                       content.decisive_date_text, content.late_text]),
        ("Sposób przekazywania uwag", [content.channels, content.anonymous_text]),
        ("Spotkania konsultacyjne", [[_meeting_line(m) for m in content.meetings]] if content.meetings
         else ["Spotkania konsultacyjne nie są planowane."]),
        ("Rozpatrzenie uwag", [content.considered_by_text]),
    ]
    if content.has_forecast:
        sections.append(("Informacja o udziale społeczeństwa w strategicznej ocenie oddziaływania na środowisko "
                         "(art. 39 ust. 1 u.o.o.ś.)", ["Podaje się do publicznej wiadomości, że:",
                                                       content.forecast_items]))
    return sections


def _meeting_line(meeting: MeetingInfo) -> str:
    line = f"{meeting.kind}: {meeting.when}, {meeting.place} ({meeting.form})"
    if meeting.accessibility:
        line += f". Dostępność: {meeting.accessibility}"
    return line


def announcement_notice_html(content: AnnouncementContent) -> str:
    return render_to_string("consultation/documents/announcement_notice.html", {"content": content})


def render_tagged_pdf(html_text: str) -> bytes:
    """A tagged PDF/UA-1 from a complete HTML page (lang and title set by the template); nothing is fetched."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    stylesheet = CSS(string=render_to_string(PDF_STYLESHEET))
    html = HTML(string=html_text, url_fetcher=URLFetcher(allowed_protocols={"data"}))
    return html.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


def announcement_notice_pdf(content: AnnouncementContent) -> bytes:
    """The A4 notice-board poster, large type."""
    return render_tagged_pdf(announcement_notice_html(content))


def press_notice_text(content: AnnouncementContent) -> str:
    """The short press notice; art. 6 ust. 4 u.z.p.p.r. requires the address of the page with the project."""
    lines = [
        content.heading.upper(),
        "",
        f"{content.intro} Projekt jest dostępny na stronie internetowej: {content.reading_url}",
        f"Uwagi można przekazywać {content.last_day_text}: " + "; ".join(content.channels) + ".",
    ]
    if content.meetings:
        lines.append("Spotkania: " + "; ".join(_meeting_line(m) for m in content.meetings) + ".")
    lines.append(content.considered_by_text)
    if content.has_forecast:
        lines.append(f"Organem właściwym do rozpatrzenia uwag i wniosków dotyczących prognozy jest "
                     f"{content.executive}.")
    return "\n".join(lines) + "\n"
