"""Signed tokens for the newsletter's links (django.core.signing, nothing stored in clear).

* The confirmation token carries the subscriber's id and its current nonce and expires after
  ``CONFIRM_MAX_AGE``; a new request or an unsubscription changes the nonce, so older links stop working.
* The unsubscribe token carries the id and a digest of the address and never expires: a link in an old
  e-mail must still let the person leave the list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core import signing

CONFIRM_SALT = "strategia.news.subscriber.confirm"
UNSUBSCRIBE_SALT = "strategia.news.subscriber.unsubscribe"
CONFIRM_MAX_AGE = dt.timedelta(days=7)


def _email_digest(email: str) -> str:
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def confirm_token_make(subscriber) -> str:
    return signing.dumps({"id": subscriber.pk, "n": subscriber.token_nonce}, salt=CONFIRM_SALT)


def unsubscribe_token_make(subscriber) -> str:
    return signing.dumps({"id": subscriber.pk, "e": _email_digest(subscriber.email)}, salt=UNSUBSCRIBE_SALT)


@dataclass(frozen=True)
class TokenClaim:
    subscriber_id: int
    check: str


def confirm_token_read(token: str) -> TokenClaim | None:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        return None
    return TokenClaim(data["id"], str(data.get("n", "")))


def unsubscribe_token_read(token: str) -> TokenClaim | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        return None
    return TokenClaim(data["id"], str(data.get("e", "")))


def unsubscribe_claim_matches(claim: TokenClaim, subscriber) -> bool:
    return claim.check == _email_digest(subscriber.email)
