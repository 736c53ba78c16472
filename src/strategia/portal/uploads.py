"""Checks of the sign-language recording's files by their content (magic bytes), not by their name or the
browser's declared type."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_VIDEO_BYTES = 300 * 1024 * 1024
MAX_CAPTIONS_BYTES = 1024 * 1024

# ISO base media "ftyp" brands of MP4 video. HEIC pictures, QuickTime and audio-only files also start with
# "ftyp" and are refused by their brand.
MP4_BRANDS = {
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"mmp4",
    b"MSNV", b"M4V ", b"M4VH", b"M4VP",
}
VIDEO_EXTENSIONS = {"mp4": "mp4", "m4v": "mp4", "webm": "webm"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"


def _head(upload, size: int) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(size)
    upload.seek(position)
    return head


def _extension(upload) -> str:
    name = getattr(upload, "name", "") or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def video_format(upload) -> str | None:
    """"mp4" or "webm" when the content is one of them, else None."""
    head = _head(upload, 4096)
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    # WebM is Matroska with the DocType "webm" in its EBML header.
    if head.startswith(EBML_MAGIC) and b"webm" in head[:256]:
        return "webm"
    return None


def validate_video(upload) -> None:
    if upload.size > MAX_VIDEO_BYTES:
        raise ValidationError(_("The video is too large (at most 300 MB)."), code="too_large")
    detected = video_format(upload)
    if detected is None:
        raise ValidationError(
            _("This file is not an MP4 or WebM video. Please choose a video in one of these formats."),
            code="not_video",
        )
    if VIDEO_EXTENSIONS.get(_extension(upload)) != detected:
        raise ValidationError(
            _("The file name does not match its content: name an MP4 video .mp4 and a WebM video .webm."),
            code="extension_mismatch",
        )


def validate_captions(upload) -> None:
    if upload.size > MAX_CAPTIONS_BYTES:
        raise ValidationError(_("The captions file is too large (at most 1 MB)."), code="too_large")
    content = _head(upload, MAX_CAPTIONS_BYTES + 1)
    if content.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark is allowed before the signature
        content = content[3:]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    # WebVTT: the file starts with "WEBVTT", then the end of the file, a space, a tab or a line break.
    if not (text.startswith("WEBVTT") and (len(text) == 6 or text[6] in " \t\r\n")):
        raise ValidationError(
            _("This file is not a WebVTT captions file (it must begin with WEBVTT and be saved in UTF-8)."),
            code="not_webvtt",
        )
    if _extension(upload) != "vtt":
        raise ValidationError(_("Captions files must have the extension .vtt."), code="extension_mismatch")
