"""View guards. Every view declares who may see it: ``@public`` or ``@require_perm("app.perm")``.

For back-office permissions the object is the municipality from the URL. A signed-in person without any role
in that municipality gets 404 (another municipality's back-office does not exist for them); one with a role
but without this permission gets 403; an anonymous visitor is sent to the login page.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

BACKOFFICE_PERMISSION = "core.view_backoffice"


def public(view):
    view.permission = "public"
    return view


def require_perm(perm: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            municipality = request.municipality
            if municipality is None:
                raise Http404
            if not user.has_perm(BACKOFFICE_PERMISSION, municipality):
                raise Http404
            if not user.has_perm(perm, municipality):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.permission = perm
        return wrapped

    return decorator


def require_login(view):
    """Any signed-in person (their own account pages)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.permission = "login"
    return wrapped
