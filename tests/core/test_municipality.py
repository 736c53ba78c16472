"""A municipality holds what generated documents need; a coat of arms only with its licence."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from strategia.core.enums import ExecutiveTitle

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def test_a_coat_of_arms_without_its_licence_is_refused(municipality):
    municipality.coat_of_arms = SimpleUploadedFile("herb.png", PNG, content_type="image/png")
    municipality.coat_of_arms_licence = ""
    with pytest.raises(ValidationError) as error:
        municipality.full_clean(exclude=["unit"])
    assert "coat_of_arms_licence" in error.value.error_dict


def test_a_coat_of_arms_with_its_licence_is_accepted(municipality):
    municipality.coat_of_arms = SimpleUploadedFile("herb.png", PNG, content_type="image/png")
    municipality.coat_of_arms_licence = "Uchwała Rady w sprawie herbu; zgoda z 2026 r."
    municipality.full_clean(exclude=["unit"])


@pytest.mark.parametrize(("title", "label", "dative"), [
    ("wojt", "Wójt", "Wójtowi"), ("burmistrz", "Burmistrz", "Burmistrzowi"),
    ("prezydent", "Prezydent Miasta", "Prezydentowi Miasta"),
])
def test_the_executives_title_and_its_dative(title, label, dative):
    assert ExecutiveTitle(title).polish == label
    assert ExecutiveTitle(title).dative == dative
