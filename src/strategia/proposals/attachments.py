"""Attachments of an idea: a PDF, JPG or PNG file judged by its content (first bytes, and Pillow for images), at most
20 MB each and three per idea. Images are downscaled to 2000 px at most and re-encoded without EXIF (no camera
position, no device) before they are stored.

A file attached to a form that then failed validation is not lost: it is stored at once as a *draft* attachment
(no idea yet, a random ``draft_token``) and the form carries a signed token for it, so the next attempt binds it
to the idea (``proposal_submit(attachments=[…])``). Drafts never bound are deleted after 24 hours by a periodic
job (``proposals/jobs.py``).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import secrets
import uuid

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from strategia.core.services import service
from strategia.core.uploads import _head
from strategia.proposals.enums import AttachmentKind
from strategia.proposals.models import Attachment

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENTS = 3
MAX_IMAGE_SIDE = 2000
DRAFT_MAX_AGE = dt.timedelta(hours=24)
TOKEN_SALT = "proposals.attachment-draft"

PDF_SIGNATURE = b"%PDF-"
JPEG_SIGNATURE = b"\xff\xd8\xff"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
IMAGE_FORMATS = {"JPEG": ".jpg", "PNG": ".png"}


def attachment_kind(upload) -> str:
    """PDF or image, judged by the file's content, never by its name or the browser's declared type; raises a
    ValidationError for anything else, a damaged image or a file over 20 MB."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("The file is too large (at most 20 MB)."))
    head = _head(upload, 8)
    if head.startswith(PDF_SIGNATURE):
        return AttachmentKind.PDF
    if head.startswith((JPEG_SIGNATURE, PNG_SIGNATURE)):
        _verify_image(upload)
        return AttachmentKind.IMAGE
    raise ValidationError(_("This file is not a PDF, JPG or PNG file."))


def _verify_image(upload) -> None:
    position = upload.tell()
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format not in IMAGE_FORMATS:
                raise ValidationError(_("This file is not a PDF, JPG or PNG file."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The image is damaged or cannot be read.")) from error
    finally:
        upload.seek(position)


def clean_image(upload) -> tuple[bytes, str]:
    """The image turned upright (EXIF orientation), at most 2000 px on its longer side, re-encoded in its own
    format with no metadata (EXIF, XMP, text chunks are not carried over). Returns the bytes and the extension."""
    upload.seek(0)
    try:
        with Image.open(upload) as source:
            image_format = source.format
            image = ImageOps.exif_transpose(source)
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            if image_format == "JPEG":
                image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
            else:
                image.save(buffer, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The image is damaged or cannot be read.")) from error
    return buffer.getvalue(), IMAGE_FORMATS[image_format]


def _original_name(upload) -> str:
    name = os.path.basename(getattr(upload, "name", "") or "") or _("attachment")
    return name[:200]


@service("proposal_attachment.draft_create", audit=False,
         exempt_reason="A visitor's file waiting for its form to be sent again: it becomes part of the idea, "
                       "audited by proposal.submit, or is deleted unseen after 24 hours.")
def attachment_draft_create(*, actor, upload, kind: str) -> Attachment:
    """Store a checked upload as a draft attachment (images cleaned first). Side effect: the file is written to
    the private ``proposals/attachments/`` storage."""
    if kind == AttachmentKind.IMAGE:
        content, extension = clean_image(upload)
    else:
        upload.seek(0)
        content, extension = upload.read(), ".pdf"
    attachment = Attachment(original_name=_original_name(upload), kind=kind, size=len(content),
                            draft_token=secrets.token_urlsafe(24))
    attachment.file.save(f"{uuid.uuid4().hex}{extension}", ContentFile(content), save=False)
    attachment.save()
    return attachment


@service("proposal_attachment.draft_discard", audit=False,
         exempt_reason="The visitor removes a file of their own not yet sent with any idea.")
def attachment_draft_discard(*, actor, attachment: Attachment) -> None:
    if attachment.proposal_id is not None:
        raise ValidationError(_("This attachment already belongs to an idea."))
    attachment.file.delete(save=False)
    attachment.delete()


@service("proposal_attachment.drafts_purge", audit=False,
         exempt_reason="Housekeeping: files of forms never sent, older than 24 hours, that no idea refers to.")
def attachment_drafts_purge(*, actor, now: dt.datetime) -> int:
    """Delete draft attachments (and their files) older than 24 hours. Returns how many were deleted."""
    stale = list(Attachment.objects.filter(proposal__isnull=True, created_at__lt=now - DRAFT_MAX_AGE))
    for attachment in stale:
        attachment.file.delete(save=False)
        attachment.delete()
    return len(stale)


# --- the token a re-rendered form carries ---------------------------------------------------------------------------

def draft_signed_token(attachment: Attachment, *, call_id: int) -> str:
    return signing.dumps({"id": attachment.pk, "t": attachment.draft_token, "c": call_id}, salt=TOKEN_SALT)


def drafts_from_tokens(tokens: list[str], *, call_id: int) -> list[Attachment]:
    """The draft attachments named by the form's signed tokens (bad, expired or foreign tokens are ignored), in
    the order given, at most three."""
    wanted: list[tuple[int, str]] = []
    for token in tokens[:MAX_ATTACHMENTS * 2]:
        try:
            payload = signing.loads(token, salt=TOKEN_SALT, max_age=DRAFT_MAX_AGE)
        except signing.BadSignature:
            continue
        if isinstance(payload, dict) and payload.get("c") == call_id and (payload.get("id"), payload.get("t")) \
                not in wanted:
            wanted.append((payload.get("id"), payload.get("t")))
    if not wanted:
        return []
    found = {a.pk: a for a in Attachment.objects.filter(pk__in=[pk for pk, _t in wanted], proposal__isnull=True)}
    return [found[pk] for pk, token in wanted
            if pk in found and found[pk].draft_token and found[pk].draft_token == token][:MAX_ATTACHMENTS]
