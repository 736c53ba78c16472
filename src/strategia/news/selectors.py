from django.utils import timezone

from strategia.news.models import NewsItem


def news_published(*, municipality):
    return (NewsItem.objects.filter(municipality=municipality, published_at__lte=timezone.now())
            .select_related("municipality").order_by("-published_at", "-id"))


def news_latest(*, municipality, limit: int) -> list[NewsItem]:
    return list(news_published(municipality=municipality)[:limit])
