"""In production every municipality role needs TOTP before using the back-office
(RequireSecondFactorMiddleware)."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from strategia.accounts.enums import ProcessRole
from tests.accounts.helpers import activate_totp, reauthenticate
from tests.factories import UserFactory, user_with_process_role

TOTP_ACTIVATE = reverse("mfa_activate_totp")


@pytest.fixture
def mfa_required(settings):
    settings.STRATEGIA_REQUIRE_STAFF_MFA = True


def panel(municipality):
    return reverse("backoffice:dashboard", kwargs={"municipality_slug": municipality.slug})


def test_coordinator_without_totp_is_sent_to_totp_activation(mfa_required, client, municipality, coordinator):
    client.force_login(coordinator)

    response = client.get(panel(municipality))

    assert response.status_code == 302
    assert response["Location"] == TOTP_ACTIVATE


def test_pages_of_apps_inside_the_back_office_also_require_totp(mfa_required, client, municipality,
                                                                coordinator):
    client.force_login(coordinator)
    roles = reverse("backoffice:accounts_staff:list", kwargs={"municipality_slug": municipality.slug})

    response = client.get(roles)

    assert response.status_code == 302
    assert response["Location"] == TOTP_ACTIVATE


def test_coordinator_with_totp_gets_into_the_back_office(mfa_required, client, municipality, coordinator):
    activate_totp(coordinator)
    client.force_login(coordinator)

    response = client.get(panel(municipality))

    assert response.status_code == 200


def test_coordinator_without_totp_still_sees_public_pages(mfa_required, client, municipality, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("portal:home", kwargs={"municipality_slug": municipality.slug}))

    assert response.status_code == 200


def test_resident_is_never_sent_to_totp_activation(mfa_required, client, municipality):
    client.force_login(UserFactory())

    responses = [client.get(panel(municipality)),
                 client.get(reverse("portal:home", kwargs={"municipality_slug": municipality.slug}))]

    assert [r.status_code for r in responses] == [404, 200]


def test_process_role_alone_does_not_require_totp(mfa_required, client, municipality, process):
    councillor = user_with_process_role(process, ProcessRole.COUNCILLOR)
    client.force_login(councillor)

    response = client.get(panel(municipality))

    assert response.status_code == 200


def test_superuser_without_totp_is_sent_to_totp_activation_from_the_admin(mfa_required, client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == TOTP_ACTIVATE


def test_without_the_setting_nothing_is_required(settings, client, municipality, coordinator):
    settings.STRATEGIA_REQUIRE_STAFF_MFA = False
    client.force_login(coordinator)

    response = client.get(panel(municipality))

    assert response.status_code == 200


def test_coordinator_sets_up_totp_and_then_gets_into_the_back_office(mfa_required, client, municipality,
                                                                     coordinator):
    client.force_login(coordinator)
    assert client.get(panel(municipality))["Location"] == TOTP_ACTIVATE
    reauthenticate(client)
    secret = client.get(TOTP_ACTIVATE).context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))

    client.post(TOTP_ACTIVATE, {"code": code})

    assert client.get(panel(municipality)).status_code == 200
