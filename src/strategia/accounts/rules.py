"""Who may do what, as predicates (django-rules). The object is the municipality (or a process in it).

Roles are read once per request and cached on the user object.
"""

from __future__ import annotations

import rules

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR


def _municipality_of(obj):
    if obj is None:
        return None
    return getattr(obj, "municipality", obj)


def municipality_roles(user, municipality) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False) or municipality is None:
        return frozenset()
    cache = user.__dict__.setdefault("_strategia_municipality_roles", {})
    if municipality.pk not in cache:
        cache[municipality.pk] = frozenset(
            user.municipality_memberships.filter(municipality=municipality).values_list("role", flat=True)
        )
    return cache[municipality.pk]


def process_roles(user, municipality) -> frozenset[str]:
    """Process roles the user holds in any process of the municipality."""
    if not getattr(user, "is_authenticated", False) or municipality is None:
        return frozenset()
    cache = user.__dict__.setdefault("_strategia_process_roles", {})
    if municipality.pk not in cache:
        cache[municipality.pk] = frozenset(
            user.process_memberships.filter(process__municipality=municipality).values_list("role", flat=True)
        )
    return cache[municipality.pk]


def has_municipality_role(*roles: str):
    wanted = frozenset(roles)

    @rules.predicate(name=f"has_municipality_role({','.join(sorted(wanted))})")
    def predicate(user, obj=None) -> bool:
        return bool(municipality_roles(user, _municipality_of(obj)) & wanted)

    return predicate


def has_process_role(*roles: str):
    wanted = frozenset(roles)

    @rules.predicate(name=f"has_process_role({','.join(sorted(wanted))})")
    def predicate(user, obj=None) -> bool:
        return bool(process_roles(user, _municipality_of(obj)) & wanted)

    return predicate


is_municipality_staff = has_municipality_role(*MR.values)
is_administrator = has_municipality_role(MR.ADMINISTRATOR)
is_coordinator = has_municipality_role(MR.ADMINISTRATOR, MR.COORDINATOR)
is_office_staff = has_municipality_role(MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF)
is_approver = has_municipality_role(MR.APPROVER)
is_process_participant = has_process_role(*PR.values)
is_councillor = has_process_role(PR.COUNCILLOR)

# The back-office shell: everyone with a role here, read-only for process roles.
rules.add_perm("core.view_backoffice", is_municipality_staff | is_process_participant)
rules.add_perm("accounts.manage_roles", is_coordinator)
rules.add_perm("core.view_audit_log", is_coordinator | is_approver)
rules.add_perm("core.view_sent_emails", is_office_staff)
