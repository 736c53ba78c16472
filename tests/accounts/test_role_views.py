"""Role management pages in the back-office (/<municipality>/panel/role/)."""

import pytest
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.accounts.models import MunicipalityMembership, ProcessMembership
from strategia.processes.services import process_create_from_blueprint
from tests.factories import (
    MunicipalityFactory,
    UserFactory,
    user_with_municipality_role,
    user_with_process_role,
)


def url(municipality, name, **kwargs):
    return reverse(f"backoffice:accounts_staff:{name}",
                   kwargs={"municipality_slug": municipality.slug, **kwargs})


@pytest.fixture
def administrator(municipality):
    return user_with_municipality_role(municipality, MR.ADMINISTRATOR)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


# --- who may open the pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("role", "status"), [
    (MR.ADMINISTRATOR, 200), (MR.COORDINATOR, 200), (MR.STAFF, 403), (MR.CONTRACTOR, 403), (MR.APPROVER, 403),
    (PR.COUNCILLOR, 403), (PR.TEAM_MEMBER, 403), ("resident", 404), ("other_municipality_staff", 404),
])
def test_only_administrators_and_coordinators_open_the_role_list(client, user_for_role, municipality, role,
                                                                 status):
    client.force_login(user_for_role(role))

    assert client.get(url(municipality, "list")).status_code == status


def test_anonymous_visitor_is_sent_to_log_in(client, municipality):
    response = client.get(url(municipality, "list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- the list ---------------------------------------------------------------------------------------------

def test_list_shows_office_and_process_roles_of_this_municipality_only(coordinator_client, municipality,
                                                                        process):
    user_with_municipality_role(municipality, MR.STAFF, email="pracownik@example.org")
    user_with_process_role(process, PR.EVALUATOR, email="ewaluator@example.org")
    user_with_municipality_role(MunicipalityFactory(), MR.STAFF, email="obcy@example.org")

    html = coordinator_client.get(url(municipality, "list")).content.decode()

    assert "pracownik@example.org" in html
    assert "ewaluator@example.org" in html
    assert process.title in html
    assert "obcy@example.org" not in html


def _add_members(municipality, process, count):
    for _ in range(count):
        user_with_municipality_role(municipality, MR.STAFF)
        user_with_process_role(process, PR.TEAM_MEMBER)


# Session, user, municipality, the user's roles, both lists and the process for the menu.
LIST_QUERIES = 7


@pytest.mark.parametrize("members", [1, 20])
def test_role_list_takes_the_same_number_of_queries_for_any_number_of_members(
        coordinator_client, municipality, process, members, django_assert_num_queries):
    _add_members(municipality, process, members)

    with django_assert_num_queries(LIST_QUERIES):
        response = coordinator_client.get(url(municipality, "list"))

    assert response.status_code == 200


def test_coordinator_is_not_offered_to_remove_an_administrator(coordinator_client, municipality,
                                                                administrator):
    user_with_municipality_role(municipality, MR.ADMINISTRATOR)
    admin_role = MunicipalityMembership.objects.filter(user=administrator).get()

    html = coordinator_client.get(url(municipality, "list")).content.decode()

    assert url(municipality, "revoke", pk=admin_role.pk) not in html


def test_the_last_administrator_is_not_offered_for_removal(client, municipality, administrator):
    client.force_login(administrator)
    admin_role = MunicipalityMembership.objects.filter(user=administrator).get()

    html = client.get(url(municipality, "list")).content.decode()

    assert url(municipality, "revoke", pk=admin_role.pk) not in html


# --- granting an office role ------------------------------------------------------------------------------

def test_coordinator_is_not_offered_the_administrator_role(coordinator_client, municipality):
    form = coordinator_client.get(url(municipality, "grant")).context["form"]

    assert MR.ADMINISTRATOR not in dict(form.fields["role"].choices)
    assert MR.STAFF in dict(form.fields["role"].choices)


def test_administrator_is_offered_the_administrator_role(client, municipality, administrator):
    client.force_login(administrator)

    form = client.get(url(municipality, "grant")).context["form"]

    assert MR.ADMINISTRATOR in dict(form.fields["role"].choices)


def test_granting_a_role_by_e_mail_adds_it_and_returns_to_the_list(coordinator_client, municipality):
    person = UserFactory()

    response = coordinator_client.post(url(municipality, "grant"), {"email": person.email, "role": MR.STAFF})

    assert response.status_code == 302
    assert response["Location"] == url(municipality, "list")
    assert MunicipalityMembership.objects.filter(user=person, municipality=municipality,
                                                 role=MR.STAFF).exists()


def test_coordinator_posting_the_administrator_role_is_refused_and_nothing_changes(coordinator_client,
                                                                                     municipality):
    person = UserFactory()

    response = coordinator_client.post(url(municipality, "grant"),
                                       {"email": person.email, "role": MR.ADMINISTRATOR})

    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not MunicipalityMembership.objects.filter(user=person).exists()


def test_invalid_e_mail_is_shown_next_to_the_field_and_the_input_is_kept(coordinator_client, municipality):
    response = coordinator_client.post(url(municipality, "grant"),
                                       {"email": "nie-e-mail", "role": MR.STAFF, "display_name": "Jan Nowak"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html and 'href="#id_email"' in html
    assert 'aria-invalid="true"' in html and "id_email_error" in html
    assert 'value="nie-e-mail"' in html and 'value="Jan Nowak"' in html


def test_granting_a_role_the_person_already_has_explains_it_next_to_the_e_mail(coordinator_client,
                                                                               municipality):
    person = user_with_municipality_role(municipality, MR.STAFF)

    response = coordinator_client.post(url(municipality, "grant"), {"email": person.email, "role": MR.STAFF})

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert 'id="id_email_error"' in response.content.decode()


# --- granting a process role ------------------------------------------------------------------------------

def test_granting_a_process_role_adds_it(coordinator_client, municipality, process):
    person = UserFactory()

    response = coordinator_client.post(url(municipality, "process_grant"),
                                       {"email": person.email, "process": process.pk, "role": PR.COUNCILLOR})

    assert response.status_code == 302
    assert ProcessMembership.objects.filter(user=person, process=process, role=PR.COUNCILLOR).exists()


def test_only_this_municipalitys_processes_can_be_chosen(coordinator_client, municipality, process):
    other_process = process_create_from_blueprint(
        actor=None, municipality=MunicipalityFactory(), title="Inna strategia", slug="inna", start_year=2026,
        start_quarter=1,
    )

    response = coordinator_client.post(url(municipality, "process_grant"),
                                       {"email": "x@example.org", "process": other_process.pk,
                                        "role": PR.COUNCILLOR})

    assert response.status_code == 200
    assert "process" in response.context["form"].errors
    assert not ProcessMembership.objects.filter(process=other_process).exists()


# --- removing a role --------------------------------------------------------------------------------------

def test_removal_asks_for_confirmation_first(coordinator_client, municipality):
    person = user_with_municipality_role(municipality, MR.STAFF)
    membership = person.municipality_memberships.get()

    response = coordinator_client.get(url(municipality, "revoke", pk=membership.pk))

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert MunicipalityMembership.objects.filter(pk=membership.pk).exists()


def test_confirmed_removal_removes_the_role(coordinator_client, municipality):
    person = user_with_municipality_role(municipality, MR.STAFF)
    membership = person.municipality_memberships.get()

    response = coordinator_client.post(url(municipality, "revoke", pk=membership.pk))

    assert response.status_code == 302
    assert not MunicipalityMembership.objects.filter(pk=membership.pk).exists()


def test_coordinator_posting_removal_of_an_administrator_is_forbidden(coordinator_client, municipality,
                                                                       administrator):
    user_with_municipality_role(municipality, MR.ADMINISTRATOR)
    membership = MunicipalityMembership.objects.get(user=administrator)

    response = coordinator_client.post(url(municipality, "revoke", pk=membership.pk))

    assert response.status_code == 403
    assert MunicipalityMembership.objects.filter(pk=membership.pk).exists()


def test_removing_the_last_administrator_is_refused_with_a_message(client, municipality, administrator):
    client.force_login(administrator)
    membership = MunicipalityMembership.objects.get(user=administrator)

    response = client.post(url(municipality, "revoke", pk=membership.pk), follow=True)

    assert MunicipalityMembership.objects.filter(pk=membership.pk).exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_a_role_in_another_municipality_cannot_be_reached(coordinator_client, municipality):
    foreign = user_with_municipality_role(MunicipalityFactory(), MR.STAFF).municipality_memberships.get()

    response = coordinator_client.post(url(municipality, "revoke", pk=foreign.pk))

    assert response.status_code == 404
    assert MunicipalityMembership.objects.filter(pk=foreign.pk).exists()


def test_confirmed_removal_of_a_process_role_removes_it(coordinator_client, municipality, process):
    membership = user_with_process_role(process, PR.STAKEHOLDER).process_memberships.get()

    response = coordinator_client.post(url(municipality, "process_revoke", pk=membership.pk))

    assert response.status_code == 302
    assert not ProcessMembership.objects.filter(pk=membership.pk).exists()
