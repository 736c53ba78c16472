"""In production every municipality role needs a TOTP second factor (issue #2, point 10).

A signed-in person who holds such a role and has not set up TOTP is sent to the TOTP setup page for every
back-office request until they do. Public pages stay open to them as to anyone.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class RequireSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.STRATEGIA_REQUIRE_STAFF_MFA:
            return None
        user = getattr(request, "user", None)
        if not (user and user.is_authenticated):
            return None
        match = getattr(request, "resolver_match", None)
        # The back-office with the apps' pages included in it (backoffice:accounts_staff, …); Django's admin.
        in_backoffice = bool(match) and match.namespaces[:1] == ["backoffice"]
        if not in_backoffice and not request.path.startswith("/admin/"):
            return None
        if not (user.is_superuser or user.municipality_memberships.exists()):
            return None
        if is_mfa_enabled(user, ["totp"]):
            return None
        messages.warning(request, _("Staff accounts must use a second factor. "
                                    "Please set up an authenticator app."))
        return redirect("mfa_activate_totp")
