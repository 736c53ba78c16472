"""Planned periods as the council writes them: quarter ranges ("1–2 kwartał 2022"), months or exact dates."""

from __future__ import annotations

import calendar
import datetime as dt

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from strategia.processes.enums import DatePrecision


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * (quarter - 1) + 1, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    month = 3 * quarter
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift_quarters(day: dt.date, quarters: int) -> dt.date:
    """Shift a date by whole quarters, keeping quarter boundaries on boundaries."""
    shifted = add_months(day, 3 * quarters)
    if day == quarter_end(day.year, quarter_of(day)) or day.day == calendar.monthrange(day.year, day.month)[1]:
        return dt.date(shifted.year, shifted.month, calendar.monthrange(shifted.year, shifted.month)[1])
    return shifted


def period_label(start: dt.date | None, end: dt.date | None, precision: str) -> str:
    """"1–2 kwartał 2022", "1 kwartał 2022", "4 kwartał 2022 – 1 kwartał 2023", "luty–marzec 2022", or dates."""
    if not start or not end:
        return ""
    if precision == DatePrecision.QUARTER:
        qs, qe = quarter_of(start), quarter_of(end)
        if start.year == end.year:
            quarters = f"{qs}" if qs == qe else f"{qs}–{qe}"
            return _("%(quarters)s quarter %(year)s") % {"quarters": quarters, "year": start.year}
        return _("%(q1)s quarter %(y1)s – %(q2)s quarter %(y2)s") % {
            "q1": qs, "y1": start.year, "q2": qe, "y2": end.year
        }
    if precision == DatePrecision.MONTH:
        first = date_format(start, "F Y")
        last = date_format(end, "F Y")
        return first if first == last else f"{first} – {last}"
    if start == end:
        return date_format(start, "j E Y")
    return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')}"


def parse_quarter_range(text: str) -> tuple[int, int, int]:
    """"1-2 kwartał 2022" → (1, 2, 2022)."""
    import re

    match = re.search(r"(\d)\s*(?:[-–]\s*(\d))?\s*kwarta\w*\s+(\d{4})", text)
    if not match:
        raise ValueError(f"Not a quarter range: {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return first, last, int(match.group(3))
