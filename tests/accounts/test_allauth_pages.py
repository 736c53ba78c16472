"""allauth's pages render inside base.html, with the platform's form error pattern, and without inline
scripts or styles (strict CSP)."""

import re
from html.parser import HTMLParser

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import PASSWORD, activate_totp, link_in, reauthenticate
from tests.factories import UserFactory


class PageParser(HTMLParser):
    """Collects what the checks below need: inputs, labels, images, scripts, style and on* attributes."""

    def __init__(self):
        super().__init__()
        self.inputs, self.label_for, self.images, self.h1 = [], set(), [], 0
        self.inline_scripts, self.style_attrs, self.handlers = 0, 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"input", "select", "textarea"} and attrs.get("type") not in {"hidden", "submit"}:
            self.inputs.append(attrs)
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag == "img":
            self.images.append(attrs)
        if tag == "h1":
            self.h1 += 1
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/json":
            self.inline_scripts += 1
        if "style" in attrs:
            self.style_attrs += 1
        self.handlers += [name for name in attrs if name.startswith("on")]


def parse(response) -> PageParser:
    parser = PageParser()
    parser.feed(response.content.decode())
    return parser


def assert_platform_page(response):
    """Inside base.html, one h1, every field labelled, nothing inline that the CSP would block."""
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html and '<main id="main"' in html and 'class="site-footer"' in html
    page = parse(response)
    assert page.h1 == 1
    assert [i.get("id") for i in page.inputs if i.get("id") not in page.label_for] == []
    assert (page.inline_scripts, page.style_attrs, page.handlers) == (0, 0, [])
    assert all(img.get("alt") for img in page.images)


SIGNUP = {"email": "mieszkanka@example.org", "password1": "bezpieczne-haslo-2026",
          "password2": "bezpieczne-haslo-2026"}


@pytest.fixture
def user(db):
    return UserFactory()


# --- pages for visitors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "account_login", "account_signup", "account_reset_password", "account_reset_password_done",
    "account_reset_password_from_key_done",
])
def test_entrance_pages_render_inside_the_platform_layout(client, db, name):
    assert_platform_page(client.get(reverse(name)))


def test_page_title_names_the_page_and_the_platform(client, db):
    html = client.get(reverse("account_login")).content.decode()

    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)
    assert title.endswith("– Strategia")
    assert "\n" not in title and len(title) > len("– Strategia")


# --- pages for a signed-in person ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["account_change_password", "account_email", "account_logout", "mfa_index"])
def test_account_pages_render_inside_the_platform_layout(client, user, name):
    client.force_login(user)

    assert_platform_page(client.get(reverse(name)))


def test_account_pages_have_an_account_menu_marking_the_current_page(client, user):
    client.force_login(user)

    html = client.get(reverse("account_change_password")).content.decode()

    assert 'class="account-nav"' in html
    assert f'href="{reverse("account_change_password")}" aria-current="page"' in html


def test_reauthentication_page_renders_inside_the_platform_layout(client, user):
    client.force_login(user)

    assert_platform_page(client.get(reverse("account_reauthenticate")))


def test_totp_activation_page_has_a_described_qr_code_and_the_secret_as_text(client, user):
    client.force_login(user)
    reauthenticate(client)

    response = client.get(reverse("mfa_activate_totp"))

    assert_platform_page(response)
    secret = response.context["form"].secret
    qr = next(img for img in parse(response).images if img["src"].startswith("data:image/svg+xml"))
    assert qr["alt"] and secret not in qr["alt"]
    assert f'<code id="authenticator_secret">{secret}</code>' in response.content.decode()


def test_totp_activation_with_a_wrong_code_shows_the_error_pattern(client, user):
    client.force_login(user)
    reauthenticate(client)
    client.get(reverse("mfa_activate_totp"))

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_code"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_code_error"' in html


def test_totp_deactivation_and_recovery_code_pages_render_inside_the_platform_layout(client, user):
    activate_totp(user)
    RecoveryCodes.activate(user)
    client.force_login(user)
    reauthenticate(client)

    for name in ["mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes"]:
        assert_platform_page(client.get(reverse(name)))


def test_recovery_codes_are_listed_as_text(client, user):
    codes = RecoveryCodes.activate(user).get_unused_codes()
    activate_totp(user)
    client.force_login(user)
    reauthenticate(client)

    html = client.get(reverse("mfa_view_recovery_codes")).content.decode()

    assert all(f"<li><code>{code}</code></li>" in html for code in codes)


def test_second_factor_step_of_login_renders_inside_the_platform_layout(client, user):
    activate_totp(user)

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response["Location"] == reverse("mfa_authenticate")
    assert_platform_page(client.get(reverse("mfa_authenticate")))


# --- the error pattern ------------------------------------------------------------------------------------

def test_wrong_password_is_reported_in_the_error_summary_and_the_e_mail_is_kept(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": "zle-haslo"})

    html = response.content.decode()
    assert 'class="error-summary"' in html and "data-error-summary" in html
    assert f'value="{user.email}"' in html


def test_signup_errors_link_to_their_fields_which_are_marked_invalid(client, db):
    response = client.post(reverse("account_signup"),
                           {"email": "not-an-email", "password1": "krotkie", "password2": "inne"})

    html = response.content.decode()
    assert 'href="#id_email"' in html
    email_input = next(i for i in parse(response).inputs if i.get("id") == "id_email")
    assert email_input["aria-invalid"] == "true"
    assert "id_email_error" in email_input["aria-describedby"].split()
    assert 'id="id_email_error"' in html
    assert email_input["value"] == "not-an-email"


@pytest.mark.parametrize("data", [None, {"email": "x@example.org", "password1": "krotkie",
                                          "password2": "krotkie"}], ids=["blank form", "form with errors"])
def test_password_rules_are_a_hint_the_password_field_points_to(client, db, data):
    response = client.post(reverse("account_signup"), data) if data else client.get(reverse("account_signup"))

    password = next(i for i in parse(response).inputs if i.get("id") == "id_password1")
    html = response.content.decode()
    hint = re.search(r'<div class="hint" id="id_password1_hint">(.*?)</div>', html, re.DOTALL)
    assert "id_password1_hint" in password["aria-describedby"].split()
    assert hint and "<ul" not in hint.group(1) and hint.group(1).strip()


# --- sign-up, verification, password reset ----------------------------------------------------------------

def test_signup_sends_a_verification_e_mail_and_does_not_log_in(client, db):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mail.outbox] == [["mieszkanka@example.org"]]
    assert_platform_page(client.get(response["Location"]))


def test_the_verification_e_mail_is_stored_by_the_platforms_mail_backend(client, settings, db):
    from strategia.core.models import StoredEmail

    settings.MAILERS = {"default": {"BACKEND": "strategia.core.mail.StoringEmailBackend"}}

    client.post(reverse("account_signup"), SIGNUP)

    stored = StoredEmail.objects.get(to="mieszkanka@example.org")
    assert "/konto/confirm-email/" in stored.body


def test_following_the_verification_link_confirms_the_address_and_logs_in(client, db):
    from allauth.account.models import EmailAddress

    client.post(reverse("account_signup"), SIGNUP)
    link = link_in(mail.outbox[-1].body)

    confirm_page = client.get(link)
    client.post(link)

    assert_platform_page(confirm_page)
    assert EmailAddress.objects.get(email="mieszkanka@example.org").verified
    assert "_auth_user_id" in client.session


def test_unverified_account_cannot_log_in_yet(client, db):
    client.post(reverse("account_signup"), SIGNUP)

    response = client.post(reverse("account_login"),
                           {"login": "mieszkanka@example.org", "password": "bezpieczne-haslo-2026"})

    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client, user):
    client.post(reverse("account_reset_password"), {"email": user.email})
    link = link_in(mail.outbox[-1].body)

    form_page = client.get(link, follow=True)
    assert_platform_page(form_page)
    new_password = {"password1": "calkiem-nowe-2026", "password2": "calkiem-nowe-2026"}
    client.post(form_page.redirect_chain[-1][0], new_password)

    user.refresh_from_db()
    assert user.check_password("calkiem-nowe-2026")
