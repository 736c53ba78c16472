"""Back-office of the portal's pages: the accessibility statement and the sign-language (PJM) recordings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from strategia.core.access import require_perm
from strategia.core.deadlines import today_local
from strategia.core.forms import add_service_errors
from strategia.portal import selectors, services
from strategia.portal.enums import PageCode
from strategia.portal.forms import AccessibilityStatementForm, SignLanguageVideoForm
from strategia.portal.models import AccessibilityStatement

MANAGE = "portal.manage_pages"


def _index_url(request) -> str:
    return reverse("backoffice:portal_staff:index", kwargs={"municipality_slug": request.municipality.slug})


def _page_or_404(page: str) -> PageCode:
    if page not in PageCode.values:
        raise Http404
    return PageCode(page)


@require_perm(MANAGE)
def index(request):
    municipality = request.municipality
    videos = selectors.sign_language_videos_by_page(municipality=municipality)
    return render(request, "portal/staff/index.html", {
        "statement": selectors.accessibility_statement_get(municipality=municipality),
        "review": selectors.accessibility_review_state(municipality=municipality, today=today_local()),
        "pages": [(code, label, videos.get(code)) for code, label in PageCode.choices],
    })


@require_perm(MANAGE)
def accessibility_edit(request):
    municipality = request.municipality
    statement = selectors.accessibility_statement_get(municipality=municipality)
    is_new = statement is None
    if is_new:
        statement = AccessibilityStatement(municipality=municipality)
    form = AccessibilityStatementForm(request.POST or None, instance=statement)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        mark_reviewed = data.pop("mark_reviewed", False)
        try:
            services.accessibility_statement_update(actor=request.user, statement=statement,
                                                    mark_reviewed=mark_reviewed, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The accessibility statement has been saved."))
            return redirect(_index_url(request))
    return render(request, "portal/staff/accessibility_form.html", {
        "form": form, "statement": statement, "is_new": is_new,
        "review": selectors.accessibility_review_state(municipality=municipality, today=today_local()),
    })


@require_perm(MANAGE)
def video_edit(request, page):
    page = _page_or_404(page)
    municipality = request.municipality
    video = selectors.sign_language_video_get(municipality=municipality, page=page)
    initial = {"transcript": video.transcript, "is_published": video.is_published} if video else None
    form = SignLanguageVideoForm(request.POST or None, request.FILES or None, existing=video, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if video is None:
                services.sign_language_video_create(
                    actor=request.user, municipality=municipality, page=page, video_file=data["video_file"],
                    captions_file=data["captions_file"], transcript=data["transcript"],
                    is_published=data["is_published"])
            else:
                services.sign_language_video_update(
                    actor=request.user, video=video, video_file=data.get("video_file"),
                    captions_file=data.get("captions_file"), transcript=data["transcript"],
                    is_published=data["is_published"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The sign-language recording has been saved."))
            return redirect(_index_url(request))
    return render(request, "portal/staff/video_form.html", {
        "form": form, "video": video, "page": page, "page_label": page.label,
    })


@require_perm(MANAGE)
def video_remove(request, page):
    page = _page_or_404(page)
    video = selectors.sign_language_video_get(municipality=request.municipality, page=page)
    if video is None:
        raise Http404
    if request.method == "POST":
        services.sign_language_video_remove(actor=request.user, video=video)
        messages.success(request, _("The sign-language recording has been removed."))
        return redirect(_index_url(request))
    return render(request, "portal/staff/video_remove.html", {"video": video, "page": page})
