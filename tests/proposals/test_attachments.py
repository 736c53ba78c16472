"""Attachments of an idea (issue #5 point 2): PDF, JPG or PNG judged by content, at most 20 MB and three per idea;
images downscaled and stripped of EXIF on the server; a valid file survives a failed validation ("Attachment kept")
and is bound to the idea when the form is sent again; drafts never sent are deleted after 24 hours."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from strategia.proposals.attachments import MAX_ATTACHMENT_BYTES, MAX_IMAGE_SIDE, draft_signed_token
from strategia.proposals.enums import AttachmentKind
from strategia.proposals.jobs import purge_draft_attachments
from strategia.proposals.models import Attachment, Proposal
from tests.proposals.conftest import DURING

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
GPS_IFD = 0x8825


def submit_url(call):
    return reverse("proposals:submit", kwargs={"municipality_slug": call.process.municipality.slug,
                                               "process_slug": call.process.slug, "call_id": call.pk})


def idea(theme, **overrides):
    data = {"title": "Plac zabaw w Słomczynie", "description": "Przy świetlicy brakuje placu zabaw.",
            "theme": theme.pk, "locality": "", "address": "", "latitude": "", "longitude": "",
            "author_name": "", "contact_email": "", "contact_phone": "", "website": ""}
    data.update(overrides)
    return data


def pdf(name="wniosek.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def photo(name="plac.jpg", size=(3000, 1500), image_format="JPEG"):
    image = Image.new("RGB", size, (120, 180, 60))
    exif = Image.Exif()
    exif[0x010F] = "Aparat Testowy"  # Make
    exif[0x0110] = "Model X"  # Model
    exif.get_ifd(GPS_IFD)[2] = (52.0, 5.0, 3.0)  # GPSLatitude
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def during(time_machine):
    time_machine.move_to(DURING)


def stored_image(attachment):
    with attachment.file.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


# --- judged by content ------------------------------------------------------------------------------------------

def test_a_pdf_is_attached_to_the_idea(client, call, theme, during):
    client.post(submit_url(call), {**idea(theme), "attachments": [pdf()]})
    [attachment] = Proposal.objects.get().attachments.all()
    assert attachment.kind == AttachmentKind.PDF and attachment.original_name == "wniosek.pdf"
    assert attachment.draft_token == "" and attachment.file.name.startswith("proposals/attachments/")


def test_a_text_file_renamed_to_pdf_is_refused(english, call, theme, during):
    fake = SimpleUploadedFile("wniosek.pdf", b"just some text, not a PDF", content_type="application/pdf")
    response = english.post(submit_url(call), {**idea(theme), "attachments": [fake]})
    content = response.content.decode()
    assert response.status_code == 200 and not Proposal.objects.exists() and not Attachment.objects.exists()
    assert "wniosek.pdf: This file is not a PDF, JPG or PNG file." in content


def test_a_text_file_renamed_to_jpg_is_refused(client, call, theme, during):
    fake = SimpleUploadedFile("zdjecie.jpg", b"\xff\xd8\xff not really a jpeg", content_type="image/jpeg")
    response = client.post(submit_url(call), {**idea(theme), "attachments": [fake]})
    assert response.status_code == 200 and not Attachment.objects.exists()


def test_a_file_over_20_mb_is_refused(english, call, theme, during):
    big = SimpleUploadedFile("duzy.pdf", PDF + b"0" * (MAX_ATTACHMENT_BYTES - len(PDF) + 1))
    response = english.post(submit_url(call), {**idea(theme), "attachments": [big]})
    assert "duzy.pdf: The file is too large (at most 20 MB)." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_of_exactly_20_mb_is_accepted(client, call, theme, during):
    limit = SimpleUploadedFile("limit.pdf", PDF + b"0" * (MAX_ATTACHMENT_BYTES - len(PDF)))
    client.post(submit_url(call), {**idea(theme), "attachments": [limit]})
    assert Proposal.objects.get().attachments.get().size == MAX_ATTACHMENT_BYTES


def test_at_most_three_attachments_are_taken(english, call, theme, during):
    files = [pdf(f"plik{i}.pdf") for i in range(4)]
    response = english.post(submit_url(call), {**idea(theme), "attachments": files})
    assert "plik3.pdf: at most 3 attachments can be sent with one idea." in response.content.decode()
    assert Attachment.objects.count() == 3 and not Proposal.objects.exists()


# --- images cleaned on the server -----------------------------------------------------------------------------

def test_a_photo_is_downscaled_to_2000_px(client, call, theme, during):
    client.post(submit_url(call), {**idea(theme), "attachments": [photo(size=(3000, 1500))]})
    image = stored_image(Proposal.objects.get().attachments.get())
    assert image.size == (MAX_IMAGE_SIDE, 1000) and image.format == "JPEG"


def test_a_photo_loses_its_exif_and_gps_position(client, call, theme, during):
    original = Image.open(photo())
    assert original.getexif().get(0x010F) == "Aparat Testowy"  # the arrangement has EXIF to lose
    client.post(submit_url(call), {**idea(theme), "attachments": [photo()]})
    image = stored_image(Proposal.objects.get().attachments.get())
    assert len(image.getexif()) == 0 and "exif" not in image.info


def test_a_png_stays_a_png_without_metadata(client, call, theme, during):
    client.post(submit_url(call), {**idea(theme), "attachments": [photo("plan.png", (800, 600), "PNG")]})
    attachment = Proposal.objects.get().attachments.get()
    image = stored_image(attachment)
    assert image.format == "PNG" and image.size == (800, 600) and len(image.getexif()) == 0
    assert attachment.kind == AttachmentKind.IMAGE and attachment.file.name.endswith(".png")


# --- kept across a failed validation ----------------------------------------------------------------------------

def test_a_valid_attachment_is_kept_when_the_form_has_errors(english, call, theme, during):
    response = english.post(submit_url(call), {**idea(theme, title=""), "attachments": [pdf()]})
    content = response.content.decode()
    draft = Attachment.objects.get()
    assert draft.proposal is None and draft.draft_token
    assert "Attachment kept: wniosek.pdf" in content
    assert f'value="{draft_signed_token(draft, call_id=call.pk)}"' in content
    assert f'name="remove_attachment" value="{draft.pk}"' in content


def test_the_kept_attachment_is_bound_to_the_idea_when_the_form_is_sent_again(client, call, theme, during):
    client.post(submit_url(call), {**idea(theme, title=""), "attachments": [pdf()]})
    draft = Attachment.objects.get()
    response = client.post(submit_url(call), {**idea(theme),
                                              "kept_attachment": draft_signed_token(draft, call_id=call.pk)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.proposal == Proposal.objects.get() and draft.draft_token == ""


def test_a_kept_attachment_can_be_removed(client, call, theme, during):
    client.post(submit_url(call), {**idea(theme, title=""), "attachments": [pdf()]})
    draft = Attachment.objects.get()
    path = draft.file.path
    client.post(submit_url(call), {**idea(theme), "kept_attachment": draft_signed_token(draft, call_id=call.pk),
                                   "remove_attachment": str(draft.pk)})
    assert not Attachment.objects.exists() and Proposal.objects.get().attachments.count() == 0
    import os

    assert not os.path.exists(path)


def test_a_forged_or_foreign_token_binds_nothing(client, call, theme, during):
    client.post(submit_url(call), {**idea(theme, title=""), "attachments": [pdf()]})
    draft = Attachment.objects.get()
    client.post(submit_url(call), {**idea(theme), "kept_attachment": [
        "forged", draft_signed_token(draft, call_id=call.pk + 1)]})
    draft.refresh_from_db()
    assert draft.proposal is None


def test_kept_and_new_attachments_count_together_towards_three(english, call, theme, during):
    english.post(submit_url(call), {**idea(theme, title=""), "attachments": [pdf("a.pdf"), pdf("b.pdf")]})
    tokens = [draft_signed_token(a, call_id=call.pk) for a in Attachment.objects.order_by("pk")]
    response = english.post(submit_url(call), {**idea(theme), "kept_attachment": tokens,
                                               "attachments": [pdf("c.pdf"), pdf("d.pdf")]})
    assert "d.pdf: at most 3 attachments" in response.content.decode()
    assert not Proposal.objects.exists() and Attachment.objects.count() == 3


def test_the_periodic_job_deletes_drafts_older_than_24_hours_only(client, call, theme, during):
    client.post(submit_url(call), {**idea(theme, title=""), "attachments": [pdf("stary.pdf")]})
    client.post(submit_url(call), {**idea(theme), "attachments": [pdf("wyslany.pdf")]})
    now = timezone.now()
    Attachment.objects.filter(original_name="stary.pdf").update(created_at=now - dt.timedelta(hours=25))
    client.post(submit_url(call), {**idea(theme, title=""), "attachments": [pdf("nowy.pdf")]})
    Attachment.objects.filter(original_name="wyslany.pdf").update(created_at=now - dt.timedelta(hours=25))
    assert purge_draft_attachments(now) == 1
    assert set(Attachment.objects.values_list("original_name", flat=True)) == {"wyslany.pdf", "nowy.pdf"}
    assert purge_draft_attachments(now) == 0
