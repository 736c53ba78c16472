"""Demo accounts, one per role, all with the same password (listed in README.md).

Roles are granted through the same services as in production (each grant is audited and e-mails the
person); loading twice changes nothing."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from strategia.accounts.enums import MunicipalityRole, ProcessRole
from strategia.accounts.models import MunicipalityMembership, ProcessMembership, User
from strategia.accounts.services import membership_grant, process_membership_grant

DEMO_PASSWORD = "demo-strategia-2026"

DEMO_MUNICIPALITY_USERS = [
    ("administrator@demo.strategia.example", "Anna Administratorska", MunicipalityRole.ADMINISTRATOR),
    ("koordynator@demo.strategia.example", "Karol Koordynator", MunicipalityRole.COORDINATOR),
    ("pracownik@demo.strategia.example", "Paulina Pracownik", MunicipalityRole.STAFF),
    ("wykonawca@demo.strategia.example", "Wiktor Wykonawca", MunicipalityRole.CONTRACTOR),
    ("zatwierdzajacy@demo.strategia.example", "Zofia Zatwierdzająca", MunicipalityRole.APPROVER),
]
DEMO_PROCESS_USERS = [
    ("zespol@demo.strategia.example", "Tomasz Zespołowy", ProcessRole.TEAM_MEMBER),
    ("interesariusz@demo.strategia.example", "Irena Interesariusz", ProcessRole.STAKEHOLDER),
    ("ewaluator@demo.strategia.example", "Ewa Ewaluatorka", ProcessRole.EVALUATOR),
    ("radny@demo.strategia.example", "Robert Radny", ProcessRole.COUNCILLOR),
]
DEMO_RESIDENT = ("mieszkaniec@demo.strategia.example", "Maria Mieszkanka")
DEMO_SUPERUSER = ("superuser@demo.strategia.example", "Operator instalacji")


def _user(email: str, name: str, **extra) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, display_name=name, **extra)
    EmailAddress.objects.update_or_create(user=user, email=email,
                                          defaults={"verified": True, "primary": True})
    return user


def users_load(*, municipality, process) -> None:
    for email, name, role in DEMO_MUNICIPALITY_USERS:
        user = _user(email, name)
        held = MunicipalityMembership.objects.filter(user=user, municipality=municipality, role=role)
        if not held.exists():
            membership_grant(actor=None, municipality=municipality, email=email, role=role)
    for email, name, role in DEMO_PROCESS_USERS:
        user = _user(email, name)
        if not ProcessMembership.objects.filter(user=user, process=process, role=role).exists():
            process_membership_grant(actor=None, process=process, email=email, role=role)
    _user(*DEMO_RESIDENT)
    _user(*DEMO_SUPERUSER, is_staff=True, is_superuser=True)
