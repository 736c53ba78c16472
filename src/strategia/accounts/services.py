"""Writes to accounts and roles. Each role change is audited (``@service``).

Rules every role change obeys, whoever calls it:

* the actor must be allowed to manage roles in the municipality (``accounts.manage_roles``); ``actor=None`` is
  the system (demo data, management commands);
* only an administrator grants or removes the administrator role;
* a municipality always keeps at least one administrator.
"""

from __future__ import annotations

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from strategia.accounts.enums import MunicipalityRole, ProcessRole
from strategia.accounts.models import MunicipalityMembership, ProcessMembership, User
from strategia.accounts.rules import is_administrator
from strategia.core.mail import mail_send
from strategia.core.services import service

MANAGE_ROLES = "accounts.manage_roles"


# --- checks shared by the services -----------------------------------------------------------------------

def _is_system(actor) -> bool:
    return actor is None or bool(getattr(actor, "is_superuser", False))


def _check_may_manage_roles(actor, municipality) -> None:
    if _is_system(actor):
        return
    if not actor.has_perm(MANAGE_ROLES, municipality):
        raise PermissionDenied(_("You may not manage roles in this municipality."))


def _check_may_touch_administrator_role(actor, municipality, role: str) -> None:
    """Only an administrator (or the system) grants or removes the administrator role."""
    if role != MunicipalityRole.ADMINISTRATOR or _is_system(actor):
        return
    if not is_administrator(actor, municipality):
        raise PermissionDenied(_("Only an administrator may grant or remove the administrator role."))


def may_touch_role(actor, municipality, role: str) -> bool:
    """For templates and forms: whether ``actor`` may grant or remove ``role`` (a municipality role)."""
    try:
        _check_may_touch_administrator_role(actor, municipality, role)
    except PermissionDenied:
        return False
    return True


# --- accounts ---------------------------------------------------------------------------------------------

def password_set_url(user: User) -> str:
    """An absolute link to allauth's password-reset-from-key page for ``user`` (valid for
    ``PASSWORD_RESET_TIMEOUT``, three days by default; afterwards "Forgot your password?" works as usual)."""
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    return settings.SITE_URL.rstrip("/") + path.replace("UID-KEY", key)


def _user_get_or_invite(*, email: str, display_name: str = "") -> tuple[User, bool]:
    """The account with ``email``, or a new one with an unusable password. The new account's address counts
    as verified: only its mailbox receives the link that lets anyone use the account."""
    email = User.objects.normalize_email(email.strip())
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user, False
    user = User.objects.create_user(email=email, password=None, display_name=display_name.strip())
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user, True


def _notify_role_granted(*, user: User, created: bool, role_label: str, place: str, municipality,
                         actor) -> None:
    mail_send(
        to=[user.email],
        template="accounts/email/role_granted",
        context={
            "user": user,
            "invited": created,
            "role_label": role_label,
            "place": place,
            "granted_by": str(actor) if actor is not None else "",
            "password_set_url": password_set_url(user) if created else "",
            "login_url": settings.SITE_URL.rstrip("/") + reverse("account_login"),
        },
        municipality=municipality,
    )


# --- municipality roles -----------------------------------------------------------------------------------

@service("accounts.membership_grant")
def membership_grant(*, actor, municipality, email: str, role: str,
                     display_name: str = "") -> MunicipalityMembership:
    """Give the person with ``email`` a ``role`` in the municipality's office.

    Side effects: an account with an unusable password if none exists (its e-mail invites the person to set
    a password); the membership; an e-mail telling the person about the role (after commit)."""
    _check_may_manage_roles(actor, municipality)
    if role not in MunicipalityRole.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    _check_may_touch_administrator_role(actor, municipality, role)
    user, created = _user_get_or_invite(email=email, display_name=display_name)
    if MunicipalityMembership.objects.filter(user=user, municipality=municipality, role=role).exists():
        raise ValidationError({"email": _("This person already has this role.")})
    membership = MunicipalityMembership.objects.create(user=user, municipality=municipality, role=role)
    _notify_role_granted(user=user, created=created, role_label=membership.get_role_display(),
                         place=municipality.name, municipality=municipality, actor=actor)
    return membership


@service("accounts.membership_revoke", target="membership")
def membership_revoke(*, actor, membership: MunicipalityMembership) -> None:
    """Take a municipality role away. Refused for the municipality's last administrator.

    Side effects: the membership is deleted (the audit entry keeps its state)."""
    municipality = membership.municipality
    _check_may_manage_roles(actor, municipality)
    _check_may_touch_administrator_role(actor, municipality, membership.role)
    if membership.role == MunicipalityRole.ADMINISTRATOR:
        # Lock the administrators' rows so two administrators removing each other cannot both succeed.
        administrators = list(
            MunicipalityMembership.objects.select_for_update()
            .filter(municipality=municipality, role=MunicipalityRole.ADMINISTRATOR)
            .values_list("pk", flat=True)
        )
        if administrators == [membership.pk]:
            raise ValidationError(
                _("This is the last administrator of %(municipality)s. Give someone else the administrator "
                  "role first.") % {"municipality": municipality.name}
            )
    # Delete through the queryset so the instance keeps its id for the audit entry.
    MunicipalityMembership.objects.filter(pk=membership.pk).delete()


# --- process roles ----------------------------------------------------------------------------------------

@service("accounts.process_membership_grant")
def process_membership_grant(*, actor, process, email: str, role: str,
                             display_name: str = "") -> ProcessMembership:
    """Give the person with ``email`` a ``role`` in one strategy process.

    Side effects: as ``membership_grant`` (account with invitation if needed, membership, e-mail)."""
    municipality = process.municipality
    _check_may_manage_roles(actor, municipality)
    if role not in ProcessRole.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    user, created = _user_get_or_invite(email=email, display_name=display_name)
    if ProcessMembership.objects.filter(user=user, process=process, role=role).exists():
        raise ValidationError({"email": _("This person already has this role in this process.")})
    membership = ProcessMembership.objects.create(user=user, process=process, role=role)
    _notify_role_granted(user=user, created=created, role_label=membership.get_role_display(),
                         place=process.title, municipality=municipality, actor=actor)
    return membership


@service("accounts.process_membership_revoke", target="membership")
def process_membership_revoke(*, actor, membership: ProcessMembership) -> None:
    """Take a process role away. Side effects: the membership is deleted (the audit entry keeps its state)."""
    _check_may_manage_roles(actor, membership.process.municipality)
    ProcessMembership.objects.filter(pk=membership.pk).delete()
