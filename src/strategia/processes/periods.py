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
