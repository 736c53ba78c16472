"""Periodic jobs of the core: deleting files held for forms that were never sent again, after 24 hours."""

from __future__ import annotations

import datetime as dt

from strategia.core.held_uploads import held_uploads_purge
from strategia.core.periodic import periodic_job

PURGE_HELD_JOB = "core.purge_held_uploads"


@periodic_job(PURGE_HELD_JOB, "Delete files held for forms that were never sent again, after 24 hours.")
def purge_held_uploads(now: dt.datetime) -> int:
    return held_uploads_purge(actor=None, now=now)
