"""Periodic jobs of the call for ideas: deleting draft attachments (files attached to a form that was never sent
again) once they are older than 24 hours."""

from __future__ import annotations

import datetime as dt

from strategia.core.periodic import periodic_job
from strategia.proposals.attachments import attachment_drafts_purge

PURGE_JOB = "proposals.purge_draft_attachments"


@periodic_job(PURGE_JOB, "Delete files attached to idea forms that were never sent, after 24 hours.")
def purge_draft_attachments(now: dt.datetime) -> int:
    return attachment_drafts_purge(actor=None, now=now)
