"""Role management in the back-office (/<municipality>/panel/role/).

Every view needs ``accounts.manage_roles``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from strategia.accounts import selectors, services
from strategia.accounts.enums import MunicipalityRole
from strategia.accounts.forms import MembershipGrantForm, ProcessMembershipGrantForm
from strategia.core.access import require_perm
from strategia.core.forms import add_service_errors

MANAGE_ROLES = "accounts.manage_roles"


def _list_url(request):
    return redirect("backoffice:accounts_staff:list", municipality_slug=request.municipality.slug)


def _can_remove(actor, municipality, membership, administrators: int) -> bool:
    if membership.role == MunicipalityRole.ADMINISTRATOR and administrators <= 1:
        return False
    return services.may_touch_role(actor, municipality, membership.role)


@require_perm(MANAGE_ROLES)
def role_list(request):
    municipality = request.municipality
    memberships = selectors.membership_list(municipality=municipality)
    administrators = sum(1 for m in memberships if m.role == MunicipalityRole.ADMINISTRATOR)
    for membership in memberships:
        membership.can_remove = _can_remove(request.user, municipality, membership, administrators)
    return render(request, "accounts/staff/role_list.html", {
        "memberships": memberships,
        "process_memberships": selectors.process_membership_list(municipality=municipality),
    })


@require_perm(MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def membership_grant(request):
    municipality = request.municipality
    form = MembershipGrantForm(request.POST or None, actor=request.user, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_grant(
                actor=request.user, municipality=municipality, email=form.cleaned_data["email"],
                role=form.cleaned_data["role"], display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(person)s now has the role: %(role)s.")
                             % {"person": membership.user, "role": membership.get_role_display()})
            return _list_url(request)
    return render(request, "accounts/staff/grant_form.html", {
        "form": form, "title": _("Add an office role"),
    })


@require_perm(MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def process_membership_grant(request):
    municipality = request.municipality
    form = ProcessMembershipGrantForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.process_membership_grant(
                actor=request.user, process=form.cleaned_data["process"], email=form.cleaned_data["email"],
                role=form.cleaned_data["role"], display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(person)s now has the role: %(role)s (%(process)s).")
                             % {"person": membership.user, "role": membership.get_role_display(),
                                "process": membership.process})
            return _list_url(request)
    return render(request, "accounts/staff/grant_form.html", {
        "form": form, "title": _("Add a role in a strategy process"),
    })


def _revoke(request, membership, revoke, description: str, allowed: bool = True):
    """GET asks for confirmation; POST removes the role (or explains why it cannot)."""
    if request.method == "POST":
        try:
            revoke(actor=request.user, membership=membership)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The role has been removed: %(role)s.") % {"role": description})
        return _list_url(request)
    return render(request, "accounts/staff/revoke_confirm.html", {
        "membership": membership, "description": description, "allowed": allowed,
    })


@require_perm(MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def membership_revoke(request, pk: int):
    membership = selectors.membership_get(municipality=request.municipality, pk=pk)
    allowed = services.may_touch_role(request.user, request.municipality, membership.role)
    return _revoke(request, membership, services.membership_revoke, str(membership), allowed)


@require_perm(MANAGE_ROLES)
@require_http_methods(["GET", "POST"])
def process_membership_revoke(request, pk: int):
    membership = selectors.process_membership_get(municipality=request.municipality, pk=pk)
    return _revoke(request, membership, services.process_membership_revoke, str(membership))
