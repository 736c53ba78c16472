"""Login throttling: allauth's ``login_failed`` rate limit (settings.ACCOUNT_RATE_LIMITS, in the cache)."""

import pytest
from django.conf import settings

from tests.accounts.helpers import PASSWORD
from tests.factories import UserFactory

LOGIN_URL = "/konto/login/"


def failed_attempts_allowed_per_account() -> int:
    """The per-account ("key") limit as configured, e.g. 5 of "10/m/ip,5/5m/key"."""
    for rate in settings.ACCOUNT_RATE_LIMITS["login_failed"].split(","):
        amount, _duration, *per = rate.split("/")
        if per == ["key"]:
            return int(amount)
    raise AssertionError("no per-account login limit configured")


def fail_to_log_in(client, email, times):
    for _ in range(times):
        response = client.post(LOGIN_URL, {"login": email, "password": "wrong-password"})
        assert response.status_code == 200


def error_codes(response):
    return [error.code for error in response.context["form"].non_field_errors().as_data()]


@pytest.fixture
def user(db):
    return UserFactory()


def test_the_limit_is_configured():
    assert 1 <= failed_attempts_allowed_per_account() <= 10


def test_after_the_allowed_failures_even_the_right_password_is_refused(client, user):
    fail_to_log_in(client, user.email, failed_attempts_allowed_per_account())

    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert error_codes(response) == ["too_many_login_attempts"]


def test_one_failure_fewer_than_the_limit_still_lets_the_right_password_in(client, user):
    fail_to_log_in(client, user.email, failed_attempts_allowed_per_account() - 1)

    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_throttling_one_account_does_not_lock_out_another(client, user):
    fail_to_log_in(client, user.email, failed_attempts_allowed_per_account())
    other = UserFactory()

    response = client.post(LOGIN_URL, {"login": other.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(other.pk)


def test_refusal_is_shown_in_the_error_summary(client, user):
    fail_to_log_in(client, user.email, failed_attempts_allowed_per_account())

    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})

    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert str(response.context["form"].non_field_errors()[0]) in html
