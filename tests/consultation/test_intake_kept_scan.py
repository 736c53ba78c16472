"""Staff intake of a letter: the attached scan is kept when another field is wrong (or the service refuses the
submission, or staff add another remark), shown next to the field, and stored with the submission on the corrected
attempt without attaching it again; a new file replaces it, "remove" drops it, and a token that is not the
user's own is ignored."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from strategia.consultation.models import Submission
from strategia.consultation.services import consultation_announce
from strategia.core import held_uploads
from strategia.core.models import HeldUpload
from tests.consultation.test_staff_intake import PDF, WARSAW, clean_letter, letter, staff, url

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def consultation(make_consultation):
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    return consultation_announce(actor=None, consultation=consultation,
                                 now=dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW))


@pytest.fixture
def english(client, consultation):
    client.cookies["django_language"] = "en"
    client.force_login(staff(consultation))
    return client


def pdf(name="pismo.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def kept_token(response) -> str:
    return response.context["form"]["scan_kept"].value()


def test_a_scan_attached_to_a_letter_with_a_wrong_field_is_kept_and_shown(english, consultation):
    response = english.post(url("intake", consultation), {**clean_letter(received_at="nie data"), "scan": pdf()})
    html = response.content.decode()
    assert response.status_code == 200 and not Submission.objects.exists()
    assert "File kept: pismo.pdf" in html and "Remove the kept file" in html
    assert f'name="scan_kept" value="{kept_token(response)}"' in html
    assert 'aria-describedby="id_scan_hint id_scan_kept_name"' in html  # the file input names the kept file
    assert HeldUpload.objects.get().original_name == "pismo.pdf"


def test_the_corrected_letter_is_stored_with_the_kept_scan_without_attaching_it_again(english, consultation):
    failed = english.post(url("intake", consultation), {**clean_letter(received_at="nie data"), "scan": pdf()})
    held_name = HeldUpload.objects.get().file.name
    response = english.post(url("intake", consultation), clean_letter(scan_kept=kept_token(failed)))
    assert response.status_code == 302
    scan = Submission.objects.get().scan
    assert scan.name.startswith("consultation/scans/pismo") and scan.read() == PDF
    assert not HeldUpload.objects.exists() and not default_storage.exists(held_name)


def test_a_scan_is_kept_when_the_service_refuses_the_submission(english, make_consultation):
    not_announced = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    response = english.post(url("intake", not_announced), {**clean_letter(), "scan": pdf()})
    assert "has not been announced yet" in response.content.decode()
    assert "File kept: pismo.pdf" in response.content.decode()
    assert held_uploads.resolve(kept_token(response), actor=response.wsgi_request.user).original_name == "pismo.pdf"


def test_a_new_file_replaces_the_kept_one(english, consultation):
    first = english.post(url("intake", consultation), {**clean_letter(received_at="nie data"), "scan": pdf()})
    png = SimpleUploadedFile("skan.png", PNG, content_type="image/png")
    second = english.post(url("intake", consultation),
                          {**clean_letter(received_at="nie data"), "scan_kept": kept_token(first), "scan": png})
    assert "File kept: skan.png" in second.content.decode() and "pismo.pdf" not in second.content.decode()
    assert list(HeldUpload.objects.values_list("original_name", flat=True)) == ["skan.png"]
    english.post(url("intake", consultation), clean_letter(scan_kept=kept_token(second)))
    assert Submission.objects.get().scan.read() == PNG


def test_ticking_remove_stores_no_scan(english, consultation):
    failed = english.post(url("intake", consultation), {**clean_letter(received_at="nie data"), "scan": pdf()})
    response = english.post(url("intake", consultation), clean_letter(scan_kept=kept_token(failed), scan_discard="on"))
    assert response.status_code == 302
    assert not Submission.objects.get().scan and not HeldUpload.objects.exists()


def test_a_token_of_another_user_is_ignored(english, consultation):
    failed = english.post(url("intake", consultation), {**clean_letter(received_at="nie data"), "scan": pdf()})
    english.force_login(staff(consultation))  # another member of staff
    english.post(url("intake", consultation), clean_letter(scan_kept=kept_token(failed)))
    assert not Submission.objects.get().scan
    assert HeldUpload.objects.exists()  # still the first user's


def test_a_forged_token_is_ignored_and_not_shown_again(english, consultation):
    response = english.post(url("intake", consultation), clean_letter(received_at="nie data", scan_kept="1:zgadniety"))
    assert kept_token(response) == "" and "File kept" not in response.content.decode()


def test_an_expired_token_is_ignored(english, consultation, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC))
    failed = english.post(url("intake", consultation), {**clean_letter(received_at="nie data"), "scan": pdf()})
    time_machine.move_to(dt.datetime(2026, 11, 3, 9, 1, tzinfo=dt.UTC))
    english.post(url("intake", consultation), clean_letter(scan_kept=kept_token(failed)))
    assert not Submission.objects.get().scan


def test_adding_another_remark_keeps_the_scan(english, consultation):
    added = english.post(url("intake", consultation), {**letter(add_remark="1"), "scan": pdf()})
    html = added.content.decode()
    assert 'name="remarks-3-content"' in html and "File kept: pismo.pdf" in html
    data = letter(scan_kept=kept_token(added), **{"remarks-TOTAL_FORMS": "4"})
    english.post(url("intake", consultation), data)
    assert Submission.objects.get().scan.read() == PDF


def test_adding_another_remark_carries_an_already_kept_scan(english, consultation):
    failed = english.post(url("intake", consultation), {**clean_letter(received_at="nie data"), "scan": pdf()})
    added = english.post(url("intake", consultation), clean_letter(add_remark="1", scan_kept=kept_token(failed)))
    assert "File kept: pismo.pdf" in added.content.decode() and HeldUpload.objects.count() == 1


def test_a_text_file_renamed_to_pdf_is_refused_and_not_kept(english, consultation):
    fake = SimpleUploadedFile("pismo.pdf", b"Szanowni Panstwo, ...", content_type="application/pdf")
    response = english.post(url("intake", consultation), {**clean_letter(), "scan": fake})
    assert "This file is not a PDF, JPG or PNG file" in response.content.decode()
    assert not Submission.objects.exists() and not HeldUpload.objects.exists()


def test_a_large_scan_spooled_to_a_temporary_file_is_stored_whole(english, consultation):
    """Django writes uploads over 5 MB to a temporary file; holding a copy must not move it away."""
    large = PDF + b"0" * (6 * 1024 * 1024)
    response = english.post(url("intake", consultation),
                            {**clean_letter(), "scan": SimpleUploadedFile("duzy.pdf", large, "application/pdf")})
    assert response.status_code == 302
    assert Submission.objects.get().scan.size == len(large) and not HeldUpload.objects.exists()
