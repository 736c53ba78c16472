"""The demo's accessibility statement: status "częściowo zgodna", contact details marked as sample data.
Idempotent: the first run creates it through the service; later runs move its dates relative to today."""

from __future__ import annotations

import datetime as dt

from strategia.portal.enums import AccessibilityStatus, AssessmentMethod
from strategia.portal.models import AccessibilityStatement
from strategia.portal.services import accessibility_statement_update

SAMPLE = "(dane przykładowe)"


def _dates(today: dt.date) -> dict[str, dt.date]:
    published = today - dt.timedelta(days=180)
    return {
        "site_published_on": published,
        "site_updated_on": today - dt.timedelta(days=14),
        "prepared_on": published,
    }


def portal_load(*, municipality, today: dt.date) -> AccessibilityStatement:
    statement = AccessibilityStatement.objects.filter(municipality=municipality).first()
    if statement is not None:
        # Demo time travel, not a change of the statement: the dates are written directly, without audit.
        AccessibilityStatement.objects.filter(pk=statement.pk).update(
            **_dates(today), reviewed_on=today, statement_updated_on=today)
        statement.refresh_from_db()
        return statement
    return accessibility_statement_update(
        actor=None, statement=AccessibilityStatement(municipality=municipality), mark_reviewed=True,
        today=today,
        status=AccessibilityStatus.PARTIALLY_COMPLIANT,
        non_accessible_content="\n".join([
            f"Niektóre dokumenty PDF opublikowane przez urząd przed uruchomieniem platformy mogą nie mieć "
            f"struktury znaczników; na żądanie udostępnimy je w wersji dostępnej {SAMPLE}.",
            f"Mapy w diagnozie mają opis tekstowy, ale nie wszystkie warstwy mają tabelę danych {SAMPLE}.",
            f"Nagrania spotkań opublikowane przed uruchomieniem platformy nie mają napisów {SAMPLE}.",
        ]),
        exemptions=(f"Nagrania spotkań na żywo nie mają napisów w czasie rzeczywistym (art. 3 ust. 2) "
                    f"{SAMPLE}."),
        burden_assessment_url="",
        assessment_method=AssessmentMethod.SELF_ASSESSMENT, auditor="",
        contact_person=f"Osoba do kontaktu {SAMPLE}",
        contact_email="dostepnosc@konstancin.example",
        contact_phone=f"22 000 00 00 {SAMPLE}",
        architectural_accessibility=(
            f"[Przykładowy opis – dane demonstracyjne] Siedziba urzędu: {municipality.full_address}. "
            "Do budynku prowadzi wejście bez schodów od strony parkingu, na którym są miejsca dla osób "
            "z niepełnosprawnościami. Na parterze jest dostępna toaleta i punkt obsługi z pętlą indukcyjną. "
            "Do budynku można wejść z psem asystującym. Tłumacza polskiego języka migowego (PJM) zapewniamy "
            "na wniosek złożony co najmniej 3 dni robocze przed wizytą."
        ),
        mobile_apps=f"Urząd nie udostępnia aplikacji mobilnej związanej z tą stroną {SAMPLE}.",
        **_dates(today),
    )
