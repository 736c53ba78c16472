"""Helpers shared by the review tests (no tests here): an announced consultation, submissions, users, URLs."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.consultation.enums import Channel, SubmitterKind
from strategia.consultation.models import Remark
from strategia.consultation.services import consultation_announce, submission_create
from strategia.documents.enums import VersionStage
from strategia.documents.models import FrozenBlock
from strategia.documents.services import paragraph_delete, version_freeze
from tests.factories import user_with_municipality_role

WARSAW = ZoneInfo("Europe/Warsaw")
ON_TIME = dt.datetime(2026, 6, 10, 12, tzinfo=WARSAW)
LATE = dt.datetime(2026, 7, 8, 12, tzinfo=WARSAW)
PERSON_NAME = "Janina Sekretna-Nazwisko"
PERSON_EMAIL = "janina.sekretna@poczta.example.org"
PERSON_PHONE = "+48 600 111 222"


def announced(make_consultation, **kwargs):
    kwargs.setdefault("forecast_title", "Prognoza oddziaływania na środowisko")  # so remarks on it can be made
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6), **kwargs)
    return consultation_announce(actor=None, consultation=consultation,
                                 now=dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW))


def submit(consultation, *, remarks=None, received_at=ON_TIME, kind=SubmitterKind.PERSON, name=PERSON_NAME,
           email=PERSON_EMAIL, phone=PERSON_PHONE, organisation="", consent=False, channel=Channel.EMAIL):
    return submission_create(
        actor=None, consultation=consultation, channel=channel, submitter_kind=kind,
        submitter_name=name if kind != SubmitterKind.ANONYMOUS else "", organisation_name=organisation,
        contact_email=email, contact_phone=phone, consent_publish_name=consent,
        remarks=remarks or [{"content": "Proszę dodać ścieżkę rowerową."}], received_at=received_at)


def one_remark(consultation, **kwargs) -> Remark:
    return submit(consultation, **kwargs).remarks.get()


def first_paragraph(version) -> FrozenBlock:
    return FrozenBlock.objects.filter(version=version, is_heading=False).order_by("position").first()


def freeze_next_version(consulted, *, drop_paragraph=False):
    """Freeze the working copy made after ``consulted`` as the draft after consultation (uids kept)."""
    working = consulted.document.versions.get(number=consulted.number + 1)
    if drop_paragraph:
        from strategia.documents.models import Paragraph

        paragraph_delete(actor=None, paragraph=Paragraph.objects.filter(chapter__version=working).first())
        from strategia.documents.services import chapter_create, paragraph_create

        chapter = chapter_create(actor=None, version=working, title="Nowy rozdział")
        paragraph_create(actor=None, chapter=chapter, text="Nowy cel.")
    return version_freeze(actor=None, version=working, stage=VersionStage.AFTER_CONSULTATION)


def user(consultation, role):
    return user_with_municipality_role(consultation.process.municipality, role, display_name=f"Pracownik {role}")


def office(consultation):
    return user(consultation, MR.STAFF)


def url(name, consultation, **extra):
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={
        "municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
        "consultation_id": consultation.pk, **extra})


def remark_url(name, remark):
    return url(name, remark.consultation, remark_id=remark.pk)
