"""The remark form for paper (legal_pl.md §5.1): submitter, optional contact, document, fragment with the point
number, current and proposed wording, justification, the consent to publish the name, the RODO information and
where and until when to send it. DOCX (python-docx) and a tagged PDF/UA-1; written in Polish (a legal form)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string

from strategia.consultation.announcement import announcement_content, new_docx, render_tagged_pdf

DOCUMENT_CHOICES = "☐ projekt strategii    ☐ prognoza oddziaływania na środowisko"
FIELD_ROWS = (
    # (label, hint, tall box)
    ("Imię i nazwisko albo nazwa organizacji lub instytucji", "", False),
    ("Kontakt – e-mail lub telefon (nieobowiązkowe)", "Podanie danych kontaktowych jest dobrowolne.", False),
    ("Kategoria zgłaszającego", "☐ mieszkaniec   ☐ organizacja pozarządowa   ☐ przedsiębiorca   "
     "☐ instytucja publiczna   ☐ gmina sąsiednia   ☐ inna", False),
    ("Dokument, którego dotyczy uwaga", DOCUMENT_CHOICES, False),
    ("Fragment dokumentu (nr punktu, np. 3.2.1; rozdział lub strona)", "", False),
    ("Dotychczasowy zapis", "", True),
    ("Proponowany zapis", "", True),
    ("Uzasadnienie", "", True),
)


@dataclass(frozen=True)
class PaperFormContent:
    title: str
    subject: str
    has_forecast: bool
    rows: tuple
    consent: str
    send_to: list[str]
    last_day_text: str
    decisive_date_text: str
    anonymous_text: str
    rodo: list[str]


def paper_form_content(*, consultation) -> PaperFormContent:
    municipality = consultation.process.municipality
    announcement = announcement_content(consultation=consultation, site_url="")
    # Without a forecast only the strategy is consulted: the document row names it instead of offering a choice.
    rows = tuple(
        row if consultation.has_forecast or row[1] != DOCUMENT_CHOICES else (row[0], "projekt strategii", False)
        for row in FIELD_ROWS
    )
    send_to = [f"pocztą lub osobiście: {municipality.office_name}, {municipality.full_address}"]
    if municipality.email:
        send_to.append(f"skan pocztą elektroniczną: {municipality.email}")
    if municipality.ade_address:
        send_to.append(f"e-Doręczenia: {municipality.ade_address}")
    send_to.append("ePUAP (jako załącznik do pisma ogólnego)")
    dpo = municipality.dpo_name + ", " if municipality.dpo_name else ""
    dpo_contact = municipality.dpo_email + (f", tel. {municipality.dpo_phone}" if municipality.dpo_phone else "")
    rodo = [
        f"Administratorem danych osobowych jest {municipality.controller_name}, {municipality.controller_contact}.",
        f"Kontakt z inspektorem ochrony danych: {dpo}{dpo_contact}.",
        "Dane przetwarzamy w celu zgłoszenia i rozpatrzenia uwagi w konsultacjach społecznych projektu strategii "
        "oraz sporządzenia sprawozdania z konsultacji, na podstawie art. 6 ust. 1 lit. e RODO w związku z art. 6 "
        "ustawy o zasadach prowadzenia polityki rozwoju, a w zakresie publikacji imienia i nazwiska – na podstawie "
        "zgody (art. 6 ust. 1 lit. a RODO), którą można wycofać w każdej chwili.",
        f"Dane przechowujemy {municipality.retention_period_text}. Podanie danych kontaktowych jest dobrowolne.",
        "Przysługuje Państwu prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania, sprzeciwu oraz "
        "wycofania zgody, a także prawo wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.",
    ]
    return PaperFormContent(
        title="Formularz zgłaszania uwag",
        subject=f"Uwaga do {announcement.subject_genitive}, zgłaszana w konsultacjach społecznych.",
        has_forecast=consultation.has_forecast,
        rows=rows,
        consent=("☐ Wyrażam zgodę na opublikowanie mojego imienia i nazwiska w sprawozdaniu z konsultacji. "
                 "Bez tej zgody w sprawozdaniu podajemy tylko kategorię zgłaszającego (np. „mieszkaniec”)."),
        send_to=send_to,
        last_day_text=announcement.last_day_text,
        decisive_date_text=announcement.decisive_date_text,
        anonymous_text=announcement.anonymous_text,
        rodo=rodo,
    )


def paper_form_docx(*, consultation) -> bytes:
    from docx.shared import Cm

    content = paper_form_content(consultation=consultation)
    document = new_docx(title=content.title)
    document.add_heading(content.title, level=1)
    document.add_paragraph(content.subject)
    document.add_paragraph("Jedna uwaga na jednym formularzu; w razie potrzeby proszę wypełnić kolejny.")
    document.add_heading("Zgłaszający i uwaga", level=2)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, hint, tall in content.rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = hint
        if tall:
            table.rows[-1].height = Cm(4)
    document.add_heading("Zgoda na publikację imienia i nazwiska", level=2)
    document.add_paragraph(content.consent)
    document.add_paragraph("Data i podpis: ……………………………………")
    document.add_heading("Gdzie i do kiedy przekazać formularz", level=2)
    document.add_paragraph(f"Formularz można przekazać {content.last_day_text}:")
    for line in content.send_to:
        document.add_paragraph(line, style="List Bullet")
    document.add_paragraph(content.decisive_date_text)
    document.add_paragraph(content.anonymous_text)
    document.add_heading("Informacja o przetwarzaniu danych osobowych", level=2)
    for line in content.rodo:
        document.add_paragraph(line)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def paper_form_pdf(*, consultation) -> bytes:
    content = paper_form_content(consultation=consultation)
    return render_tagged_pdf(render_to_string("consultation/documents/paper_form.html", {"content": content}))

