import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from strategia.portal.enums import AccessibilityStatus, AssessmentMethod, PageCode
from strategia.portal.models import AccessibilityStatement, SignLanguageVideo

# The first bytes of real files of each kind (enough for the content checks).
MP4_BYTES = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200
WEBM_BYTES = (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08"
              b"\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02" + b"\x00" * 200)
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
HEIC_BYTES = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
VTT_TEXT = "WEBVTT\n\n00:00.000 --> 00:04.000\nDzień dobry, tu urząd gminy.\n"


def mp4(name="nagranie.mp4", content=MP4_BYTES):
    return SimpleUploadedFile(name, content, content_type="video/mp4")


def webm(name="nagranie.webm", content=WEBM_BYTES):
    return SimpleUploadedFile(name, content, content_type="video/webm")


def vtt(name="napisy.vtt", text=VTT_TEXT):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/vtt")


def make_statement(municipality, **overrides) -> AccessibilityStatement:
    values = {
        "site_published_on": dt.date(2025, 9, 1), "site_updated_on": dt.date(2026, 2, 10),
        "status": AccessibilityStatus.PARTIALLY_COMPLIANT,
        "non_accessible_content": "Starsze pliki PDF nie mają znaczników.\nMapy nie mają tabel danych.",
        "exemptions": "Transmisje na żywo bez napisów.",
        "prepared_on": dt.date(2025, 9, 1), "assessment_method": AssessmentMethod.SELF_ASSESSMENT,
        "contact_person": "Anna Dostępna", "contact_email": "dostepnosc@testowo.example",
        "contact_phone": "22 123 45 67",
        "architectural_accessibility": "Wejście bez schodów od ul. Głównej.", "mobile_apps": "",
        "reviewed_on": dt.date(2026, 2, 10),
    }
    values.update(overrides)
    return AccessibilityStatement.objects.create(municipality=municipality, **values)


def make_video(municipality, *, is_published=True, transcript="Treść nagrania w PJM.") -> SignLanguageVideo:
    video = SignLanguageVideo(municipality=municipality, page=PageCode.TAKE_PART, transcript=transcript,
                              is_published=is_published)
    video.video.save("v.mp4", mp4(), save=False)
    video.captions.save("c.vtt", vtt(), save=False)
    video.save()
    return video


@pytest.fixture
def office_staff(municipality):
    from strategia.accounts.enums import MunicipalityRole
    from tests.factories import user_with_municipality_role

    return user_with_municipality_role(municipality, MunicipalityRole.STAFF)
