from django.shortcuts import redirect, render

from strategia.core.access import public
from strategia.core.models import Municipality
from strategia.processes import selectors as process_selectors


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
    return render(request, "portal/home.html", {
        "process": process, "stages": stages, "current_activities": current,
        "done_count": done, "activity_count": len(activities),
        "news": news_latest(municipality=municipality, limit=3),
    })


@public
def take_part(request):
    return render(request, "portal/take_part.html", {})


@public
def take_part_easy(request):
    return render(request, "portal/take_part_easy.html", {})


@public
def privacy(request):
    return render(request, "portal/privacy.html", {})


@public
def accessibility(request):
    return render(request, "portal/accessibility.html", {})
