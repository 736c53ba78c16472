"""Who is shown as the submitter, to whom (legal_pl.md §5.5): "osoba fizyczna" on the portal unless the person
consented; in the back-office names and contacts only for coordinators, a pseudonym for everyone else."""

import pytest
from django.utils import translation

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.consultation.enums import Stance, SubmitterKind
from strategia.consultation.models import Submission
from strategia.consultation.privacy import pseudonym, public_submitter, staff_submitter
from tests.consultation.test_review_support import (
    LATE,
    PERSON_EMAIL,
    PERSON_NAME,
    PERSON_PHONE,
    announced,
    one_remark,
    remark_url,
    submit,
    url,
    user,
)

CONTACT_PERSON = "Bożydar Kontaktowy"


@pytest.fixture
def consultation(make_consultation):
    return announced(make_consultation)


def person(**overrides):
    data = {"submitter_kind": SubmitterKind.PERSON, "submitter_name": PERSON_NAME, "organisation_name": "",
            "consent_publish_name": False, "number": 7}
    return Submission(**{**data, **overrides})


# --- the labels -------------------------------------------------------------------------------------------------

def test_a_private_person_is_osoba_fizyczna_on_the_portal_without_consent():
    with translation.override("pl"):
        assert public_submitter(person()) == "osoba fizyczna"


def test_a_private_person_who_consented_is_shown_by_name_on_the_portal():
    assert public_submitter(person(consent_publish_name=True)) == PERSON_NAME


def test_consent_without_a_name_still_shows_a_private_person():
    with translation.override("en"):
        assert public_submitter(person(consent_publish_name=True, submitter_name="  ")) == "private person"


def test_an_organisation_keeps_its_name_on_the_portal():
    assert public_submitter(person(submitter_kind=SubmitterKind.ORGANISATION, organisation_name="OSP Testowo",
                                   submitter_name=CONTACT_PERSON)) == "OSP Testowo"


def test_staff_see_a_pseudonym_made_of_the_submission_number():
    with translation.override("en"):
        assert staff_submitter(person(), sees_identity=False) == "Submitter no. 7" == pseudonym(person())


def test_a_pseudonym_is_used_even_when_the_person_consented_to_publication():
    assert PERSON_NAME not in staff_submitter(person(consent_publish_name=True), sees_identity=False)


def test_coordinators_see_the_name():
    assert staff_submitter(person(), sees_identity=True) == PERSON_NAME


def test_staff_see_an_organisation_by_name_but_not_its_contact_person():
    organisation = person(submitter_kind=SubmitterKind.ORGANISATION, organisation_name="OSP Testowo",
                          submitter_name=CONTACT_PERSON)
    assert staff_submitter(organisation, sees_identity=False) == "OSP Testowo"
    assert CONTACT_PERSON in staff_submitter(organisation, sees_identity=True)


# --- the back-office pages --------------------------------------------------------------------------------------

def _pages(consultation, remark):
    return [url("remark_register", consultation), remark_url("remark_detail", remark),
            f"{url('remarks_joint_answer', consultation)}?uwagi={remark.pk}", url("review_progress", consultation)]


def _with_everything(consultation):
    """A person's remark (with contacts), a sibling remark in the same submission, an identical remark from
    another person and an organisation's letter signed by a contact person."""
    remark = submit(consultation, remarks=[{"content": "Więcej drzew"}, {"content": "Druga uwaga"}]).remarks.first()
    one_remark(consultation, remarks=[{"content": "więcej drzew"}], name="Inny Mieszkaniec Ukryty",
               email="inny@poczta.example.org")
    one_remark(consultation, kind=SubmitterKind.ORGANISATION, organisation="OSP Testowo", name=CONTACT_PERSON,
               email="osp@poczta.example.org")
    return remark


SECRETS = [PERSON_NAME, PERSON_EMAIL, PERSON_PHONE, "Inny Mieszkaniec Ukryty", "inny@poczta.example.org",
           CONTACT_PERSON, "osp@poczta.example.org"]


@pytest.mark.parametrize("role", [MR.STAFF, MR.CONTRACTOR, MR.APPROVER])
def test_no_one_but_coordinators_sees_a_name_or_contact_on_any_review_page(client, consultation, role):
    remark = _with_everything(consultation)
    client.force_login(user(consultation, role))
    for address in _pages(consultation, remark):
        response = client.get(address)
        if response.status_code == 403:
            continue
        html = response.content.decode()
        assert response.status_code == 200
        for secret in SECRETS:
            assert secret not in html, (address, secret)


def test_the_pages_shown_again_with_errors_reveal_no_name_either(client, consultation):
    remark = one_remark(consultation, received_at=LATE)
    client.force_login(user(consultation, MR.STAFF))
    pages = [
        client.post(remark_url("remark_hide", remark), {"reason": ""}),
        client.post(remark_url("remark_answer", remark), {"stance": Stance.ACCEPTED, "justification": ""}),
        client.post(url("remarks_joint_answer", consultation),
                    {"uwagi": [remark.pk], "answer": "1", "stance": Stance.ACCEPTED, "justification": "x"}),
    ]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert PERSON_NAME not in html and PERSON_EMAIL not in html and PERSON_PHONE not in html


def test_staff_see_the_pseudonym_and_organisations_by_name_in_the_register(client, consultation):
    remark = _with_everything(consultation)
    client.cookies["django_language"] = "en"
    client.force_login(user(consultation, MR.STAFF))
    html = client.get(url("remark_register", consultation)).content.decode()
    assert f"Submitter no. {remark.submission.number}" in html
    assert "OSP Testowo" in html


def test_a_coordinator_sees_names_in_the_register(client, consultation):
    _with_everything(consultation)
    client.force_login(user(consultation, MR.COORDINATOR))
    html = client.get(url("remark_register", consultation)).content.decode()
    assert PERSON_NAME in html and "Inny Mieszkaniec Ukryty" in html and CONTACT_PERSON in html


def test_a_coordinator_sees_the_name_contacts_and_consent_on_the_remark_page(client, consultation):
    remark = one_remark(consultation, consent=True)
    client.cookies["django_language"] = "en"
    client.force_login(user(consultation, MR.COORDINATOR))
    html = client.get(remark_url("remark_detail", remark)).content.decode()
    assert PERSON_NAME in html and PERSON_EMAIL in html and PERSON_PHONE in html
    assert "Consent to publish the name</dt><dd>yes" in html


def test_staff_are_told_that_only_coordinators_see_the_identity(client, consultation):
    remark = one_remark(consultation)
    client.cookies["django_language"] = "en"
    client.force_login(user(consultation, MR.STAFF))
    html = client.get(remark_url("remark_detail", remark)).content.decode()
    assert "Only coordinators see the submitter's name and contacts." in html
    assert "Submitter's identity" not in html
