from django.shortcuts import render

from strategia.core.access import public
from strategia.processes import selectors


@public
def schedule(request, process_slug):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    stages = selectors.schedule_for_process(process=process)
    return render(request, "processes/schedule.html", {
        "process": process, "stages": stages, "resolutions": list(process.resolutions.all()),
    })


@public
def activity_detail(request, process_slug, activity_id):
    process = selectors.process_get(municipality=request.municipality, slug=process_slug)
    activity = selectors.activity_get(process=process, activity_id=activity_id)
    return render(request, "processes/activity_detail.html", {"process": process, "activity": activity})
