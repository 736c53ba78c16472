"""Who may open which page: every URL name × every role (anonymous included).

A new URL without a row here fails ``test_every_url_has_a_row``. Expected results:
200 = allowed; LOGIN = sent to the login page; 403 = has a role here but not this permission; 404 = no role in this
municipality (its back-office does not exist for them); 405 = allowed but the page only takes POST.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.core.models import StoredEmail
from strategia.processes.enums import DatePrecision
from strategia.processes.models import Activity, ScheduleChange

LOGIN = "login"
MUNI = list(MR.values)
PROC = list(PR.values)
ROLES = ["anonymous", "resident", *MUNI, *PROC, "other_municipality_staff"]


def expect(*, anonymous, resident, other, **per_role):
    table = {"anonymous": anonymous, "resident": resident, "other_municipality_staff": other}
    table.update(per_role)
    missing = set(ROLES) - set(table)
    assert not missing, missing
    return table


PUBLIC = dict.fromkeys(ROLES, 200)
BACKOFFICE = expect(anonymous=LOGIN, resident=404, other=404, **dict.fromkeys(MUNI + PROC, 200))


def only(allowed, *, status=200):
    """Back-office page for the ``allowed`` roles; other roles of this municipality get 403."""
    return expect(anonymous=LOGIN, resident=404, other=404,
                  **{role: (status if role in allowed else 403) for role in MUNI + PROC})


COORDINATOR = only({MR.ADMINISTRATOR, MR.COORDINATOR})
COORDINATOR_POST = only({MR.ADMINISTRATOR, MR.COORDINATOR}, status=405)
OFFICE_STAFF = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF})
OFFICE_STAFF_POST = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF}, status=405)
AUDIT = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.APPROVER})

# url name → (kwargs beyond municipality_slug, expected by role)
TABLE = {
    "root": ({"_no_municipality": True}, PUBLIC),
    "portal:home": ({}, PUBLIC),
    "portal:take_part": ({}, PUBLIC),
    "portal:take_part_easy": ({}, PUBLIC),
    "portal:privacy": ({}, PUBLIC),
    "portal:accessibility": ({}, PUBLIC),
    "processes:schedule": ({"process_slug": "P"}, PUBLIC),
    "news:list": ({}, PUBLIC),
    "news:feed": ({}, PUBLIC),
    "news:detail": ({"slug": "N"}, PUBLIC),
    "news:subscribe": ({}, PUBLIC),
    "news:subscribe_sent": ({}, PUBLIC),
    "news:confirm": ({"token": "T"}, PUBLIC),
    "news:unsubscribe": ({"token": "U"}, PUBLIC),
    "backoffice:news_staff:list": ({}, OFFICE_STAFF),
    "backoffice:news_staff:create": ({}, OFFICE_STAFF),
    "backoffice:news_staff:edit": ({"pk": "NI"}, OFFICE_STAFF),
    "backoffice:news_staff:delete": ({"pk": "NI"}, OFFICE_STAFF),
    "backoffice:news_staff:publish": ({"pk": "NI"}, OFFICE_STAFF_POST),
    "processes:activity": ({"process_slug": "P", "activity_id": "A"}, PUBLIC),
    "backoffice:dashboard": ({}, BACKOFFICE),
    "backoffice:emails": ({}, OFFICE_STAFF),
    "backoffice:email_detail": ({"email_id": "E"}, OFFICE_STAFF),
    "backoffice:audit": ({}, AUDIT),
    "backoffice:municipality": ({}, only({MR.ADMINISTRATOR})),
    "backoffice:processes_staff:create": ({}, COORDINATOR),
    "backoffice:accounts_staff:list": ({}, COORDINATOR),
    "backoffice:accounts_staff:grant": ({}, COORDINATOR),
    "backoffice:accounts_staff:process_grant": ({}, COORDINATOR),
    "backoffice:accounts_staff:revoke": ({"pk": "MM"}, COORDINATOR),
    "backoffice:accounts_staff:process_revoke": ({"pk": "PM"}, COORDINATOR),
    "backoffice:portal_staff:index": ({}, OFFICE_STAFF),
    "backoffice:portal_staff:accessibility_edit": ({}, OFFICE_STAFF),
    "backoffice:portal_staff:video_edit": ({"page": "take_part"}, OFFICE_STAFF),
    "backoffice:portal_staff:video_remove": ({"page": "take_part"}, OFFICE_STAFF),
    "backoffice:processes_staff:detail": ({"process_slug": "P"}, BACKOFFICE),
    "backoffice:processes_staff:settings": ({"process_slug": "P"}, COORDINATOR),
    "backoffice:processes_staff:activity_edit": ({"process_slug": "P", "activity_id": "A"}, COORDINATOR),
    "backoffice:processes_staff:activity_plan": ({"process_slug": "P", "activity_id": "A"}, COORDINATOR),
    "backoffice:processes_staff:resolution_create": ({"process_slug": "P"}, COORDINATOR),
    "backoffice:processes_staff:change_withdraw": ({"process_slug": "P", "change_id": "C"}, COORDINATOR_POST),
    "backoffice:processes_staff:resolution_docx": ({"process_slug": "P"}, BACKOFFICE),
}

# Third-party pages with their own access rules (allauth, Django admin, language switch).
EXEMPT_PREFIXES = ("admin:", "account_", "mfa_", "set_language", "django.")


def _all_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _all_url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_has_a_row():
    names = {n for n in _all_url_names() if not n.startswith(EXEMPT_PREFIXES)}
    missing = sorted(names - set(TABLE))
    assert not missing, f"Add rows to TABLE for: {missing}"


def test_every_view_declares_its_permission():
    undeclared = []

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern, ns)
            elif (pattern.name and not f"{namespace}{pattern.name}".startswith(EXEMPT_PREFIXES)
                  and not hasattr(pattern.callback, "permission")):
                undeclared.append(f"{namespace}{pattern.name}")

    walk(get_resolver())
    assert not undeclared, f"Decorate with @public/@require_perm/@require_login: {undeclared}"


@pytest.fixture
def objects(municipality, process):
    activity = Activity.objects.filter(stage__process=process).first()
    change = ScheduleChange.objects.create(activity=activity, proposed_start=activity.planned_start,
                                           proposed_end=activity.planned_end,
                                           proposed_precision=DatePrecision.QUARTER, reason="r")
    email = StoredEmail.objects.create(municipality=municipality, from_email="a@b.c", to="x@y.z", subject="s",
                                       body="b")
    from django.utils import timezone

    from strategia.news.services import news_create, subscriber_subscribe
    from strategia.news.tokens import confirm_token_make, unsubscribe_token_make
    from tests.portal.conftest import make_video

    make_video(municipality)  # the PJM recording, so that its removal page exists
    item = news_create(actor=None, municipality=municipality, title="Aktualność", body="Treść",
                       published_at=timezone.now())
    subscriber = subscriber_subscribe(actor=None, municipality=municipality, email="tabela@example.org",
                                      consent_text="zgoda")
    from strategia.accounts.models import MunicipalityMembership, ProcessMembership
    from tests.factories import UserFactory

    member = MunicipalityMembership.objects.create(user=UserFactory(), municipality=municipality, role=MR.STAFF)
    process_member = ProcessMembership.objects.create(user=UserFactory(), process=process, role=PR.EVALUATOR)
    return {"MM": member.pk, "PM": process_member.pk, "P": process.slug, "A": activity.pk, "C": change.pk,
            "E": email.pk, "N": item.slug, "NI": item.pk,
            "T": confirm_token_make(subscriber), "U": unsubscribe_token_make(subscriber)}


def _url(name, kwargs, municipality, objects):
    kwargs = dict(kwargs)
    if kwargs.pop("_no_municipality", False):
        return reverse(name)
    resolved = {k: objects.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **resolved})


@pytest.mark.parametrize("name", sorted(TABLE))
def test_permission_table(name, client, municipality, objects, user_for_role):
    kwargs, expected = TABLE[name]
    url = _url(name, kwargs, municipality, objects)
    results = {}
    for role in ROLES:
        user = user_for_role(role)
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        if response.status_code == 302 and "/konto/login/" in response["Location"]:
            results[role] = LOGIN
        elif response.status_code == 302 and expected[role] == 200:
            results[role] = 200  # e.g. the root redirecting to the only municipality
        else:
            results[role] = response.status_code
    wrong = {role: (results[role], expected[role]) for role in ROLES if results[role] != expected[role]}
    assert not wrong, f"{name} {url}: role → (got, expected) {wrong}"
