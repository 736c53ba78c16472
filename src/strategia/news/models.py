"""News of the information campaign (akcja informacyjna) and the newsletter's subscribers."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strategia.news.enums import NewsState, SubscriberStatus


class NewsItem(models.Model):
    """A news item. Not public until ``published_at`` (empty: a draft; in the future: scheduled)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="news_items")
    process = models.ForeignKey("processes.StrategyProcess", verbose_name=_("strategy process"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="news_items")
    activity = models.ForeignKey("processes.Activity", verbose_name=_("activity of the schedule"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="news_items")
    slug = models.SlugField(_("address"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True, db_index=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    newsletter_sent_at = models.DateTimeField(_("sent to subscribers"), null=True, blank=True)
    newsletter_recipients = models.PositiveIntegerField(_("newsletter recipients"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="unique_news_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:detail", kwargs={"municipality_slug": self.municipality.slug, "slug": self.slug})

    def get_municipality(self):
        return self.municipality

    def state_at(self, moment) -> str:
        if self.published_at is None:
            return NewsState.DRAFT
        return NewsState.SCHEDULED if self.published_at > moment else NewsState.PUBLISHED

    @property
    def state(self) -> str:
        return self.state_at(timezone.now())

    @property
    def state_label(self) -> str:
        return NewsState(self.state).label


class Subscriber(models.Model):
    """One address on a municipality's newsletter list, with the consent it gave (double opt-in)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="subscribers")
    email = models.EmailField(_("e-mail"))
    status = models.CharField(_("status"), max_length=20, choices=SubscriberStatus.choices,
                              default=SubscriberStatus.PENDING)
    consent_text = models.TextField(_("consent as shown"))
    consented_at = models.DateTimeField(_("consent given"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # Changed on every subscription request and unsubscription, so that an older confirmation link stops
    # working (it is part of the signed confirmation token).
    token_nonce = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "email"], name="unique_subscriber_email"),
        ]

    def __str__(self) -> str:
        return self.email

    def get_municipality(self):
        return self.municipality
