from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class NewsItem(models.Model):
    """A news item of the information campaign (akcja informacyjna). Visible from ``published_at``."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE, related_name="news_items")
    process = models.ForeignKey("processes.StrategyProcess", null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="news_items")
    slug = models.SlugField(_("address"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    lead = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("publication time"), null=True, blank=True, db_index=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
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
