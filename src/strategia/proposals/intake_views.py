"""Back-office intake of ideas that came on paper, by e-mail, e-Doręczenia or at a meeting: the channel, the date
of receipt, the scan of the letter (PDF or image, judged by content) and the same fields as the public form; then
the same flow (moderation by the call's mode). A scan attached to a form that shows errors is kept for the next
attempt (``KeepsUploadsMixin``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.processes.selectors import process_get
from strategia.proposals.models import Call
from strategia.proposals.services import proposal_register
from strategia.proposals.submit_forms import ProposalIntakeForm
from strategia.proposals.submit_views import tracking_path

MODERATE = "proposals.moderate"


def _call(request, process_slug, call_id) -> Call:
    process = process_get(municipality=request.municipality, slug=process_slug)
    return get_object_or_404(Call.objects.select_related("activity", "process__municipality"),
                             process=process, pk=call_id)


@require_perm(MODERATE)
@require_http_methods(["GET", "POST"])
def intake(request, process_slug, call_id):
    call = _call(request, process_slug, call_id)
    if request.method == "POST":
        form = ProposalIntakeForm(request.POST, request.FILES, call=call, actor=request.user)
        if form.is_valid():
            try:
                proposal = proposal_register(actor=request.user, call=call, **form.register_kwargs())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                form.release_kept()
                messages.success(request, _("Idea no. %(number)s “%(title)s” has been registered. The author's "
                                            "tracking link: %(url)s")
                                 % {"number": proposal.number, "title": proposal.title,
                                    "url": request.build_absolute_uri(tracking_path(proposal))})
                return redirect(reverse("backoffice:proposals_staff:intake", kwargs={
                    "municipality_slug": call.process.municipality.slug, "process_slug": call.process.slug,
                    "call_id": call.pk}))
    else:
        form = ProposalIntakeForm(call=call, actor=request.user)
    return render(request, "proposals/staff/intake.html", {"process": call.process, "call": call, "form": form})
