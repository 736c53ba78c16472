"""Staff intake of an idea: the attached scan is kept when another field is wrong, shown next to the field, and
stored with the idea on the corrected attempt without attaching it again; a new file replaces it, "remove" drops
it, and a token that is not the user's own is ignored."""

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.core.models import HeldUpload
from strategia.proposals.models import Proposal
from tests.factories import user_with_municipality_role
from tests.proposals.conftest import DURING
from tests.proposals.test_intake import PDF, intake_url, letter

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def english(client, call, time_machine):
    time_machine.move_to(DURING)
    client.cookies["django_language"] = "en"
    client.force_login(user_with_municipality_role(call.process.municipality, MR.STAFF))
    return client


def pdf(name="list.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def kept_token(response) -> str:
    return response.context["form"]["scan_kept"].value()


def test_a_scan_attached_to_an_idea_with_a_wrong_field_is_kept_and_shown(english, call, theme):
    response = english.post(intake_url(call), {**letter(theme, title=""), "scan": pdf()})
    html = response.content.decode()
    assert response.status_code == 200 and not Proposal.objects.exists()
    assert "File kept: list.pdf" in html and "Remove the kept file" in html
    assert f'name="scan_kept" value="{kept_token(response)}"' in html
    assert "not kept" not in html


def test_the_corrected_idea_is_stored_with_the_kept_scan_without_attaching_it_again(english, call, theme):
    failed = english.post(intake_url(call), {**letter(theme, title=""), "scan": pdf()})
    held_name = HeldUpload.objects.get().file.name
    response = english.post(intake_url(call), letter(theme, scan_kept=kept_token(failed)))
    assert response.status_code == 302
    scan = Proposal.objects.get().scan
    assert scan.name.startswith("proposals/scans/list") and scan.read() == PDF
    assert not HeldUpload.objects.exists() and not default_storage.exists(held_name)


def test_a_scan_is_kept_when_the_service_refuses_the_idea(english, call, theme):
    refusal = ValidationError({"title": ["Odmowa usługi."]})
    with mock.patch("strategia.proposals.intake_views.proposal_register", side_effect=refusal):
        response = english.post(intake_url(call), {**letter(theme), "scan": pdf()})
    assert "Odmowa usługi." in response.content.decode() and "File kept: list.pdf" in response.content.decode()


def test_a_new_file_replaces_the_kept_one(english, call, theme):
    first = english.post(intake_url(call), {**letter(theme, title=""), "scan": pdf()})
    png = SimpleUploadedFile("skan.png", PNG, content_type="image/png")
    second = english.post(intake_url(call), {**letter(theme, title=""), "scan_kept": kept_token(first), "scan": png})
    assert "File kept: skan.png" in second.content.decode()
    assert list(HeldUpload.objects.values_list("original_name", flat=True)) == ["skan.png"]
    english.post(intake_url(call), letter(theme, scan_kept=kept_token(second)))
    assert Proposal.objects.get().scan.read() == PNG


def test_ticking_remove_stores_no_scan(english, call, theme):
    failed = english.post(intake_url(call), {**letter(theme, title=""), "scan": pdf()})
    response = english.post(intake_url(call), letter(theme, scan_kept=kept_token(failed), scan_discard="on"))
    assert response.status_code == 302
    assert not Proposal.objects.get().scan and not HeldUpload.objects.exists()


def test_a_token_of_another_user_is_ignored(english, call, theme):
    failed = english.post(intake_url(call), {**letter(theme, title=""), "scan": pdf()})
    english.force_login(user_with_municipality_role(call.process.municipality, MR.STAFF))  # another member of staff
    english.post(intake_url(call), letter(theme, scan_kept=kept_token(failed)))
    assert not Proposal.objects.get().scan and HeldUpload.objects.exists()


def test_a_forged_token_is_ignored_and_not_shown_again(english, call, theme):
    response = english.post(intake_url(call), letter(theme, title="", scan_kept="1:zgadniety"))
    assert kept_token(response) == "" and "File kept" not in response.content.decode()


def test_an_expired_token_is_ignored(english, call, theme, time_machine):
    failed = english.post(intake_url(call), {**letter(theme, title=""), "scan": pdf()})
    time_machine.move_to(DURING + dt.timedelta(hours=24, minutes=1))
    english.post(intake_url(call), letter(theme, scan_kept=kept_token(failed)))
    assert not Proposal.objects.get().scan


def test_a_text_file_renamed_to_pdf_is_refused_and_not_kept(english, call, theme):
    fake = SimpleUploadedFile("list.pdf", b"Szanowni Panstwo, ...", content_type="application/pdf")
    response = english.post(intake_url(call), {**letter(theme), "scan": fake})
    assert "This file is not a PDF, JPG or PNG file" in response.content.decode()
    assert not Proposal.objects.exists() and not HeldUpload.objects.exists()
