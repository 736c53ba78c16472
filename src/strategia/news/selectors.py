"""Reads of the news app. Public reads show only what is published by now; query counts do not grow with the
number of items."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from strategia.news.enums import SubscriberStatus
from strategia.news.models import NewsItem, Subscriber
from strategia.news.tokens import (
    confirm_token_read,
    unsubscribe_claim_matches,
    unsubscribe_token_read,
)


def news_published(*, municipality, now: dt.datetime | None = None) -> QuerySet[NewsItem]:
    """Items whose publication time has come, newest first (drafts and scheduled items are left out)."""
    return (NewsItem.objects.filter(municipality=municipality, published_at__lte=now or timezone.now())
            .select_related("municipality").order_by("-published_at", "-id"))


def news_latest(*, municipality, limit: int) -> list[NewsItem]:
    return list(news_published(municipality=municipality)[:limit])


def news_get_published(*, municipality, slug: str) -> NewsItem:
    """One published item with its process and activity, or 404 (also for drafts and scheduled items)."""
    try:
        return (news_published(municipality=municipality)
                .select_related("process__municipality", "activity__stage__process__municipality")
                .get(slug=slug))
    except NewsItem.DoesNotExist:
        raise Http404 from None


def news_for_staff(*, municipality) -> QuerySet[NewsItem]:
    """Every item of the municipality, in every state: drafts first, then by publication time."""
    return (NewsItem.objects.filter(municipality=municipality).select_related("municipality")
            .order_by(F("published_at").desc(nulls_first=True), "-updated_at", "-id"))


def news_get_for_staff(*, municipality, pk: int) -> NewsItem:
    """Fetch-and-authorise: an item of another municipality does not exist here."""
    try:
        return NewsItem.objects.select_related("municipality", "process", "activity__stage").get(
            municipality=municipality, pk=pk)
    except NewsItem.DoesNotExist:
        raise Http404 from None


def news_due_for_newsletter(*, now: dt.datetime) -> list[NewsItem]:
    """Published items (of every municipality) that have not been sent to the subscribers yet."""
    return list(NewsItem.objects.filter(published_at__lte=now, newsletter_sent_at__isnull=True)
                .select_related("municipality").order_by("published_at", "id"))


def subscriber_counts(*, municipality) -> dict[str, int]:
    counts = Subscriber.objects.filter(municipality=municipality).aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in SubscriberStatus.values}
    )
    return {status: counts[status] or 0 for status in SubscriberStatus.values}


def subscriber_for_confirm_token(*, municipality, token: str) -> Subscriber | None:
    """The subscriber a confirmation link is for, if the link is genuine, not expired and still current."""
    claim = confirm_token_read(token)
    if claim is None:
        return None
    subscriber = Subscriber.objects.filter(municipality=municipality, pk=claim.subscriber_id).first()
    if subscriber is None or subscriber.token_nonce != claim.check:
        return None
    if subscriber.status not in {SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED}:
        return None
    return subscriber


def subscriber_for_unsubscribe_token(*, municipality, token: str) -> Subscriber | None:
    claim = unsubscribe_token_read(token)
    if claim is None:
        return None
    subscriber = Subscriber.objects.filter(municipality=municipality, pk=claim.subscriber_id).first()
    if subscriber is None or not unsubscribe_claim_matches(claim, subscriber):
        return None
    return subscriber
