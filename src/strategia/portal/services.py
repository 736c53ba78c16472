"""Writes of the portal's own content. Each is audited (``@service``)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from strategia.core.deadlines import today_local
from strategia.core.services import service
from strategia.portal.enums import AccessibilityStatus, AssessmentMethod, PageCode
from strategia.portal.models import AccessibilityStatement, SignLanguageVideo
from strategia.portal.uploads import validate_captions, validate_video

# --- accessibility statement -----------------------------------------------------------------------------

STATEMENT_FIELDS = (
    "site_published_on", "site_updated_on", "status", "non_accessible_content", "exemptions",
    "burden_assessment_url", "prepared_on", "assessment_method", "auditor", "contact_person", "contact_email",
    "contact_phone", "architectural_accessibility", "mobile_apps",
)


def _validate_statement(statement: AccessibilityStatement, *, today: dt.date) -> None:
    errors: dict[str, list[str]] = {}
    try:
        statement.full_clean(exclude=["municipality", "reviewed_on", "statement_updated_on"],
                             validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if "site_published_on" not in errors and "site_updated_on" not in errors \
            and statement.site_updated_on < statement.site_published_on:
        errors.setdefault("site_updated_on", []).append(
            _("The last significant update cannot be earlier than the website's publication.")
        )
    if statement.prepared_on and statement.prepared_on > today:
        errors.setdefault("prepared_on", []).append(_("The statement cannot be prepared on a future date."))
    if statement.status in (AccessibilityStatus.PARTIALLY_COMPLIANT, AccessibilityStatus.NON_COMPLIANT) \
            and not (statement.non_accessible_items or statement.exemption_items):
        errors.setdefault("non_accessible_content", []).append(
            _("When the website is not fully compliant, list what is not accessible (or the exemptions).")
        )
    if statement.assessment_method == AssessmentMethod.EXTERNAL_AUDIT and not statement.auditor.strip():
        errors.setdefault("auditor", []).append(_("Name the body that carried out the audit."))
    if errors:
        raise ValidationError(errors)


@service("portal.accessibility_statement_update", target="statement")
def accessibility_statement_update(*, actor, statement: AccessibilityStatement, mark_reviewed: bool = False,
                                   today: dt.date | None = None, **fields) -> AccessibilityStatement:
    """Create or change the municipality's accessibility statement (pass an unsaved one to create it).

    Sets the statement's update date to today; with ``mark_reviewed`` also records today as the yearly review
    (art. 10 ustawy o dostępności cyfrowej). Raises ValidationError keyed by field."""
    unknown = set(fields) - set(STATEMENT_FIELDS)
    if unknown:
        raise TypeError(f"accessibility_statement_update got unexpected fields: {sorted(unknown)}")
    today = today or today_local()
    for name, value in fields.items():
        setattr(statement, name, value)
    _validate_statement(statement, today=today)
    statement.statement_updated_on = today
    if mark_reviewed:
        statement.reviewed_on = today
    statement.save()
    return statement


# --- sign-language (PJM) recordings ----------------------------------------------------------------------

def _validate_video_fields(*, page: str | None = None, video_file=None, captions_file=None,
                           transcript: str | None = None) -> None:
    errors: dict[str, list[str]] = {}
    if page is not None and page not in PageCode.values:
        errors["page"] = [_("There is no such page.")]
    for name, upload, validate in (("video_file", video_file, validate_video),
                                   ("captions_file", captions_file, validate_captions)):
        if upload is None:
            continue
        try:
            validate(upload)
        except ValidationError as error:
            errors[name] = error.messages
    if transcript is not None and not transcript.strip():
        errors["transcript"] = [_("Please give the transcript: it is the text alternative of the recording.")]
    if errors:
        raise ValidationError(errors)


def _delete_files_after_commit(names: list[str], storage) -> None:
    def delete():
        for name in names:
            if name:
                storage.delete(name)

    transaction.on_commit(delete)


@service("portal.sign_language_video_create")
def sign_language_video_create(*, actor, municipality, page: str, video_file, captions_file, transcript: str,
                               is_published: bool) -> SignLanguageVideo:
    """Add the PJM recording of a page. Raises ValidationError (keyed by field) for files whose content is not
    MP4/WebM video or WebVTT captions."""
    missing = {}
    if video_file is None:
        missing["video_file"] = [_("Please choose the video file.")]
    if captions_file is None:
        missing["captions_file"] = [_("Please choose the captions file.")]
    try:
        _validate_video_fields(page=page, video_file=video_file, captions_file=captions_file,
                               transcript=transcript)
    except ValidationError as error:
        missing.update(error.message_dict)
    if missing:
        raise ValidationError(missing)
    video = SignLanguageVideo(municipality=municipality, page=page, transcript=transcript.strip(),
                              is_published=is_published)
    video.video.save(video_file.name, video_file, save=False)
    video.captions.save(captions_file.name, captions_file, save=False)
    video.save()
    return video


@service("portal.sign_language_video_update", target="video")
def sign_language_video_update(*, actor, video: SignLanguageVideo, transcript: str, is_published: bool,
                               video_file=None, captions_file=None) -> SignLanguageVideo:
    """Replace the recording's files (those given), transcript and publication. Replaced files are deleted
    from storage after the change is committed."""
    _validate_video_fields(video_file=video_file, captions_file=captions_file, transcript=transcript)
    replaced = []
    if video_file is not None:
        replaced.append(video.video.name)
        video.video.save(video_file.name, video_file, save=False)
    if captions_file is not None:
        replaced.append(video.captions.name)
        video.captions.save(captions_file.name, captions_file, save=False)
    video.transcript = transcript.strip()
    video.is_published = is_published
    video.save()
    _delete_files_after_commit(replaced, video.video.storage)
    return video


@service("portal.sign_language_video_remove", target="video")
def sign_language_video_remove(*, actor, video: SignLanguageVideo) -> None:
    """Remove the recording; its files are deleted from storage after the change is committed."""
    names = [video.video.name, video.captions.name]
    # Deleting through the queryset keeps the instance's id for the audit entry.
    SignLanguageVideo.objects.filter(pk=video.pk).delete()
    _delete_files_after_commit(names, video.video.storage)

