"""The Atom feed of a municipality's published news."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from strategia.news.selectors import news_published

FEED_LENGTH = 20


class NewsAtomFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return request.municipality

    def title(self, municipality):
        return _("News – %(name)s – development strategy") % {"name": municipality.name}

    def subtitle(self, municipality):
        return _("The information campaign about the development strategy of %(name)s.") % {
            "name": municipality.name_genitive}

    def link(self, municipality):
        return reverse("news:list", kwargs={"municipality_slug": municipality.slug})

    def feed_url(self, municipality):
        return reverse("news:feed", kwargs={"municipality_slug": municipality.slug})

    def author_name(self, municipality):
        return municipality.office_name

    def items(self, municipality):
        return list(news_published(municipality=municipality)[:FEED_LENGTH])

    def item_title(self, item):
        return item.title  # Atom text construct: the feed writer escapes it

    def item_description(self, item):
        # The summary is HTML (type="html"): the text is escaped first, then split into paragraphs.
        text = f"{item.lead}\n\n{item.body}" if item.lead else item.body
        return linebreaks_filter(text, autoescape=True)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)
