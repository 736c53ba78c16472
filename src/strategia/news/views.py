from django.shortcuts import render

from strategia.core.access import public
from strategia.news.selectors import news_published


@public
def news_list(request, slug=None):
    return render(request, "news/list.html", {"items": news_published(municipality=request.municipality)})
