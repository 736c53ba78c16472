"""Public comment pages and actions: /<municipality>/komentarze/… (namespace comments).

The discussion of any registered commentable target is shown by the target's own page, which calls the selector and
includes the thread template::

    # the view
    from strategia.comments.selectors import comments_for
    context["thread"] = comments_for(proposal, request.user)

    {# the template #}
    {% include "comments/includes/thread.html" with thread=thread %}

Every form of the thread works in place with htmx and without JavaScript: a form posts here, and on success the
visitor returns to the page the thread was shown on (the ``next`` field, same site only) at the new comment; with
htmx the thread is re-rendered in place. Bad input keeps the text: without JavaScript the form is shown again on a
page of its own (``thread`` for a new comment, ``reply``/``edit``/``flag`` for the others).

Writing needs a logged-in user while the activity governing the target runs (the service checks, by the server's
clock); editing, the author within the window; reporting, any logged-in user, once per comment. A target the public
may not see (a hidden or pending idea) has no discussion here (404), nor has another municipality's.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from strategia.comments import selectors
from strategia.comments.enums import CommentState
from strategia.comments.forms import CommentForm, FlagForm, safe_next
from strategia.comments.models import Comment, Flag
from strategia.comments.services import comment_create, comment_edit, comment_flag
from strategia.core.access import public, require_login
from strategia.core.forms import add_service_errors

FORM_PARTIAL = "comments/includes/comment_form.html"
FLAG_PARTIAL = "comments/includes/flag_form.html"
THREAD_INNER = "comments/includes/thread_inner.html"


def _is_htmx(request) -> bool:
    return bool(getattr(request, "htmx", False))


def _here(request, thread) -> str:
    """Where the visitor returns after a form without JavaScript: the page the thread was shown on."""
    return safe_next(request, request.POST.get("next") or request.GET.get("next")) or thread.thread_url


def _slot(comment: Comment) -> str:
    return f"komentarz-{comment.pk}-slot"


def _done(request, thread, comment: Comment, message: str):
    """After a successful write: with htmx the thread again, in place (focus on the comment); else back to the page
    the thread is on, at the comment."""
    if _is_htmx(request):
        thread.extra["focus"] = comment.pk
        response = render(request, THREAD_INNER, {"thread": thread})
        response["HX-Retarget"] = f"#{selectors.ANCHOR}"
        response["HX-Reswap"] = "innerHTML"
        return response
    messages.success(request, message)
    return redirect(f"{_here(request, thread)}#komentarz-{comment.pk}")


def _form_response(request, *, template: str, page_context: dict, partial_context: dict, partial: str):
    """A form (empty or with errors): the partial for htmx, else a page of its own."""
    if _is_htmx(request):
        response = render(request, partial, partial_context)
    else:
        response = render(request, template, {"partial": partial, **page_context, **partial_context})
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- the discussion of a target (also the no-JavaScript fallback of the thread's form) -----------------------------

@public
def thread(request, kind, target_id):
    target = selectors.commentable_get(municipality=request.municipality, kind=kind, target_id=target_id)
    return render(request, "comments/thread_page.html", {
        "thread": selectors.comments_for(target, request.user), "target_url": selectors.target_url(target)})


@require_login
@require_POST
def create(request, kind, target_id):
    target = selectors.commentable_get(municipality=request.municipality, kind=kind, target_id=target_id)
    form = CommentForm(request.POST, prefix_id="komentarze")
    if form.is_valid():
        try:
            comment = comment_create(actor=request.user, target=target, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            thread = selectors.comments_for(target, request.user, here=safe_next(request, request.POST.get("next")))
            return _done(request, thread, comment, _("Your comment has been published."))
    thread = selectors.comments_for(target, request.user, here=safe_next(request, request.POST.get("next")),
                                    form=form)
    if _is_htmx(request):
        return render(request, FORM_PARTIAL, _new_comment_context(thread, form))
    return render(request, "comments/thread_page.html", {"thread": thread, "target_url": selectors.target_url(target)})


def _new_comment_context(thread, form) -> dict:
    return {"thread": thread, "form": form, "action": thread.create_url, "slot": f"{selectors.ANCHOR}-nowy",
            "submit_label": _("Publish the comment"), "here": thread.here or thread.thread_url}


def _published_comment(request, comment_id) -> Comment:
    comment = selectors.comment_get(municipality=request.municipality, comment_id=comment_id)
    if comment.state == CommentState.HIDDEN:
        raise Http404
    comment.author_label = selectors.author_label(comment.author)
    return comment


@require_login
@require_http_methods(["GET", "POST"])
def reply(request, comment_id):
    parent = _published_comment(request, comment_id)
    target = parent.target
    thread = selectors.comments_for(target, request.user)
    thread.here = _here(request, thread)
    form = CommentForm(request.POST or None, prefix_id=f"c{parent.pk}", label=_("Your reply"))
    if request.method == "POST" and form.is_valid():
        try:
            comment = comment_create(actor=request.user, target=target, body=form.cleaned_data["body"],
                                     parent=parent)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, selectors.comments_for(target, request.user, here=thread.here), comment,
                         _("Your reply has been published."))
    context = {"thread": thread, "form": form if thread.is_open else None, "comment": parent,
               "action": reverse("comments:reply", kwargs={"municipality_slug": request.municipality.slug,
                                                           "comment_id": parent.pk}),
               "slot": _slot(parent), "submit_label": _("Publish the reply"), "here": thread.here,
               "heading": _("Reply to %(author)s") % {"author": selectors.author_label(parent.author)}}
    return _form_response(request, template="comments/form_page.html", partial=FORM_PARTIAL,
                          page_context={"title": context["heading"], "target_url": selectors.target_url(target)},
                          partial_context=context)


@require_login
@require_http_methods(["GET", "POST"])
def edit(request, comment_id):
    comment = _published_comment(request, comment_id)
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    target = comment.target
    thread = selectors.comments_for(target, request.user)
    thread.here = _here(request, thread)
    form = CommentForm(request.POST or None, prefix_id=f"c{comment.pk}e", label=_("Your comment"),
                       initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            comment = comment_edit(actor=request.user, comment=comment, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, selectors.comments_for(target, request.user, here=thread.here), comment,
                         _("Your comment has been changed."))
    editable = selectors.can_edit(comment, request.user)
    context = {"thread": thread, "comment": comment, "slot": _slot(comment), "here": thread.here,
               "form": form if editable or form.errors else None, "window_passed": not editable,
               "action": reverse("comments:edit", kwargs={"municipality_slug": request.municipality.slug,
                                                          "comment_id": comment.pk}),
               "submit_label": _("Save the change"), "heading": _("Edit your comment")}
    return _form_response(request, template="comments/form_page.html", partial=FORM_PARTIAL,
                          page_context={"title": context["heading"], "target_url": selectors.target_url(target)},
                          partial_context=context)


@require_login
@require_http_methods(["GET", "POST"])
def flag(request, comment_id):
    comment = _published_comment(request, comment_id)
    thread = selectors.comments_for(comment.target, request.user)
    thread.here = _here(request, thread)
    already = Flag.objects.filter(comment=comment, user=request.user).exists()
    form = FlagForm(request.POST or None, prefix_id=f"c{comment.pk}f")
    reported = None
    if request.method == "POST" and not already and form.is_valid():
        try:
            created = comment_flag(actor=request.user, comment=comment, reason=form.cleaned_data["reason"],
                                   explanation=form.cleaned_data["explanation"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            already, reported = created is None, created is not None
            if not _is_htmx(request):
                if reported:
                    messages.success(request, _("Thank you. The moderators will check the comment."))
                else:
                    messages.warning(request, _("You have already reported this comment."))
                return redirect(f"{thread.here}#komentarz-{comment.pk}")
    context = {"thread": thread, "comment": comment, "form": None if already or reported else form,
               "already": already and not reported, "reported": reported, "slot": _slot(comment),
               "here": thread.here, "heading": _("Report the comment to the moderators"),
               "action": reverse("comments:flag", kwargs={"municipality_slug": request.municipality.slug,
                                                          "comment_id": comment.pk})}
    return _form_response(request, template="comments/form_page.html", partial=FLAG_PARTIAL,
                          page_context={"title": context["heading"],
                                        "target_url": selectors.target_url(comment.target)},
                          partial_context=context)
