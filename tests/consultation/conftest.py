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


# The report's arrangement (tests/consultation/test_report_support.py): a consultation with its forecast, a meeting
# and an addressee, the clock after the comment period; and the same with five submissions, all answered.
@pytest.fixture
def announced(make_consultation, time_machine):
    from tests.consultation import test_report_support as support

    return support.announced(make_consultation, time_machine)


@pytest.fixture
def answered(announced):
    from tests.consultation import test_report_support as support

    return support.answer_all(support.register(announced))
