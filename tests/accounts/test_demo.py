"""Demo accounts: one per role, granted through the audited services, loading twice changes nothing."""

from strategia.accounts.demo import DEMO_MUNICIPALITY_USERS, DEMO_PASSWORD, DEMO_PROCESS_USERS, users_load
from strategia.accounts.models import MunicipalityMembership, ProcessMembership, User
from strategia.core.models import AuditEntry


def test_every_demo_role_is_granted_through_an_audited_service(municipality, process):
    users_load(municipality=municipality, process=process)

    grants = AuditEntry.objects.filter(action="accounts.membership_grant")
    process_grants = AuditEntry.objects.filter(action="accounts.process_membership_grant")
    assert (grants.count(), process_grants.count()) == (len(DEMO_MUNICIPALITY_USERS), len(DEMO_PROCESS_USERS))


def test_loading_the_demo_twice_changes_nothing(municipality, process):
    users_load(municipality=municipality, process=process)
    counts = (User.objects.count(), MunicipalityMembership.objects.count(), ProcessMembership.objects.count())

    users_load(municipality=municipality, process=process)

    assert (User.objects.count(), MunicipalityMembership.objects.count(),
            ProcessMembership.objects.count()) == counts


def test_demo_accounts_log_in_with_the_published_password(client, municipality, process):
    users_load(municipality=municipality, process=process)
    email = DEMO_MUNICIPALITY_USERS[1][0]

    response = client.post("/konto/login/", {"login": email, "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email=email).pk)
