"""Back-office pages of the portal: office staff only (permission portal.manage_pages)."""

import pytest
from django.urls import reverse

from strategia.portal.enums import PageCode

VIEWS = [
    ("backoffice:portal_staff:index", {}),
    ("backoffice:portal_staff:accessibility_edit", {}),
    ("backoffice:portal_staff:video_edit", {"page": PageCode.TAKE_PART}),
]

EXPECTED = {
    "anonymous": 302,
    "resident": 404,
    "other_municipality_staff": 404,
    "administrator": 200,
    "coordinator": 200,
    "staff": 200,
    "contractor": 403,
    "approver": 403,
    "team_member": 403,
    "councillor": 403,
}


@pytest.mark.django_db
@pytest.mark.parametrize("role,status", sorted(EXPECTED.items()))
@pytest.mark.parametrize("name,kwargs", VIEWS)
def test_who_may_open_the_portal_back_office(client, municipality, user_for_role, role, status, name, kwargs):
    user = user_for_role(role)
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})

    response = client.get(url)

    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_councillor_cannot_remove_a_recording(client, municipality, user_for_role):
    from tests.portal.conftest import make_video

    make_video(municipality)
    client.force_login(user_for_role("councillor"))
    url = reverse("backoffice:portal_staff:video_remove",
                  kwargs={"municipality_slug": municipality.slug, "page": PageCode.TAKE_PART})

    assert client.post(url).status_code == 403
