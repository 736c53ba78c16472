import datetime as dt

import pytest

from strategia.consultation.services import consultation_create
from strategia.documents.enums import VersionStage
from strategia.documents.services import chapter_create, document_create, paragraph_create, version_freeze


@pytest.fixture
def frozen_draft(process):
    document = document_create(actor=None, process=process, title="Projekt strategii", slug="projekt")
    working = document.versions.get(number=1)
    chapter = chapter_create(actor=None, version=working, title="Cele")
    paragraph_create(actor=None, chapter=chapter, text="Cel 1.")
    return version_freeze(actor=None, version=working, stage=VersionStage.CONSULTATION)


@pytest.fixture
def make_consultation(process, frozen_draft):
    def make(*, announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6), **kwargs):
        return consultation_create(actor=None, process=process, document_version=frozen_draft,
                                   title="Konsultacje projektu strategii", planned_announcement_on=announce_on,
                                   ends_on=ends_on, **kwargs)

    return make
