"""Files held between attempts at a form (core/held_uploads.py): a signed token, bound to the user, names the held
file for 24 hours; the periodic job deletes what was never used."""

import datetime as dt

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from strategia.core import held_uploads
from strategia.core.forms import KeepsUploadsMixin, StrategiaForm
from strategia.core.jobs import PURGE_HELD_JOB, purge_held_uploads
from strategia.core.models import HeldUpload
from strategia.core.periodic import PERIODIC_JOBS
from strategia.core.uploads import validate_scan
from tests.factories import UserFactory

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


def pdf(name="pismo.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def user(db):
    return UserFactory()


def test_a_held_file_is_stored_privately_under_a_random_name_with_its_original_name_and_size(user):
    token = held_uploads.hold(pdf("Pismo mieszkańca.pdf"), actor=user)
    held = held_uploads.resolve(token, actor=user)
    assert held.original_name == "Pismo mieszkańca.pdf" and held.size == len(PDF) and held.held_by == user
    assert held.file.name.startswith("held/") and "Pismo" not in held.file.name and held.file.name.endswith(".pdf")
    assert held.file.read() == PDF


def test_as_file_is_a_copy_under_the_original_name(user):
    held = held_uploads.resolve(held_uploads.hold(pdf("skan.pdf"), actor=user), actor=user)
    copy = held_uploads.as_file(held)
    assert copy.name == "skan.pdf" and copy.read() == PDF


def test_the_token_of_another_user_resolves_to_nothing(user):
    token = held_uploads.hold(pdf(), actor=user)
    assert held_uploads.resolve(token, actor=UserFactory()) is None
    assert held_uploads.resolve(token, actor=AnonymousUser()) is None


def test_a_forged_token_resolves_to_nothing(user):
    held = held_uploads.resolve(held_uploads.hold(pdf(), actor=user), actor=user)
    guessed_secret = signing.dumps({"id": held.pk, "s": "zgadniete", "u": user.pk}, salt=held_uploads.TOKEN_SALT)
    unsigned = signing.dumps({"id": held.pk, "s": held.secret, "u": user.pk}, salt="inna-sol")
    assert held_uploads.resolve(guessed_secret, actor=user) is None
    assert held_uploads.resolve(unsigned, actor=user) is None
    assert held_uploads.resolve("nie-token", actor=user) is None


def test_a_token_expires_after_24_hours(user, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC))
    token = held_uploads.hold(pdf(), actor=user)
    time_machine.move_to(dt.datetime(2026, 11, 3, 8, 59, tzinfo=dt.UTC))
    assert held_uploads.resolve(token, actor=user) is not None
    time_machine.move_to(dt.datetime(2026, 11, 3, 9, 1, tzinfo=dt.UTC))
    assert held_uploads.resolve(token, actor=user) is None


def test_a_fresh_token_for_a_file_held_more_than_24_hours_ago_resolves_to_nothing(user):
    held = held_uploads.resolve(held_uploads.hold(pdf(), actor=user), actor=user)
    HeldUpload.objects.filter(pk=held.pk).update(created_at=timezone.now() - dt.timedelta(hours=25))
    assert held_uploads.resolve(held_uploads.token_for(held), actor=user) is None


def test_release_deletes_the_row_and_the_file(user):
    held = held_uploads.resolve(held_uploads.hold(pdf(), actor=user), actor=user)
    name = held.file.name
    held_uploads.release(held, actor=user)
    assert not HeldUpload.objects.exists() and not default_storage.exists(name)


def test_the_periodic_job_deletes_held_files_older_than_24_hours_only(user):
    now = timezone.now()
    old = held_uploads.resolve(held_uploads.hold(pdf("stary.pdf"), actor=user), actor=user)
    held_uploads.hold(pdf("nowy.pdf"), actor=user)
    HeldUpload.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(hours=25))
    assert PERIODIC_JOBS[PURGE_HELD_JOB].func is purge_held_uploads
    assert purge_held_uploads(now) == 1
    assert list(HeldUpload.objects.values_list("original_name", flat=True)) == ["nowy.pdf"]
    assert not default_storage.exists(old.file.name)
    assert purge_held_uploads(now) == 0


@pytest.mark.parametrize("content", [PDF, b"\xff\xd8\xff\xe0 jpeg", b"\x89PNG\r\n\x1a\n png"])
def test_a_scan_may_be_a_pdf_jpg_or_png(content):
    validate_scan(SimpleUploadedFile("skan", content))


def test_a_text_file_renamed_to_pdf_is_not_a_scan():
    with pytest.raises(ValidationError):
        validate_scan(SimpleUploadedFile("pismo.pdf", b"Szanowni Panstwo, ...", content_type="application/pdf"))


class LetterForm(KeepsUploadsMixin, StrategiaForm):
    kept_uploads = ("scan",)
    title = forms.CharField()
    scan = forms.FileField(required=False, validators=[validate_scan])


def test_the_file_input_is_described_by_the_line_naming_the_kept_file(user):
    form = LetterForm({"title": ""}, {"scan": pdf()}, actor=user)
    assert not form.is_valid()
    assert "id_scan_kept_name" in form.fields["scan"].widget.attrs["aria-describedby"].split()
    assert form.kept_file("scan").original_name == "pismo.pdf"


def test_a_form_built_from_a_carried_over_token_shows_the_kept_file(user):
    initial = LetterForm.carry_over({}, {"scan": pdf()}, actor=user)
    form = LetterForm(initial=initial, actor=user)
    assert form.kept_files["scan"].original_name == "pismo.pdf"
    assert f'value="{initial["scan_kept"]}"' in str(form["scan_kept"])
