import pytest

from strategia.documents.services import chapter_create, document_create, paragraph_create


@pytest.fixture
def document(process):
    return document_create(actor=None, process=process, title="Projekt Strategii rozwoju gminy Testowo",
                           slug="projekt-strategii")


@pytest.fixture
def working(document):
    return document.versions.get(number=1)


@pytest.fixture
def filled(working):
    """Chapters 1 (two paragraphs), 2 with sub-chapters 2.1 and 2.2 and an intro paragraph."""
    one = chapter_create(actor=None, version=working, title="Wprowadzenie", statutory_item="")
    paragraph_create(actor=None, chapter=one, text="Pierwszy akapit wprowadzenia.")
    paragraph_create(actor=None, chapter=one, text="Drugi akapit wprowadzenia.")
    two = chapter_create(actor=None, version=working, title="Cele", statutory_item="strategic_goals")
    paragraph_create(actor=None, chapter=two, text="Wstęp do celów.")
    two_one = chapter_create(actor=None, version=working, title="Cel 1", parent=two)
    paragraph_create(actor=None, chapter=two_one, text="Opis celu 1.")
    two_two = chapter_create(actor=None, version=working, title="Cel 2", parent=two)
    paragraph_create(actor=None, chapter=two_two, text="Opis celu 2.")
    return working
