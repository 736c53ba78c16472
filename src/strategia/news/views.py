"""Public pages of the news section: list, item, Atom feed, and the newsletter's double opt-in."""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from strategia.core.access import public
from strategia.news import selectors, services
from strategia.news.feeds import NewsAtomFeed
from strategia.news.forms import SubscribeForm, subscribe_consent_text

PAGE_SIZE = 10
# Anti-abuse for the subscription form (each attempt can send an e-mail): attempts per IP address per hour.
SUBSCRIBE_ATTEMPTS_PER_HOUR = 10
SUBSCRIBE_WINDOW_SECONDS = 3600


@public
def news_list(request):
    page = Paginator(selectors.news_published(municipality=request.municipality), PAGE_SIZE).get_page(
        request.GET.get("strona"))
    return render(request, "news/list.html", {"page": page, "items": page.object_list})


@public
def news_detail(request, slug):
    item = selectors.news_get_published(municipality=request.municipality, slug=slug)
    return render(request, "news/detail.html", {"item": item})


@public
def news_feed(request):
    return NewsAtomFeed()(request)


def _client_ip(request) -> str:
    # REMOTE_ADDR only: a forwarded header can be forged. Behind a proxy, the proxy must set REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def subscribe_attempt_allowed(request) -> bool:
    """Count this attempt; False once the address has made too many in the window (a cache counter)."""
    key = f"news:subscribe-attempts:{_client_ip(request)}"
    cache.add(key, 0, SUBSCRIBE_WINDOW_SECONDS)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, SUBSCRIBE_WINDOW_SECONDS)
        attempts = 1
    return attempts <= SUBSCRIBE_ATTEMPTS_PER_HOUR


@public
@require_http_methods(["GET", "POST"])
def subscribe(request):
    municipality = request.municipality
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST, municipality=municipality)
        if not subscribe_attempt_allowed(request):
            form.is_valid()
            form.add_error(None, _("Too many attempts from your connection. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            services.subscriber_subscribe(actor=None, municipality=municipality,
                                          email=form.cleaned_data["email"],
                                          consent_text=subscribe_consent_text(municipality))
            # The same answer whatever the address's state: nobody learns who is subscribed.
            return redirect("news:subscribe_sent", municipality_slug=municipality.slug)
    else:
        form = SubscribeForm(municipality=municipality)
    return render(request, "news/subscribe.html", {"form": form}, status=status)


@public
def subscribe_sent(request):
    return render(request, "news/subscribe_sent.html", {})


@public
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: link checkers that open every link in an e-mail must not subscribe
    anybody."""
    subscriber = selectors.subscriber_for_confirm_token(municipality=request.municipality, token=token)
    if subscriber is None:
        return render(request, "news/link_invalid.html", {"action": "confirm"}, status=400)
    if request.method == "POST":
        services.subscriber_confirm(actor=None, subscriber=subscriber)
        return render(request, "news/confirm.html", {"confirmed": True})
    return render(request, "news/confirm.html", {"confirmed": False})


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without any token of ours
@public
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe: a POST (from the page's button or a mail client) unsubscribes at once, without
    login; a GET only shows the button. The signed token is the authority."""
    subscriber = selectors.subscriber_for_unsubscribe_token(municipality=request.municipality, token=token)
    if subscriber is None:
        return render(request, "news/link_invalid.html", {"action": "unsubscribe"}, status=400)
    if request.method == "POST":
        services.subscriber_unsubscribe(actor=None, subscriber=subscriber)
        return render(request, "news/unsubscribe.html", {"done": True})
    return render(request, "news/unsubscribe.html", {"done": False})
