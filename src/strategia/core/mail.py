"""Outgoing mail: one helper to compose and send, and the backend that stores every message.

The demo has no mail server: the stored copy is the delivery, and staff read it on "Wysłane e-maile".
Production stores a copy too and hands the message to ``deliver_with`` (SMTP by default).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

MUNICIPALITY_HEADER = "X-Strategia-Municipality"


class StoringEmailBackend(BaseEmailBackend):
    def __init__(self, *, deliver_with: str = "", deliver_options: dict | None = None, alias=None, **kwargs):
        super().__init__(alias=alias, **kwargs)
        self.deliver_with = deliver_with
        self.deliver_options = deliver_options or {}

    def _delivery_backend(self):
        if not self.deliver_with:
            return None
        backend_class = import_string(self.deliver_with)
        options = self.deliver_options if self.deliver_with.endswith("smtp.EmailBackend") else {}
        return backend_class(alias=self.alias, **options)

    def send_messages(self, email_messages):
        from strategia.core.models import Municipality, StoredEmail

        if not email_messages:
            return 0
        delivery = self._delivery_backend()
        delivered = delivery.send_messages(email_messages) if delivery else 0
        for message in email_messages:
            headers = dict(message.extra_headers or {})
            slug = headers.get(MUNICIPALITY_HEADER)
            municipality = Municipality.objects.filter(slug=slug).first() if slug else None
            html = ""
            for alternative in getattr(message, "alternatives", []) or []:
                content, mimetype = alternative[0], alternative[1]
                if mimetype == "text/html":
                    html = content
            StoredEmail.objects.create(
                municipality=municipality,
                from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
                to=", ".join(message.to),
                subject=message.subject,
                body=message.body,
                html_body=html,
                headers={k: str(v) for k, v in headers.items()},
                delivered=bool(delivery),
            )
        return delivered if delivery else len(email_messages)


def mail_send(*, to: list[str], template: str, context: dict, municipality=None,
              headers: dict[str, str] | None = None, language: str = "pl") -> None:
    """Render ``<template>_subject.txt``, ``<template>.txt`` and, if present, ``<template>.html``, and send
    after the current transaction commits (so a rolled-back change sends nothing)."""
    with translation.override(language):
        ctx = {"municipality": municipality, "site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", ctx).split())
        body = render_to_string(f"{template}.txt", ctx)
        try:
            html = render_to_string(f"{template}.html", ctx)
        except TemplateDoesNotExist:  # the HTML version is optional
            html = ""
    extra = dict(headers or {})
    if municipality is not None:
        extra[MUNICIPALITY_HEADER] = municipality.slug

    def _send():
        message = EmailMultiAlternatives(subject=subject, body=body, to=to, headers=extra)
        if html:
            message.attach_alternative(html, "text/html")
        mailers.default.send_messages([message])

    transaction.on_commit(_send)
