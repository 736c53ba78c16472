"""The Polish Sign Language (PJM) slot: shown only with a published recording; uploads are checked by their
content."""

import re

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from strategia.core.models import AuditEntry
from strategia.portal.enums import PageCode
from strategia.portal.models import SignLanguageVideo
from strategia.portal.uploads import validate_captions, validate_video
from tests.portal.conftest import HEIC_BYTES, PNG_BYTES, WEBM_BYTES, make_video, mp4, vtt, webm

NOT_VIDEO = "This file is not an MP4 or WebM video. Please choose a video in one of these formats."
NOT_WEBVTT = "This file is not a WebVTT captions file (it must begin with WEBVTT and be saved in UTF-8)."


def _public(municipality, name="portal:take_part"):
    return reverse(name, kwargs={"municipality_slug": municipality.slug})


def _edit(municipality):
    return reverse("backoffice:portal_staff:video_edit",
                   kwargs={"municipality_slug": municipality.slug, "page": PageCode.TAKE_PART})


def _polish(msgid):
    with translation.override("pl"):
        return gettext(msgid)


# --- the public slot ----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_slot_is_absent_without_a_recording(client, municipality):
    html = client.get(_public(municipality)).content.decode()

    assert "<video" not in html
    assert 'id="pjm-title"' not in html


@pytest.mark.django_db
def test_slot_is_absent_while_the_recording_is_unpublished(client, municipality):
    make_video(municipality, is_published=False)

    html = client.get(_public(municipality)).content.decode()

    assert "<video" not in html


@pytest.mark.django_db
def test_published_recording_is_shown_with_captions_and_transcript(client, municipality):
    video = make_video(municipality, transcript="Zapraszamy do udziału w konsultacjach.")

    html = client.get(_public(municipality)).content.decode()

    assert "<video controls" in html
    assert f'<source src="{video.video.url}" type="video/mp4">' in html
    assert '<track kind="captions" srclang="pl"' in html
    assert f'src="{video.captions.url}"' in html
    transcript = html.split('id="pjm-transcript-title"')[1]
    assert "Zapraszamy do udziału w konsultacjach." in transcript


@pytest.mark.django_db
def test_recording_is_shown_on_the_easy_to_read_version_too(client, municipality):
    make_video(municipality)

    html = client.get(_public(municipality, "portal:take_part_easy")).content.decode()

    assert "<video controls" in html


@pytest.mark.django_db
def test_transcript_is_escaped(client, municipality):
    make_video(municipality, transcript='<script>alert("x")</script>')

    html = client.get(_public(municipality)).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


# --- content checks of uploads ------------------------------------------------------------------------------

def test_mp4_and_webm_content_is_accepted():
    validate_video(mp4())
    validate_video(webm())


@pytest.mark.parametrize("name,content", [
    ("obraz.mp4", PNG_BYTES), ("zdjecie.mp4", HEIC_BYTES), ("pusty.webm", b""), ("tekst.mp4", b"WEBVTT\n"),
])
def test_files_that_are_not_video_are_refused_whatever_their_name(name, content):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_video(mp4(name=name, content=content))
    assert error.value.code == "not_video"


def test_video_whose_name_does_not_match_its_content_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_video(mp4(name="nagranie.mp4", content=WEBM_BYTES))
    assert error.value.code == "extension_mismatch"


def test_captions_may_start_with_a_byte_order_mark():
    validate_captions(vtt(text="\ufeffWEBVTT\n\n00:00.000 --> 00:01.000\nTak\n"))


@pytest.mark.parametrize("text", ["1\n00:00:00,000 --> 00:00:01,000\nSRT\n", "WEBVTTX\n", ""])
def test_captions_that_are_not_webvtt_are_refused(text):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_captions(vtt(text=text))


# --- staff upload, replace, remove --------------------------------------------------------------------------

@pytest.mark.django_db
def test_upload_with_wrong_magic_bytes_is_refused_with_a_message_next_to_the_field(client, municipality,
                                                                                   office_staff):
    client.force_login(office_staff)

    response = client.post(_edit(municipality), {
        "video_file": mp4(name="film.mp4", content=PNG_BYTES), "captions_file": vtt(),
        "transcript": "Tekst, który wpisałam.", "is_published": "on",
    })

    assert response.status_code == 200
    html = response.content.decode()
    error = html.split('id="id_video_file_error"')[1].split("</p>")[0]
    assert _polish(NOT_VIDEO) in error
    field = re.search(r'<input[^>]*id="id_video_file"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field
    assert "Tekst, który wpisałam." in html
    assert not SignLanguageVideo.objects.exists()


@pytest.mark.django_db
def test_captions_without_the_webvtt_signature_are_refused_next_to_the_field(client, municipality,
                                                                              office_staff):
    client.force_login(office_staff)

    response = client.post(_edit(municipality), {
        "video_file": mp4(), "captions_file": vtt(text="1\n00:00:00,000 --> 00:00:01,000\nSRT\n"),
        "transcript": "Tekst.",
    })

    error = response.content.decode().split('id="id_captions_file_error"')[1].split("</p>")[0]
    assert _polish(NOT_WEBVTT) in error
    assert not SignLanguageVideo.objects.exists()


@pytest.mark.django_db
def test_staff_upload_creates_the_recording_through_an_audited_service(client, municipality, office_staff):
    client.force_login(office_staff)

    response = client.post(_edit(municipality), {
        "video_file": webm(), "captions_file": vtt(), "transcript": "Treść.", "is_published": "on",
    })

    assert response.status_code == 302
    video = SignLanguageVideo.objects.get(municipality=municipality, page=PageCode.TAKE_PART)
    assert video.is_published and video.video_mime_type == "video/webm"
    assert not video.video.name.endswith("nagranie.webm")  # stored under a generated name
    assert AuditEntry.objects.filter(action="portal.sign_language_video_create", actor=office_staff).exists()


@pytest.mark.django_db
def test_replacing_only_the_video_keeps_the_captions_and_deletes_the_old_video(
        client, municipality, office_staff, django_capture_on_commit_callbacks):
    video = make_video(municipality)
    old_video, old_captions = video.video.name, video.captions.name
    client.force_login(office_staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_edit(municipality), {
            "video_file": webm(), "transcript": "Nowa treść.", "is_published": "on",
        })

    assert response.status_code == 302
    video.refresh_from_db()
    assert video.captions.name == old_captions
    assert video.video.name != old_video and video.video_mime_type == "video/webm"
    assert not default_storage.exists(old_video)
    assert video.transcript == "Nowa treść."


@pytest.mark.django_db
def test_removing_the_recording_deletes_it_and_its_files(client, municipality, office_staff,
                                                         django_capture_on_commit_callbacks):
    video = make_video(municipality)
    names = [video.video.name, video.captions.name]
    client.force_login(office_staff)
    url = reverse("backoffice:portal_staff:video_remove",
                  kwargs={"municipality_slug": municipality.slug, "page": PageCode.TAKE_PART})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    assert not SignLanguageVideo.objects.exists()
    assert not any(default_storage.exists(name) for name in names)
    entry = AuditEntry.objects.get(action="portal.sign_language_video_remove")
    assert entry.object_id == str(video.pk)


@pytest.mark.django_db
def test_unknown_page_code_is_not_found(client, municipality, office_staff):
    client.force_login(office_staff)
    url = reverse("backoffice:portal_staff:video_edit",
                  kwargs={"municipality_slug": municipality.slug, "page": "nie-ma-takiej"})

    assert client.get(url).status_code == 404
