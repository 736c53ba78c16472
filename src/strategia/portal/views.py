from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.shortcuts import redirect, render

from strategia.core.access import public
from strategia.core.deadlines import today_local
from strategia.core.models import Municipality
from strategia.core.statutory import Rule, period
from strategia.portal import selectors as portal_selectors
from strategia.portal.enums import PageCode
from strategia.processes import selectors as process_selectors

DAY = 24 * 60 * 60


@public
def root(request):
    """One municipality: go straight to it. Several: let the visitor choose."""
    municipalities = list(Municipality.objects.order_by("name"))
    if len(municipalities) == 1:
        return redirect(municipalities[0].get_absolute_url())
    return render(request, "portal/root.html", {"municipalities": municipalities})


@public
def home(request):
    from strategia.news.selectors import news_latest

    municipality = request.municipality
    process = process_selectors.process_current(municipality=municipality)
    stages = process_selectors.schedule_for_process(process=process) if process else []
    activities = [a for s in stages for a in s.activities.all()]
    current = [a for a in activities if a.is_current]
    done = sum(1 for a in activities if a.status == "completed")
    from strategia.consultation.manage_selectors import consultations_announced
    from strategia.consultation.services import comment_period
    from strategia.core.deadlines import today_local
    from strategia.documents.reading import documents_public
    from strategia.proposals.models import Call
    from strategia.proposals.services import call_is_open

    today = today_local()
    calls = list(Call.objects.filter(process=process).select_related("activity")) if process else []
    consultations = [{"consultation": c, "last_day": comment_period(c).last_day}
                     for c in (consultations_announced(process=process) if process else [])]
    return render(request, "portal/home.html", {
        "open_calls": [c for c in calls if call_is_open(c, today=today)],
        "open_consultations": [row for row in consultations if row["last_day"] >= today],
        "reported_consultations": [row["consultation"] for row in consultations
                                   if row["consultation"].report_published_at],
        "process": process, "stages": stages, "current_activities": current,
        "documents": documents_public(process=process) if process else [],
        "done_count": done, "activity_count": len(activities),
        "news": news_latest(municipality=municipality, limit=3),
    })


@public
def take_part(request):
    return render(request, "portal/take_part.html", _take_part_context(request))


@public
def take_part_easy(request):
    return render(request, "portal/take_part_easy.html", _take_part_context(request))


def _take_part_context(request) -> dict:
    municipality = request.municipality
    return {
        "overview": portal_selectors.take_part_overview(municipality=municipality),
        "consultation_min_days": period(Rule.CONSULTATION_MIN_DAYS, on=today_local()).days,
        "sign_language_video": portal_selectors.sign_language_video_published(
            municipality=municipality, page=PageCode.TAKE_PART),
    }


@public
def privacy(request):
    return render(request, "portal/privacy.html", {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "language_cookie": settings.LANGUAGE_COOKIE_NAME,
        "messages_cookie": CookieStorage.cookie_name,
        "session_days": settings.SESSION_COOKIE_AGE // DAY,
        "session_at_browser_close": settings.SESSION_EXPIRE_AT_BROWSER_CLOSE,
        "csrf_days": settings.CSRF_COOKIE_AGE // DAY,
        "language_days": settings.LANGUAGE_COOKIE_AGE // DAY if settings.LANGUAGE_COOKIE_AGE else None,
    })


@public
def accessibility(request):
    municipality = request.municipality
    today = today_local()
    return render(request, "portal/accessibility.html", {
        "statement": portal_selectors.accessibility_statement_get(municipality=municipality),
        "request_period": period(Rule.ACCESSIBILITY_REQUEST_DAYS, on=today),
        "site_url": settings.SITE_URL.rstrip("/") + municipality.get_absolute_url(),
        "sign_language_video_exists": portal_selectors.sign_language_video_published(
            municipality=municipality, page=PageCode.TAKE_PART) is not None,
    })
