"""Small helpers shared by the accounts tests."""

import re

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail

PASSWORD = "haslo-testowe-123"  # the password UserFactory sets


def activate_totp(user):
    """Give ``user`` a TOTP authenticator, as allauth's activation page would."""
    return TOTP.activate(user, generate_totp_secret()).instance


def reauthenticate(client, password=PASSWORD):
    """Confirm the password again, as allauth asks before changing the second factor."""
    response = client.post("/konto/reauthenticate/", {"password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def last_email_to(address: str):
    """The last message sent to ``address`` (the test run collects them in django.core.mail.outbox)."""
    sent = [message for message in mail.outbox if address in message.to]
    assert sent, f"no e-mail to {address}"
    return sent[-1]


def link_in(body: str) -> str:
    """The first link in an e-mail body, as a path on this site."""
    match = re.search(r"https?://[^/\s]+(/\S+)", body)
    assert match, body
    return match.group(1)
