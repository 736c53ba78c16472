"""Writes of the news app: news items, their newsletter, and the newsletter's subscribers. All audited."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from strategia.core.mail import mail_send
from strategia.core.services import service
from strategia.news.enums import SubscriberStatus
from strategia.news.models import NewsItem, Subscriber
from strategia.news.tokens import confirm_token_make, unsubscribe_token_make

# Paths of the public news section that a slug must not shadow.
RESERVED_SLUGS = frozenset({"newsletter", "feed-atom"})
EDITABLE_FIELDS = frozenset({"title", "slug", "lead", "body", "process", "activity", "published_at",
                             "is_sample"})


def absolute_url(path: str) -> str:
    """An absolute address for e-mails and mail headers (``SITE_URL`` is https in production)."""
    return settings.SITE_URL.rstrip("/") + path


def slug_from_title(title: str) -> str:
    # slugify() drops letters without an ASCII decomposition; "ł" is the only one Polish needs.
    text = title.replace("ł", "l").replace("Ł", "L")
    return slugify(text)[:100].strip("-") or "aktualnosc"


def _unique_slug(*, municipality, base: str, exclude_pk: int | None) -> str:
    taken = set(
        NewsItem.objects.filter(municipality=municipality, slug__startswith=base)
        .exclude(pk=exclude_pk).values_list("slug", flat=True)
    ) | RESERVED_SLUGS
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _validate(item: NewsItem) -> None:
    """Texts present, slug free, process and activity of this municipality and of each other."""
    errors: dict[str, list[str]] = {}
    if not item.title.strip():
        errors["title"] = [_("Please give the title.")]
    if not item.body.strip():
        errors["body"] = [_("Please write the text of the news item.")]
    if item.slug in RESERVED_SLUGS or (
        NewsItem.objects.filter(municipality=item.municipality, slug=item.slug).exclude(pk=item.pk).exists()
    ):
        errors["slug"] = [_("This address is already used by another news item. Please choose another.")]
    if item.process is not None and item.process.municipality_id != item.municipality_id:
        errors["process"] = [_("Choose a process of this municipality.")]
    if item.activity is not None:
        activity_process = item.activity.stage.process
        if activity_process.municipality_id != item.municipality_id:
            errors["activity"] = [_("Choose an activity of this municipality's schedule.")]
        elif item.process is not None and activity_process.pk != item.process.pk:
            errors["activity"] = [_("The activity belongs to another process than the one chosen.")]
    if errors:
        raise ValidationError(errors)


def _prepare(item: NewsItem, *, slug_given: bool) -> None:
    item.title = item.title.strip()
    if item.activity is not None and item.process is None:
        item.process = item.activity.stage.process
    if slug_given:
        item.slug = item.slug.strip()
    else:
        item.slug = _unique_slug(municipality=item.municipality, base=slug_from_title(item.title),
                                 exclude_pk=item.pk)
    _validate(item)


@service("news.create")
def news_create(*, actor, municipality, title: str, body: str, lead: str = "", slug: str = "", process=None,
                activity=None, published_at: dt.datetime | None = None, is_sample: bool = False) -> NewsItem:
    """Create a news item: a draft (no ``published_at``), scheduled (in the future) or published. An empty
    ``slug`` is made from the title. Side effects: none until the publication time, when the periodic job
    ``news.publish_scheduled`` sends it to the subscribers."""
    item = NewsItem(municipality=municipality, title=title, body=body, lead=lead, slug=slug, process=process,
                    activity=activity, published_at=published_at, is_sample=is_sample)
    _prepare(item, slug_given=bool(slug.strip()))
    item.save()
    return item


@service("news.update", target="item")
def news_update(*, actor, item: NewsItem, **fields) -> NewsItem:
    """Change any of ``EDITABLE_FIELDS``; ``slug=""`` makes a new one from the title. Changing
    ``published_at`` publishes, schedules or withdraws the item; a newsletter already sent is not resent."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"news_update got unexpected fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(item, name, value)
    _prepare(item, slug_given="slug" not in fields or bool(str(fields["slug"]).strip()))
    item.save()
    return item


@service("news.delete", target="item")
def news_delete(*, actor, item: NewsItem) -> None:
    # A queryset delete keeps ``item.pk``, so the audit entry still names the deleted object.
    NewsItem.objects.filter(pk=item.pk).delete()


@service("news.newsletter_send", target="item")
def news_newsletter_send(*, actor, item: NewsItem, now: dt.datetime) -> NewsItem:
    """Send a published item to every confirmed subscriber of its municipality, once. Claims the item with a
    conditional update, so that two runs at the same time cannot both send it. Side effects: one e-mail per
    subscriber (after commit), each with its own one-click unsubscribe link and headers (RFC 8058)."""
    claimed = NewsItem.objects.filter(
        pk=item.pk, newsletter_sent_at__isnull=True, published_at__isnull=False, published_at__lte=now,
    ).update(newsletter_sent_at=now)
    if not claimed:
        item.refresh_from_db()
        return item
    recipients = list(Subscriber.objects.filter(municipality_id=item.municipality_id,
                                                status=SubscriberStatus.CONFIRMED).order_by("pk"))
    municipality = item.municipality
    item_url = absolute_url(item.get_absolute_url())
    for subscriber in recipients:
        unsubscribe_url = absolute_url(reverse("news:unsubscribe", kwargs={
            "municipality_slug": municipality.slug, "token": unsubscribe_token_make(subscriber)}))
        mail_send(
            to=[subscriber.email], template="news/email/newsletter", municipality=municipality,
            context={"item": item, "item_url": item_url, "unsubscribe_url": unsubscribe_url},
            headers={"List-Unsubscribe": f"<{unsubscribe_url}>",
                     "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
    NewsItem.objects.filter(pk=item.pk).update(newsletter_recipients=len(recipients))
    item.newsletter_sent_at, item.newsletter_recipients = now, len(recipients)
    return item


# --- subscribers -------------------------------------------------------------------------------------------

def email_normalize(email: str) -> str:
    return email.strip().lower()


def _new_nonce() -> str:
    return secrets.token_hex(8)


@service("subscriber.subscribe")
def subscriber_subscribe(*, actor, municipality, email: str, consent_text: str) -> Subscriber:
    """Ask for a subscription (double opt-in, step 1). A new, pending or unsubscribed address becomes
    pending with the consent recorded and gets a confirmation e-mail; any earlier confirmation link stops
    working. A confirmed address is left as it is and gets nothing. The caller must answer the same way in
    every case, so that nobody learns whether an address is on the list."""
    now = timezone.now()
    subscriber, created = Subscriber.objects.get_or_create(
        municipality=municipality, email=email_normalize(email),
        defaults={"consent_text": consent_text, "consented_at": now, "token_nonce": _new_nonce()},
    )
    if not created:
        if subscriber.status == SubscriberStatus.CONFIRMED:
            return subscriber
        subscriber.status = SubscriberStatus.PENDING
        subscriber.consent_text, subscriber.consented_at = consent_text, now
        subscriber.confirmed_at = None
        subscriber.token_nonce = _new_nonce()
        subscriber.save()
    confirm_url = absolute_url(reverse("news:confirm", kwargs={
        "municipality_slug": municipality.slug, "token": confirm_token_make(subscriber)}))
    mail_send(to=[subscriber.email], template="news/email/confirm", municipality=municipality,
              context={"confirm_url": confirm_url})
    return subscriber


@service("subscriber.confirm", target="subscriber")
def subscriber_confirm(*, actor, subscriber: Subscriber) -> Subscriber:
    """Confirm a pending subscription (double opt-in, step 2). Confirming twice changes nothing."""
    if subscriber.status == SubscriberStatus.CONFIRMED:
        return subscriber
    if subscriber.status != SubscriberStatus.PENDING:
        raise ValidationError(_("This subscription cannot be confirmed."))
    subscriber.status = SubscriberStatus.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.save(update_fields=["status", "confirmed_at", "updated_at"])
    return subscriber


@service("subscriber.unsubscribe", target="subscriber")
def subscriber_unsubscribe(*, actor, subscriber: Subscriber) -> Subscriber:
    """Withdraw the consent: no further newsletters; any pending confirmation link stops working. The
    address and the consent history stay as the record of the consent and of its withdrawal."""
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return subscriber
    subscriber.status = SubscriberStatus.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.token_nonce = _new_nonce()
    subscriber.save(update_fields=["status", "unsubscribed_at", "token_nonce", "updated_at"])
    return subscriber
