"""Files held between attempts at a form: a checked upload is stored at once (private ``held/`` storage) and the
re-rendered form carries a signed token for it, so bad input elsewhere in the form never costs the user the file
(the form side is ``KeepsUploadsMixin`` in ``core/forms.py``).

A token names the row and a random secret stored on it, and is bound to the user who held the file: a forged,
foreign or expired token (older than 24 hours) resolves to nothing. The service that finally stores the file
receives a copy (``as_file``), after which the form releases the held one. Held files never used are deleted after
24 hours by a periodic job (``core/jobs.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets

from django.core import signing
from django.core.files.base import ContentFile, File
from django.utils import timezone

from strategia.core.models import HeldUpload
from strategia.core.services import service

HELD_MAX_AGE = dt.timedelta(hours=24)
TOKEN_SALT = "core.held-upload"


def _user_id(actor) -> int | None:
    return actor.pk if getattr(actor, "is_authenticated", False) else None


def _original_name(upload) -> str:
    name = os.path.basename(getattr(upload, "name", "") or "") or "file"
    return name[-200:]


@service("held_upload.create", audit=False,
         exempt_reason="A file waiting for its form to be sent again: it becomes part of what the form's audited "
                       "service stores, or is deleted unseen after 24 hours.")
def held_upload_create(*, actor, upload) -> HeldUpload:
    """Store an upload (already checked by the form) as held. Side effect: the file is written under the private
    ``held/`` storage."""
    held = HeldUpload(original_name=_original_name(upload), size=upload.size, secret=secrets.token_urlsafe(24),
                      held_by_id=_user_id(actor))
    # A plain File around the upload: storage copies it. Given the upload itself, storage would *move* a large
    # upload's temporary file, and the form's service could no longer read it.
    held.file.save(held.original_name, File(upload), save=False)
    upload.seek(0)
    held.save()
    return held


@service("held_upload.release", audit=False,
         exempt_reason="The held copy of a file is deleted once the form's audited service has stored the file, or "
                       "when the user removes or replaces it.")
def held_upload_release(*, actor, held: HeldUpload) -> None:
    held.file.delete(save=False)
    held.delete()


@service("held_upload.purge", audit=False,
         exempt_reason="Housekeeping: files held for forms never sent again, older than 24 hours.")
def held_uploads_purge(*, actor, now: dt.datetime) -> int:
    """Delete held files (rows and files) older than 24 hours. Returns how many were deleted."""
    stale = list(HeldUpload.objects.filter(created_at__lt=now - HELD_MAX_AGE))
    for held in stale:
        held.file.delete(save=False)
        held.delete()
    return len(stale)


# --- what forms and views use -----------------------------------------------------------------------------------

def token_for(held: HeldUpload) -> str:
    return signing.dumps({"id": held.pk, "s": held.secret, "u": held.held_by_id}, salt=TOKEN_SALT)


def hold(upload, *, actor) -> str:
    """Hold a checked upload for ``actor``; returns the token a re-rendered form carries."""
    return token_for(held_upload_create(actor=actor, upload=upload))


def resolve(token: str, *, actor) -> HeldUpload | None:
    """The held file named by ``token`` if it is genuine, held by ``actor`` and at most 24 hours old (the file
    itself, not only the token: a form re-rendered many times signs a fresh token each time); else None."""
    if not token:
        return None
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=HELD_MAX_AGE)
    except signing.BadSignature:
        return None
    user_id = _user_id(actor)
    if not isinstance(payload, dict) or not isinstance(payload.get("id"), int) or payload.get("u") != user_id:
        return None
    held = HeldUpload.objects.filter(pk=payload["id"], held_by_id=user_id,
                                     created_at__gte=timezone.now() - HELD_MAX_AGE).first()
    if held is None or not secrets.compare_digest(held.secret, str(payload.get("s", ""))):
        return None
    return held


def as_file(held: HeldUpload) -> ContentFile:
    """A copy of the held file under its original name, for a service that assigns it to a FileField."""
    with held.file.open("rb") as source:
        return ContentFile(source.read(), name=held.original_name)


def release(held: HeldUpload, *, actor=None) -> None:
    """Delete a held file and its row (after its form's service has stored the file, or when it is removed)."""
    held_upload_release(actor=actor, held=held)
