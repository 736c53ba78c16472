"""The moderation queue of comments (back-office, perm ``comments.moderate``): reported comments first (reasons and
counts), then recently hidden ones; hide with a reason and an explanation, restore a hidden comment or dismiss the
reports on a visible one (both resolve the open reports). Filter by process; paginated."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from strategia.comments import selectors
from strategia.comments.enums import CommentState
from strategia.comments.forms import HideForm
from strategia.comments.models import Comment
from strategia.comments.services import comment_hide, comment_restore
from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors
from strategia.processes.models import StrategyProcess

PERM = "comments.moderate"
PAGE_SIZE = 25


def _comment(request, comment_id) -> Comment:
    comment = (Comment.objects.select_related("author", "process")
               .filter(pk=comment_id, process__municipality=request.municipality).first())
    if comment is None:
        raise Http404
    return comment


def _query(request) -> str:
    return request.POST.get("query") or request.GET.get("powrot") or ""


def _back(request) -> str:
    """The queue again, with its filter and page (a same-site query string only)."""
    url = reverse("backoffice:comments_staff:queue", kwargs={"municipality_slug": request.municipality.slug})
    query = _query(request)
    if query and all(part.split("=")[0] in {"proces", "strona"} for part in query.split("&")):
        url += "?" + query
    return url


@require_perm(PERM)
def queue(request):
    processes = list(StrategyProcess.objects.filter(municipality=request.municipality).order_by("title"))
    chosen = next((p for p in processes if p.slug == request.GET.get("proces")), None)
    comments = selectors.moderation_queue(municipality=request.municipality, process=chosen)
    page = Paginator(comments, PAGE_SIZE).get_page(request.GET.get("strona"))
    rows = selectors.queue_rows(page.object_list, municipality=request.municipality)
    query = f"proces={chosen.slug}" if chosen else ""
    return render(request, "comments/staff/queue.html", {
        "page": page, "rows": rows, "processes": processes, "chosen": chosen, "query": query,
        "current_query": "&".join(part for part in (query, f"strona={page.number}" if page.number > 1 else "")
                                  if part),
    })


@require_perm(PERM)
@require_http_methods(["GET", "POST"])
def hide(request, comment_id):
    comment = _comment(request, comment_id)
    form = HideForm(request.POST or None, prefix_id=f"c{comment.pk}")
    if request.method == "POST" and form.is_valid():
        try:
            comment_hide(actor=request.user, comment=comment, reason=form.cleaned_data["reason"],
                         explanation=form.cleaned_data["explanation"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The comment has been hidden; its reports are resolved."))
            return redirect(_back(request))
    comment.author_label = selectors.author_label(comment.author)
    return render(request, "comments/staff/hide.html", {"comment": comment, "form": form,
                                                         "query": _query(request)})


@require_perm(PERM)
@require_POST
def restore(request, comment_id):
    comment = _comment(request, comment_id)
    was_hidden = comment.state == CommentState.HIDDEN
    comment_restore(actor=request.user, comment=comment)
    messages.success(request, _("The comment is shown again.") if was_hidden
                     else _("The reports on the comment have been dismissed."))
    return redirect(_back(request))
