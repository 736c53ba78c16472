"""Back-office pages for news: list in every state, create, edit, publish now, delete; subscriber counts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.news import selectors, services
from strategia.news.forms import NewsItemForm
from strategia.news.models import NewsItem

PERM = "news.manage_news"
STAFF_PAGE_SIZE = 25


def _to_list(request):
    return redirect("backoffice:news_staff:list", municipality_slug=request.municipality.slug)


@require_perm(PERM)
def staff_list(request):
    municipality = request.municipality
    page = Paginator(selectors.news_for_staff(municipality=municipality), STAFF_PAGE_SIZE).get_page(
        request.GET.get("strona"))
    return render(request, "news/staff/list.html", {
        "page": page, "items": page.object_list, "now": timezone.now(),
        "subscribers": selectors.subscriber_counts(municipality=municipality),
    })


@require_perm(PERM)
@require_http_methods(["GET", "POST"])
def staff_create(request):
    municipality = request.municipality
    form = NewsItemForm(request.POST or None, instance=NewsItem(municipality=municipality),
                        municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.news_create(actor=request.user, municipality=municipality,
                                        **form.service_fields(now=timezone.now()))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The news item “%(title)s” has been saved: %(state)s.")
                             % {"title": item.title, "state": item.state_label})
            return _to_list(request)
    return render(request, "news/staff/form.html", {"form": form, "item": None})


@require_perm(PERM)
@require_http_methods(["GET", "POST"])
def staff_edit(request, pk):
    municipality = request.municipality
    item = selectors.news_get_for_staff(municipality=municipality, pk=pk)
    # The form works on its own copy: a bound ModelForm changes its instance, and the service must see the
    # item as it was (for the audit's "before").
    form = NewsItemForm(request.POST or None, instance=selectors.news_get_for_staff(municipality=municipality,
                                                                                    pk=pk),
                        municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.news_update(actor=request.user, item=item,
                                        **form.service_fields(now=timezone.now()))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The news item “%(title)s” has been saved: %(state)s.")
                             % {"title": item.title, "state": item.state_label})
            return _to_list(request)
    return render(request, "news/staff/form.html", {"form": form, "item": item})


@require_perm(PERM)
@require_POST
def staff_publish(request, pk):
    item = selectors.news_get_for_staff(municipality=request.municipality, pk=pk)
    now = timezone.now()
    if item.published_at is None or item.published_at > now:
        item = services.news_update(actor=request.user, item=item, published_at=now)
    messages.success(request, _("The news item “%(title)s” is published.") % {"title": item.title})
    return _to_list(request)


@require_perm(PERM)
@require_http_methods(["GET", "POST"])
def staff_delete(request, pk):
    item = selectors.news_get_for_staff(municipality=request.municipality, pk=pk)
    if request.method == "POST":
        services.news_delete(actor=request.user, item=item)
        messages.success(request, _("The news item “%(title)s” has been deleted.") % {"title": item.title})
        return _to_list(request)
    return render(request, "news/staff/delete.html", {"item": item})
