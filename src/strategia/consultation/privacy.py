"""Who is shown as the submitter, to whom (``legal_pl.md`` §5.5).

- On the portal and in the public report a private person is "osoba fizyczna" unless they consented to the
  publication of their name; organisations and institutions keep their names; anonymous submissions say so.
- In the back-office only coordinators see names and contacts; everyone else who works on remarks sees a
  pseudonym made of the submission's number ("Zgłaszający nr 12"), and organisations by name.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from strategia.consultation.enums import SubmitterKind


def public_submitter(submission) -> str:
    if submission.submitter_kind == SubmitterKind.ORGANISATION:
        return submission.organisation_name
    if submission.submitter_kind == SubmitterKind.ANONYMOUS:
        return _("anonymous submitter")
    if submission.consent_publish_name and submission.submitter_name.strip():
        return submission.submitter_name.strip()
    return _("private person")


def pseudonym(submission) -> str:
    return _("Submitter no. %(number)s") % {"number": submission.number}


def staff_submitter(submission, *, sees_identity: bool) -> str:
    """The label in the back-office: the full name for coordinators, a pseudonym for everyone else."""
    if submission.submitter_kind == SubmitterKind.ORGANISATION:
        if sees_identity and submission.submitter_name.strip():
            return f"{submission.organisation_name} ({submission.submitter_name.strip()})"
        return submission.organisation_name
    if submission.submitter_kind == SubmitterKind.ANONYMOUS:
        return _("anonymous submitter")
    if sees_identity:
        return submission.submitter_name.strip() or pseudonym(submission)
    return pseudonym(submission)
