"""The resolution's file is optional; when given it must be a PDF by content, not by name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from strategia.processes.models import Resolution

pytestmark = pytest.mark.django_db


def _post(client, process, upload):
    url = reverse("backoffice:processes_staff:resolution_create",
                  kwargs={"municipality_slug": process.municipality.slug, "process_slug": process.slug})
    with translation.override("pl"):
        return client.post(url, {"kind": "procedure", "number": "XL/300/2026", "adopted_on": "2026-02-10",
                                 "title": "w sprawie trybu", "file": upload})


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused_next_to_the_field_keeping_the_input(client, process,
                                                                                          coordinator):
    client.force_login(coordinator)
    response = _post(client, process, SimpleUploadedFile("uchwala.pdf", b"<html>not a pdf</html>",
                                                         content_type="application/pdf"))
    assert response.status_code == 200
    assert "Ten plik nie jest dokumentem PDF." in response.text
    assert 'value="XL/300/2026"' in response.text
    assert not Resolution.objects.exists()


def test_a_real_pdf_is_stored_with_the_resolution(client, process, coordinator):
    client.force_login(coordinator)
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    response = _post(client, process, SimpleUploadedFile("u.pdf", pdf, content_type="application/pdf"))
    assert response.status_code == 302
    resolution = Resolution.objects.get()
    assert resolution.file.name.endswith(".pdf")
