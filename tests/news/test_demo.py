"""The demo's news: sample items of the information campaign, one scheduled, loaded idempotently."""

import datetime as dt

import pytest
from django.utils import timezone

from strategia.news.demo import SAMPLE_MARK, news_load
from strategia.news.enums import NewsState
from strategia.news.models import NewsItem

pytestmark = pytest.mark.django_db


def test_demo_news_are_sample_data_labelled_in_the_text(municipality, process):
    news_load(municipality=municipality, process=process, today=dt.date.today())
    items = list(NewsItem.objects.all())
    assert 4 <= len(items) <= 5
    assert all(item.is_sample and item.body.startswith(SAMPLE_MARK) for item in items)


def test_demo_has_exactly_one_item_scheduled_for_the_future(municipality, process):
    news_load(municipality=municipality, process=process, today=dt.date.today())
    states = [item.state for item in NewsItem.objects.all()]
    assert states.count(NewsState.SCHEDULED) == 1
    assert states.count(NewsState.DRAFT) == 0


def test_loading_the_demo_twice_changes_nothing(municipality, process):
    news_load(municipality=municipality, process=process, today=dt.date.today())
    first = sorted(NewsItem.objects.values_list("slug", "published_at", "title"))
    news_load(municipality=municipality, process=process, today=dt.date.today())
    assert sorted(NewsItem.objects.values_list("slug", "published_at", "title")) == first


def test_past_demo_news_count_as_already_sent(municipality, process):
    news_load(municipality=municipality, process=process, today=dt.date.today())
    past = NewsItem.objects.filter(published_at__lte=timezone.now())
    assert past.exists() and not past.filter(newsletter_sent_at__isnull=True).exists()


def test_demo_news_about_the_consultation_links_to_its_activity(municipality, process):
    news_load(municipality=municipality, process=process, today=dt.date.today())
    item = NewsItem.objects.get(slug="trwaja-konsultacje-projektu-strategii")
    assert item.activity.activity_type == "consultation"
    assert item.process == process
