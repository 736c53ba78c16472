"""Who may do what (accounts/rules.py): every predicate and permission for every role, anonymous included.

The object is the municipality (or a process in it); roles held in another municipality never count.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from strategia.accounts import rules as r
from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.processes.services import process_create_from_blueprint
from tests.conftest import ROLE_NAMES
from tests.factories import MunicipalityFactory, user_with_municipality_role, user_with_process_role

OFFICE = {MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF, MR.CONTRACTOR, MR.APPROVER}
PROCESS = {PR.TEAM_MEMBER, PR.STAKEHOLDER, PR.EVALUATOR, PR.COUNCILLOR}

# predicate -> the roles (of ROLE_NAMES) for which it holds
PREDICATES = {
    "is_municipality_staff": OFFICE,
    "is_administrator": {MR.ADMINISTRATOR},
    "is_coordinator": {MR.ADMINISTRATOR, MR.COORDINATOR},
    "is_office_staff": {MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF},
    "is_approver": {MR.APPROVER},
    "is_process_participant": PROCESS,
    "is_councillor": {PR.COUNCILLOR},
}

PERMISSIONS = {
    "core.view_backoffice": OFFICE | PROCESS,
    "accounts.manage_roles": {MR.ADMINISTRATOR, MR.COORDINATOR},
    "core.view_audit_log": {MR.ADMINISTRATOR, MR.COORDINATOR, MR.APPROVER},
    "core.view_sent_emails": {MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF},
}


def _user(user_for_role, role):
    return user_for_role(role) or AnonymousUser()


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("predicate_name", sorted(PREDICATES))
def test_predicate_holds_exactly_for_its_roles(predicate_name, role, user_for_role, municipality):
    user = _user(user_for_role, role)
    predicate = getattr(r, predicate_name)

    assert predicate(user, municipality) is (role in PREDICATES[predicate_name])


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize("perm", sorted(PERMISSIONS))
def test_permission_is_granted_exactly_to_its_roles(perm, role, user_for_role, municipality):
    user = _user(user_for_role, role)

    assert user.has_perm(perm, municipality) is (role in PERMISSIONS[perm])


@pytest.mark.parametrize("perm", sorted(PERMISSIONS))
def test_a_process_stands_for_its_municipality(perm, municipality, process):
    user = user_with_municipality_role(municipality, MR.COORDINATOR)

    assert user.has_perm(perm, process) is user.has_perm(perm, municipality)


def test_councillor_sees_the_back_office_but_may_not_manage_roles(process, municipality):
    councillor = user_with_process_role(process, PR.COUNCILLOR)

    assert councillor.has_perm("core.view_backoffice", municipality)
    assert not councillor.has_perm("accounts.manage_roles", municipality)


def test_administrator_of_another_municipality_has_no_permission_here(municipality):
    other_admin = user_with_municipality_role(MunicipalityFactory(), MR.ADMINISTRATOR)

    assert not any(other_admin.has_perm(perm, municipality) for perm in PERMISSIONS)


def test_process_role_in_another_municipalitys_process_does_not_count_here(municipality):
    other = MunicipalityFactory()
    other_process = process_create_from_blueprint(
        actor=None, municipality=other, title="Strategia innej gminy", slug="inna", start_year=2026,
        start_quarter=1,
    )
    member = user_with_process_role(other_process, PR.TEAM_MEMBER)

    assert member.has_perm("core.view_backoffice", other)
    assert not member.has_perm("core.view_backoffice", municipality)


def test_nothing_is_granted_without_an_object(coordinator):
    assert not coordinator.has_perm("accounts.manage_roles")
