"""Staff intake of ideas received on paper, by e-mail, e-Doręczenia or at a meeting (issue #5 point 3): channel,
date of receipt, the scan judged by content, the same fields; permissions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.proposals.enums import Channel, Moderation
from strategia.proposals.models import Proposal
from tests.factories import MunicipalityFactory, user_with_municipality_role, user_with_process_role
from tests.proposals.conftest import DURING

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


def intake_url(call, municipality_slug=None, call_id=None):
    return reverse("backoffice:proposals_staff:intake", kwargs={
        "municipality_slug": municipality_slug or call.process.municipality.slug,
        "process_slug": call.process.slug, "call_id": call_id or call.pk})


def letter(theme, **overrides):
    data = {"channel": Channel.POST, "received_at": "2026-02-27T10:15", "title": "Świetlica w Słomczynie",
            "description": "List mieszkańców o remont świetlicy.", "theme": theme.pk, "locality": "",
            "address": "", "latitude": "", "longitude": "", "author_name": "Rada Sołecka",
            "contact_email": "", "contact_phone": "", "consent_publish_name": "on"}
    data.update(overrides)
    return data


@pytest.fixture
def staff(call):
    return user_with_municipality_role(call.process.municipality, MR.STAFF)


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def later(time_machine):
    time_machine.move_to(DURING)


def test_staff_register_a_letter_with_its_scan(client, call, theme, staff, later):
    client.force_login(staff)
    scan = SimpleUploadedFile("list.pdf", PDF, content_type="application/pdf")
    response = client.post(intake_url(call), {**letter(theme), "scan": scan})
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.channel == Channel.POST and proposal.created_by == staff and proposal.author is None
    assert proposal.received_at.isoformat().startswith("2026-02-27T09:15")  # 10:15 Warsaw (CET) in UTC
    assert proposal.scan.name.startswith("proposals/scans/") and proposal.consent_publish_name
    assert proposal.moderation == Moderation.PENDING


def test_the_channel_cannot_be_the_platform(english, call, theme, staff, later):
    english.force_login(staff)
    response = english.post(intake_url(call), letter(theme, channel=Channel.PLATFORM))
    assert response.status_code == 200 and not Proposal.objects.exists()


def test_a_scan_that_is_not_a_pdf_or_image_is_refused_by_content(english, call, theme, staff, later):
    english.force_login(staff)
    fake = SimpleUploadedFile("list.pdf", b"plain text pretending", content_type="application/pdf")
    response = english.post(intake_url(call), {**letter(theme), "scan": fake})
    assert "This file is not a PDF, JPG or PNG file" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_date_of_receipt_in_the_future_is_refused_keeping_what_was_typed(english, call, theme, staff, later):
    english.force_login(staff)
    response = english.post(intake_url(call), letter(theme, received_at="2026-03-09T10:00"))
    content = response.content.decode()
    assert "The date of receipt cannot be in the future." in content
    assert "List mieszkańców o remont świetlicy." in content and not Proposal.objects.exists()


def test_an_idea_can_be_registered_after_the_call_closed(client, call, theme, staff, time_machine):
    from tests.proposals.conftest import AFTER

    time_machine.move_to(AFTER)
    client.force_login(staff)
    client.post(intake_url(call), letter(theme, received_at="2026-03-31T15:00"))
    assert Proposal.objects.get().channel == Channel.POST


# --- who may open the page ------------------------------------------------------------------------------------

def test_anonymous_is_sent_to_the_login_page(client, call):
    response = client.get(intake_url(call))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_a_resident_without_a_role_gets_404(client, call, resident):
    client.force_login(resident)
    assert client.get(intake_url(call)).status_code == 404


@pytest.mark.parametrize("role", [MR.CONTRACTOR, MR.APPROVER])
def test_a_municipality_role_without_moderation_gets_403(client, call, role):
    client.force_login(user_with_municipality_role(call.process.municipality, role))
    assert client.get(intake_url(call)).status_code == 403


def test_a_thematic_team_member_gets_403(client, call):
    client.force_login(user_with_process_role(call.process, PR.TEAM_MEMBER))
    assert client.get(intake_url(call)).status_code == 403


def test_staff_of_another_municipality_get_404(client, call):
    other = MunicipalityFactory()
    client.force_login(user_with_municipality_role(other, MR.ADMINISTRATOR))
    assert client.get(intake_url(call)).status_code == 404


@pytest.mark.parametrize("role", [MR.STAFF, MR.COORDINATOR, MR.ADMINISTRATOR])
def test_office_staff_open_the_form(client, call, role):
    client.force_login(user_with_municipality_role(call.process.municipality, role))
    response = client.get(intake_url(call))
    assert response.status_code == 200 and b'name="channel"' in response.content


def test_a_call_id_of_another_process_is_not_found(client, call, staff):
    client.force_login(staff)
    assert client.get(intake_url(call, call_id=call.pk + 1000)).status_code == 404
