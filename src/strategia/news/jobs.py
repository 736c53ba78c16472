"""Periodic jobs of the news app (run by ``manage.py run_periodic``)."""

from __future__ import annotations

import datetime as dt

from strategia.core.periodic import periodic_job
from strategia.news.selectors import news_due_for_newsletter
from strategia.news.services import news_newsletter_send


@periodic_job("news.publish_scheduled",
              "Send every news item whose publication time has come to the newsletter's confirmed "
              "subscribers, once.")
def publish_scheduled(now: dt.datetime) -> int:
    """Scheduled items become public by the clock alone; this job sends the newsletter for them.
    Idempotent: ``news_newsletter_send`` claims each item with ``newsletter_sent_at``. Returns the number
    of items sent."""
    sent = 0
    for item in news_due_for_newsletter(now=now):
        before = item.newsletter_sent_at
        item = news_newsletter_send(actor=None, item=item, now=now)
        if before is None and item.newsletter_sent_at == now:
            sent += 1
    return sent
