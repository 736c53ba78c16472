"""Granting and removing roles (accounts/services.py): who may, what is audited, who is told."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.accounts.models import MunicipalityMembership, ProcessMembership, User
from strategia.accounts.services import (
    membership_grant,
    membership_revoke,
    process_membership_grant,
    process_membership_revoke,
)
from strategia.core.models import AuditEntry
from strategia.processes.services import process_create_from_blueprint
from tests.accounts.helpers import last_email_to, link_in
from tests.factories import (
    MunicipalityFactory,
    UserFactory,
    user_with_municipality_role,
    user_with_process_role,
)


@pytest.fixture
def administrator(municipality):
    return user_with_municipality_role(municipality, MR.ADMINISTRATOR)


def admin_membership(user, municipality):
    return MunicipalityMembership.objects.get(user=user, municipality=municipality, role=MR.ADMINISTRATOR)


# --- granting a municipality role ---------------------------------------------------------------------------

def test_coordinator_grants_an_office_role_to_an_existing_account(coordinator, municipality):
    person = UserFactory()

    membership = membership_grant(actor=coordinator, municipality=municipality, email=person.email,
                                  role=MR.STAFF)

    assert (membership.user, membership.municipality, membership.role) == (person, municipality, MR.STAFF)


def test_granting_an_office_role_is_audited(coordinator, municipality):
    person = UserFactory()

    membership = membership_grant(actor=coordinator, municipality=municipality, email=person.email,
                                  role=MR.STAFF)

    entry = AuditEntry.objects.get(action="accounts.membership_grant")
    assert (entry.actor, entry.municipality) == (coordinator, municipality)
    assert entry.object_id == str(membership.pk)
    assert entry.after["role"] == MR.STAFF


def test_e_mail_is_matched_to_the_account_whatever_its_case(coordinator, municipality):
    person = UserFactory(email="anna.nowak@example.org")

    membership = membership_grant(actor=coordinator, municipality=municipality,
                                  email="Anna.Nowak@Example.org", role=MR.STAFF)

    assert membership.user == person
    assert User.objects.filter(email__iexact="anna.nowak@example.org").count() == 1


def test_unknown_e_mail_gets_a_new_account_without_a_usable_password(coordinator, municipality):
    membership = membership_grant(actor=coordinator, municipality=municipality, email="nowa@example.org",
                                  role=MR.STAFF, display_name="Nowa Osoba")

    user = membership.user
    assert (user.email, user.display_name) == ("nowa@example.org", "Nowa Osoba")
    assert not user.has_usable_password()
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("nowa@example.org", True, True)


def test_new_account_receives_an_invitation_with_a_password_set_link(
        coordinator, municipality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership_grant(actor=coordinator, municipality=municipality, email="nowa@example.org",
                         role=MR.STAFF)

    email = last_email_to("nowa@example.org")
    assert email.extra_headers["X-Strategia-Municipality"] == municipality.slug
    assert "/konto/password/reset/key/" in email.body


def test_invited_person_sets_a_password_through_the_link_and_logs_in(
        client, coordinator, municipality, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership_grant(actor=coordinator, municipality=municipality, email="nowa@example.org",
                         role=MR.STAFF)
    link = link_in(last_email_to("nowa@example.org").body)

    form_page = client.get(link, follow=True)  # allauth keeps the key in the session and shows the form
    assert form_page.status_code == 200 and not form_page.context.get("token_fail")
    new_password = {"password1": "nowe-haslo-2026!", "password2": "nowe-haslo-2026!"}
    client.post(form_page.redirect_chain[-1][0], new_password)
    response = client.post("/konto/login/", {"login": "nowa@example.org", "password": "nowe-haslo-2026!"})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="nowa@example.org").pk)


def test_existing_account_is_told_about_the_role_without_a_password_link(
        coordinator, municipality, django_capture_on_commit_callbacks):
    person = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        membership_grant(actor=coordinator, municipality=municipality, email=person.email, role=MR.STAFF)

    body = last_email_to(person.email).body
    assert "/konto/login/" in body
    assert "/konto/password/reset/key/" not in body


def test_the_same_role_cannot_be_granted_twice(coordinator, municipality):
    person = user_with_municipality_role(municipality, MR.STAFF)

    with pytest.raises(ValidationError) as error:
        membership_grant(actor=coordinator, municipality=municipality, email=person.email, role=MR.STAFF)

    assert "email" in error.value.error_dict


def test_refused_grant_sends_no_e_mail_and_creates_no_account(coordinator, municipality,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        membership_grant(actor=coordinator, municipality=municipality, email="nowa@example.org",
                         role=MR.ADMINISTRATOR)

    assert not User.objects.filter(email="nowa@example.org").exists()
    assert mail.outbox == []


def test_coordinator_cannot_grant_the_administrator_role(coordinator, municipality):
    person = UserFactory()

    with pytest.raises(PermissionDenied):
        membership_grant(actor=coordinator, municipality=municipality, email=person.email,
                         role=MR.ADMINISTRATOR)

    assert not MunicipalityMembership.objects.filter(user=person).exists()


def test_administrator_grants_the_administrator_role(administrator, municipality):
    person = UserFactory()

    membership = membership_grant(actor=administrator, municipality=municipality, email=person.email,
                                  role=MR.ADMINISTRATOR)

    assert membership.role == MR.ADMINISTRATOR


@pytest.mark.parametrize("role", [MR.STAFF, MR.CONTRACTOR, MR.APPROVER])
def test_office_roles_without_role_management_cannot_grant_roles(role, municipality):
    actor = user_with_municipality_role(municipality, role)

    with pytest.raises(PermissionDenied):
        membership_grant(actor=actor, municipality=municipality, email="x@example.org", role=MR.STAFF)


def test_coordinator_cannot_grant_roles_in_another_municipality(coordinator):
    with pytest.raises(PermissionDenied):
        membership_grant(actor=coordinator, municipality=MunicipalityFactory(), email="x@example.org",
                         role=MR.STAFF)


def test_an_unknown_role_is_refused(administrator, municipality):
    with pytest.raises(ValidationError):
        membership_grant(actor=administrator, municipality=municipality, email="x@example.org", role="king")


# --- removing a municipality role ---------------------------------------------------------------------------

def test_coordinator_removes_an_office_role(coordinator, municipality):
    person = user_with_municipality_role(municipality, MR.STAFF)
    membership = person.municipality_memberships.get()

    membership_revoke(actor=coordinator, membership=membership)

    assert not MunicipalityMembership.objects.filter(pk=membership.pk).exists()


def test_removal_is_audited_with_the_state_before(coordinator, municipality):
    person = user_with_municipality_role(municipality, MR.STAFF)
    membership = person.municipality_memberships.get()

    membership_revoke(actor=coordinator, membership=membership)

    entry = AuditEntry.objects.get(action="accounts.membership_revoke")
    assert (entry.actor, entry.municipality) == (coordinator, municipality)
    assert entry.object_id == str(membership.pk)
    assert (entry.before["user_id"], entry.before["role"], entry.after) == (person.pk, MR.STAFF, None)


def test_coordinator_cannot_remove_the_administrator_role(coordinator, municipality, administrator):
    user_with_municipality_role(municipality, MR.ADMINISTRATOR)  # not the last one: only the rule refuses

    with pytest.raises(PermissionDenied):
        membership_revoke(actor=coordinator, membership=admin_membership(administrator, municipality))

    assert MunicipalityMembership.objects.filter(user=administrator, role=MR.ADMINISTRATOR).exists()


def test_administrator_removes_another_administrator(administrator, municipality):
    other = user_with_municipality_role(municipality, MR.ADMINISTRATOR)

    membership_revoke(actor=administrator, membership=admin_membership(other, municipality))

    assert not MunicipalityMembership.objects.filter(user=other).exists()


def test_the_last_administrator_cannot_be_removed(administrator, municipality):
    with pytest.raises(ValidationError):
        membership_revoke(actor=administrator, membership=admin_membership(administrator, municipality))

    assert admin_membership(administrator, municipality)


def test_not_even_the_system_removes_the_last_administrator(administrator, municipality):
    with pytest.raises(ValidationError):
        membership_revoke(actor=None, membership=admin_membership(administrator, municipality))


def test_administrators_of_other_municipalities_do_not_count_as_the_remaining_one(administrator,
                                                                                  municipality):
    user_with_municipality_role(MunicipalityFactory(), MR.ADMINISTRATOR)

    with pytest.raises(ValidationError):
        membership_revoke(actor=administrator, membership=admin_membership(administrator, municipality))


def test_removing_a_persons_other_role_is_allowed_for_the_last_administrator(administrator, municipality):
    staff_role = MunicipalityMembership.objects.create(user=administrator, municipality=municipality,
                                                       role=MR.STAFF)

    membership_revoke(actor=administrator, membership=staff_role)

    assert list(administrator.municipality_memberships.values_list("role", flat=True)) == [MR.ADMINISTRATOR]


# --- process roles ------------------------------------------------------------------------------------------

def test_coordinator_grants_a_process_role(coordinator, process):
    person = UserFactory()

    membership = process_membership_grant(actor=coordinator, process=process, email=person.email,
                                          role=PR.TEAM_MEMBER)

    assert (membership.user, membership.process, membership.role) == (person, process, PR.TEAM_MEMBER)
    entry = AuditEntry.objects.get(action="accounts.process_membership_grant")
    assert (entry.municipality, entry.object_id) == (process.municipality, str(membership.pk))


def test_process_role_for_an_unknown_e_mail_invites_the_person(coordinator, process,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        process_membership_grant(actor=coordinator, process=process, email="radna@example.org",
                                 role=PR.COUNCILLOR)

    assert not User.objects.get(email="radna@example.org").has_usable_password()
    assert "/konto/password/reset/key/" in last_email_to("radna@example.org").body


def test_the_same_process_role_cannot_be_granted_twice(coordinator, process):
    person = user_with_process_role(process, PR.EVALUATOR)

    with pytest.raises(ValidationError):
        process_membership_grant(actor=coordinator, process=process, email=person.email, role=PR.EVALUATOR)


def test_councillor_cannot_grant_process_roles(process):
    councillor = user_with_process_role(process, PR.COUNCILLOR)

    with pytest.raises(PermissionDenied):
        process_membership_grant(actor=councillor, process=process, email="x@example.org", role=PR.COUNCILLOR)


def test_coordinator_cannot_grant_roles_in_another_municipalitys_process(coordinator):
    other_process = process_create_from_blueprint(
        actor=None, municipality=MunicipalityFactory(), title="Inna strategia", slug="inna", start_year=2026,
        start_quarter=1,
    )

    with pytest.raises(PermissionDenied):
        process_membership_grant(actor=coordinator, process=other_process, email="x@example.org",
                                 role=PR.TEAM_MEMBER)


def test_coordinator_removes_a_process_role_and_it_is_audited(coordinator, process):
    person = user_with_process_role(process, PR.STAKEHOLDER)
    membership = person.process_memberships.get()

    process_membership_revoke(actor=coordinator, membership=membership)

    assert not ProcessMembership.objects.filter(pk=membership.pk).exists()
    entry = AuditEntry.objects.get(action="accounts.process_membership_revoke")
    assert (entry.municipality, entry.object_id, entry.before["role"]) == (
        process.municipality, str(membership.pk), PR.STAKEHOLDER)
