"""Public pages of the consultation: /<municipality>/<process>/konsultacje/… (namespace consultation).

- the remark form (for a paragraph with ?pkt=<uid>, for a chapter, or general), with any number of remarks in one
  submission; with htmx the same form comes as a partial placed right after the paragraph;
- the tracking page of a submission, reached only with its secret token.
Late remarks are stored and marked late, never refused (the service decides by the server's clock)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from strategia.consultation import report_selectors, selectors
from strategia.consultation.enums import Channel
from strategia.consultation.forms import (
    SubmitterForm,
    bound_values,
    remark_formset,
    remark_formset_with_one_more,
)
from strategia.consultation.services import comment_period, report_deadline, submission_create
from strategia.core.access import public
from strategia.core.forms import add_service_errors
from strategia.core.mail import mail_send
from strategia.core.ratelimit import over_limit
from strategia.processes.selectors import process_get

FORM_TEMPLATE = "consultation/remark_form.html"


def _is_htmx(request) -> bool:
    return bool(getattr(request, "htmx", False)) or request.headers.get("HX-Request") == "true"


def _prefill(consultation, uid: str | None) -> tuple[dict, object]:
    """Initial data for one remark block from ?pkt=<uid> of a paragraph (with its current wording) or of a chapter
    heading (a remark on the chapter as a whole); 404 for a uid not in the consulted version."""
    if not uid:
        return {}, None
    block = selectors.block_of_version(version=consultation.document_version, uid=uid)
    if block.is_heading:
        return {"block_uid": block.uid, "fragment": f"rozdz. {block.display_number} {block.text}"}, block
    return {"block_uid": block.uid, "fragment": block.display_number, "current_wording": block.text}, block


@public
def remark_form(request, process_slug, consultation_id):
    process = process_get(municipality=request.municipality, slug=process_slug)
    consultation = selectors.consultation_accepting_remarks(process=process, consultation_id=consultation_id)
    block = None
    if request.method == "POST":
        submitter = SubmitterForm(request.POST)
        if "add_remark" in request.POST:
            submitter = SubmitterForm(initial=bound_values(submitter))
            formset = remark_formset_with_one_more(request.POST, has_forecast=consultation.has_forecast)
        else:
            formset = remark_formset(data=request.POST, has_forecast=consultation.has_forecast)
            if submitter.is_valid() & formset.is_valid():
                submission = _submit(request, consultation, submitter, formset)
                if submission is not None:
                    return redirect(_tracking_url(process, submission) + "?przyjeto=1")
    else:
        initial, block = _prefill(consultation, request.GET.get("pkt"))
        # In the reading view several partials may be open at once: their ids must not collide.
        auto_id = f"id_{block.uid.hex[:8]}_%s" if block is not None and _is_htmx(request) else "id_%s"
        submitter = SubmitterForm(auto_id=auto_id)
        formset = remark_formset(initial=[initial], auto_id=auto_id, has_forecast=consultation.has_forecast)
    context = {
        "process": process, "consultation": consultation, "version": consultation.document_version,
        "point": block, "submitter_form": submitter, "formset": formset,
        "last_day": comment_period(consultation).last_day,
        "form_url": reverse("consultation:remark_form", kwargs={
            "municipality_slug": process.municipality.slug, "process_slug": process.slug,
            "consultation_id": consultation.pk}),
    }
    if _is_htmx(request) and request.method == "GET":
        response = render(request, FORM_TEMPLATE + "#remark_form", context)
    else:
        response = render(request, FORM_TEMPLATE, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _submit(request, consultation, submitter, formset):
    version = consultation.document_version
    filled = [form for form in formset.forms if form.cleaned_data]
    blocks = selectors.blocks_by_uid(version=version, uids=[f.cleaned_data.get("block_uid") for f in filled
                                                            if f.cleaned_data.get("block_uid")])
    for form in filled:
        uid = form.cleaned_data.get("block_uid") if not form.on_forecast else None
        if uid and str(uid) not in blocks:
            form.add_error("fragment", _("The paragraph is not part of the consulted version: "
                                         "describe the fragment in words."))
            return None
    try:
        submission = submission_create(
            actor=request.user, consultation=consultation, channel=Channel.PLATFORM,
            remarks=[form.remark_kwargs(blocks) for form in filled],
            held_for_review=submitter.honeypot_filled or _flooding(request),
            **submitter.submitter_kwargs())
    except ValidationError as error:
        add_service_errors(submitter, error)
        return None
    if submission.contact_email:
        mail_send(to=[submission.contact_email], template="consultation/email/submission_received",
                  municipality=consultation.process.municipality,
                  context={"submission": submission, "consultation": consultation,
                           "tracking_url": request.build_absolute_uri(
                               _tracking_url(consultation.process, submission))})
    return submission


# More submissions than this from one address within the window are still stored, but held for staff to review
# (nothing a person sent is dropped; a flood does not reach the register unchecked).
SUBMISSIONS_PER_WINDOW = 20
WINDOW_SECONDS = 60 * 60


def _flooding(request) -> bool:
    return over_limit(request, scope="consultation-remarks", limit=SUBMISSIONS_PER_WINDOW,
                      window_seconds=WINDOW_SECONDS)


def _tracking_url(process, submission) -> str:
    return reverse("consultation:tracking", kwargs={
        "municipality_slug": process.municipality.slug, "process_slug": process.slug,
        "token": submission.tracking_token})


@public
def tracking(request, process_slug, token):
    process = process_get(municipality=request.municipality, slug=process_slug)
    submission = selectors.submission_by_token(process=process, token=token)
    consultation = submission.consultation
    # Answers become public with the report (before that they may still change).
    published = consultation.report_published_at is not None
    return render(request, "consultation/tracking.html", {
        "process": process, "submission": submission, "consultation": consultation,
        "remarks": report_selectors.submission_answers(submission=submission) if published
        else list(submission.remarks.all()),
        "published": published, "report_due": None if published else report_deadline(consultation),
        "just_received": request.GET.get("przyjeto") == "1",
    })
