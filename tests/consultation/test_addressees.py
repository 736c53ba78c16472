"""The addressees of art. 6 ust. 3 u.z.p.p.r. and the dispatch log: who may see and change them, the page grouped by
kind with the log and counts, adding (one or many, all or nothing), deleting, recording the dispatch and its receipt
(dates checked, proof files checked by content), and the private proof files."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.consultation import addressee_forms
from strategia.consultation.addressee_services import addressee_create, dispatch_receipt, dispatch_record
from strategia.consultation.enums import AddresseeKind, DispatchChannel
from strategia.consultation.models import Addressee, Dispatch
from strategia.consultation.services import consultation_announce
from strategia.core.deadlines import today_local
from strategia.core.models import AuditEntry
from tests.factories import MunicipalityFactory, user_with_municipality_role, user_with_process_role

WARSAW = ZoneInfo("Europe/Warsaw")
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def consultation(make_consultation):
    consultation = make_consultation(announce_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 7, 6))
    return consultation_announce(actor=None, consultation=consultation,
                                 now=dt.datetime(2026, 6, 1, 10, tzinfo=WARSAW))


@pytest.fixture
def addressee(consultation):
    return addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.NEIGHBOURING_GMINA,
                            name="Burmistrz Miasta Józefowa", address="ul. Kardynała Wyszyńskiego 1\n05-420 Józefów")


@pytest.fixture
def dispatch(addressee):
    return dispatch_record(actor=None, addressee=addressee, channel=DispatchChannel.POST,
                           sent_on=today_local() - dt.timedelta(days=3), sending_proof="RR 123 456 789 PL",
                           sending_proof_file=SimpleUploadedFile("nadanie.pdf", PDF))


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def url(name, consultation, **extra):
    kwargs = {"municipality_slug": consultation.process.municipality.slug, "process_slug": consultation.process.slug,
              "consultation_id": consultation.pk}
    return reverse(f"backoffice:consultation_staff:{name}", kwargs={**kwargs, **extra})


def every_url(consultation, addressee, dispatch):
    return {
        "addressees": url("addressees", consultation),
        "addressee_create": url("addressee_create", consultation),
        "addressee_bulk_create": url("addressee_bulk_create", consultation),
        "addressee_edit": url("addressee_edit", consultation, addressee_id=addressee.pk),
        "addressee_delete": url("addressee_delete", consultation, addressee_id=addressee.pk),
        "dispatch_record": url("dispatch_record", consultation, addressee_id=addressee.pk),
        "dispatch_receipt": url("dispatch_receipt", consultation, dispatch_id=dispatch.pk),
        "dispatch_proof": url("dispatch_proof", consultation, dispatch_id=dispatch.pk, proof="dowod-nadania"),
        "letter_docx": url("letter_docx", consultation, addressee_id=addressee.pk),
        "letters_docx": url("letters_docx", consultation),
    }


READ = {"addressees", "letter_docx", "letters_docx"}
MANAGE = {"addressee_create", "addressee_bulk_create", "addressee_edit", "addressee_delete", "dispatch_record",
          "dispatch_receipt"}
NAMES = sorted(READ | MANAGE | {"dispatch_proof"})


def status_for(client, user, consultation, addressee, dispatch):
    client.logout()
    if user is not None:
        client.force_login(user)
    return {name: client.get(link).status_code for name, link in every_url(consultation, addressee, dispatch).items()}


# --- who may open the pages -----------------------------------------------------------------------------------

def test_anonymous_is_sent_to_the_login_page(client, consultation, addressee, dispatch):
    for link in every_url(consultation, addressee, dispatch).values():
        response = client.get(link)
        assert response.status_code == 302 and "/konto/login/" in response["Location"], link


def test_a_resident_without_a_role_gets_404_everywhere(client, consultation, addressee, dispatch, resident):
    assert set(status_for(client, resident, consultation, addressee, dispatch).values()) == {404}


def test_staff_of_another_municipality_gets_404_everywhere(client, consultation, addressee, dispatch):
    other = user_with_municipality_role(MunicipalityFactory(), MR.ADMINISTRATOR)
    assert set(status_for(client, other, consultation, addressee, dispatch).values()) == {404}


def test_a_councillor_reads_the_list_and_letters_but_changes_nothing_and_sees_no_proofs(
        client, consultation, addressee, dispatch):
    councillor = user_with_process_role(consultation.process, PR.COUNCILLOR)
    statuses = status_for(client, councillor, consultation, addressee, dispatch)
    assert {name for name, status in statuses.items() if status == 200} == READ
    assert {name for name, status in statuses.items() if status == 403} == MANAGE | {"dispatch_proof"}


def test_office_staff_see_proofs_but_only_coordinators_change_addressees(client, consultation, addressee, dispatch):
    staff = user_with_municipality_role(consultation.process.municipality, MR.STAFF)
    statuses = status_for(client, staff, consultation, addressee, dispatch)
    assert {name for name, status in statuses.items() if status == 200} == READ | {"dispatch_proof"}
    assert {name for name, status in statuses.items() if status == 403} == MANAGE


def test_a_coordinator_may_open_every_page(client, consultation, addressee, dispatch, coordinator):
    assert set(status_for(client, coordinator, consultation, addressee, dispatch).values()) == {200}


def test_an_addressee_of_another_consultation_is_404(coordinator_client, consultation, make_consultation):
    other = make_consultation()
    stranger = addressee_create(actor=None, consultation=other, kind=AddresseeKind.PARTNER, name="Obcy")
    assert coordinator_client.get(url("addressee_edit", consultation, addressee_id=stranger.pk)).status_code == 404
    assert coordinator_client.get(url("letter_docx", consultation, addressee_id=stranger.pk)).status_code == 404


# --- the page -------------------------------------------------------------------------------------------------

def test_addressees_are_grouped_by_kind_in_the_order_of_the_article(coordinator_client, consultation):
    for kind, name in [(AddresseeKind.PARTNER, "Lokalna Grupa Działania"),
                       (AddresseeKind.WATER_AUTHORITY, "Dyrektor RZGW w Warszawie"),
                       (AddresseeKind.NEIGHBOURING_GMINA, "Gmina Piaseczno")]:
        addressee_create(actor=None, consultation=consultation, kind=kind, name=name)
    html = coordinator_client.get(url("addressees", consultation)).content.decode()
    gminas, water, partners = (html.index(f'id="kind-{kind}"') for kind in (
        AddresseeKind.NEIGHBOURING_GMINA, AddresseeKind.WATER_AUTHORITY, AddresseeKind.PARTNER))
    assert gminas < html.index("Gmina Piaseczno") < water < html.index("Dyrektor RZGW w Warszawie") < partners
    assert partners < html.index("Lokalna Grupa Działania")


def test_the_log_shows_channel_dates_and_proof_and_marks_a_missing_receipt(coordinator_client, consultation,
                                                                            dispatch):
    html = coordinator_client.get(url("addressees", consultation)).content.decode()
    assert "registered post" in html and dispatch.sent_on.strftime("%d.%m.%Y") in html
    assert "RR 123 456 789 PL" in html
    assert url("dispatch_proof", consultation, dispatch_id=dispatch.pk, proof="dowod-nadania") in html
    assert "awaiting proof of receipt" in html


def test_an_addressee_without_a_dispatch_is_marked_not_yet_sent(coordinator_client, consultation, addressee):
    assert "not yet sent" in coordinator_client.get(url("addressees", consultation)).content.decode()


def test_an_email_dispatch_awaits_no_proof_of_receipt(coordinator_client, consultation, addressee):
    dispatch_record(actor=None, addressee=addressee, channel=DispatchChannel.EMAIL, sent_on=today_local())
    response = coordinator_client.get(url("addressees", consultation))
    assert "awaiting proof of receipt" not in response.content.decode()
    assert response.context["overview"].awaiting_receipt == 0


def test_the_counts_say_how_many_were_notified_and_await_receipt(coordinator_client, consultation, dispatch):
    received = addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.WATER_AUTHORITY,
                                name="Dyrektor RZGW")
    sent = dispatch_record(actor=None, addressee=received, channel=DispatchChannel.EDORECZENIA,
                           sent_on=today_local())
    dispatch_receipt(actor=None, dispatch=sent, received_on=today_local(), receipt_proof="UPD 1")
    addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.PARTNER, name="Izba Gospodarcza")
    overview = coordinator_client.get(url("addressees", consultation)).context["overview"]
    assert (overview.total, overview.notified, overview.awaiting_receipt, overview.not_sent) == (3, 2, 1, 1)


def _addressees_with_dispatches(consultation, count):
    for index in range(count):
        addressee = addressee_create(actor=None, consultation=consultation, kind=AddresseeKind.values[index % 5],
                                     name=f"Adresat {index}")
        dispatch_record(actor=None, addressee=addressee, channel=DispatchChannel.POST, sent_on=today_local())


def _queries(client, link) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(link).status_code == 200
    return len(queries)


def test_the_page_reads_the_addressees_in_a_fixed_number_of_queries(coordinator_client, consultation):
    _addressees_with_dispatches(consultation, 1)
    few = _queries(coordinator_client, url("addressees", consultation))
    _addressees_with_dispatches(consultation, 12)
    assert _queries(coordinator_client, url("addressees", consultation)) == few


# --- adding, editing, deleting --------------------------------------------------------------------------------

def test_a_coordinator_adds_an_addressee_through_the_audited_service(coordinator_client, consultation):
    response = coordinator_client.post(url("addressee_create", consultation), {
        "kind": AddresseeKind.WATER_AUTHORITY, "name": "Dyrektor Regionalnego Zarządu Gospodarki Wodnej w Warszawie",
        "address": "ul. Zarzecze 13B\n03-194 Warszawa", "electronic_address": "AE:PL-00000-00000-AAAAA-00"})
    assert response.status_code == 302
    addressee = Addressee.objects.get()
    assert addressee.kind == AddresseeKind.WATER_AUTHORITY and addressee.address.startswith("ul. Zarzecze")
    assert AuditEntry.objects.filter(action="addressee.create").count() == 1


def test_an_addressee_without_a_name_is_refused_and_what_was_typed_is_kept(coordinator_client, consultation):
    response = coordinator_client.post(url("addressee_create", consultation), {
        "kind": AddresseeKind.PARTNER, "name": "", "address": "ul. Polna 7"})
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_name_hint id_name_error"' in html
    assert "ul. Polna 7" in html
    assert not Addressee.objects.exists()


def test_a_coordinator_edits_an_addressee(coordinator_client, consultation, addressee):
    coordinator_client.post(url("addressee_edit", consultation, addressee_id=addressee.pk), {
        "kind": AddresseeKind.GMINA_UNION, "name": "Związek Gmin Wiślanych", "address": "", "electronic_address": ""})
    addressee.refresh_from_db()
    assert (addressee.kind, addressee.name) == (AddresseeKind.GMINA_UNION, "Związek Gmin Wiślanych")


def test_an_addressee_not_yet_written_to_can_be_deleted(coordinator_client, consultation, addressee):
    response = coordinator_client.post(url("addressee_delete", consultation, addressee_id=addressee.pk))
    assert response.status_code == 302
    assert not Addressee.objects.exists()


def test_deleting_an_addressee_after_the_letter_was_sent_is_refused_with_the_reason(coordinator_client, consultation,
                                                                                    addressee, dispatch):
    response = coordinator_client.post(url("addressee_delete", consultation, addressee_id=addressee.pk), follow=True)
    assert "The letter has already been sent to this addressee" in response.content.decode()
    assert Addressee.objects.filter(pk=addressee.pk).exists()


# --- several at once ------------------------------------------------------------------------------------------

def test_several_addressees_are_added_one_per_non_empty_line(coordinator_client, consultation):
    response = coordinator_client.post(url("addressee_bulk_create", consultation), {
        "kind": AddresseeKind.NEIGHBOURING_GMINA,
        "names": "Gmina Piaseczno\r\n\r\n  Miasto Józefów \r\nGmina Góra Kalwaria"})
    assert response.status_code == 302
    assert sorted(Addressee.objects.values_list("name", "kind")) == [
        ("Gmina Góra Kalwaria", "neighbouring_gmina"), ("Gmina Piaseczno", "neighbouring_gmina"),
        ("Miasto Józefów", "neighbouring_gmina")]
    assert AuditEntry.objects.filter(action="addressee.create").count() == 3


def test_one_wrong_line_adds_nobody_and_names_the_line(coordinator_client, consultation):
    typed = "Gmina Piaseczno\nMiasto Józefów\ngmina piaseczno"
    response = coordinator_client.post(url("addressee_bulk_create", consultation), {
        "kind": AddresseeKind.NEIGHBOURING_GMINA, "names": typed})
    assert response.status_code == 200
    assert response.context["form"].errors["names"] == ["Line 3: this name appears twice in the list."]
    assert typed in response.content.decode()
    assert not Addressee.objects.exists()


def test_a_name_too_long_is_refused_with_its_line_number(coordinator_client, consultation):
    response = coordinator_client.post(url("addressee_bulk_create", consultation), {
        "kind": AddresseeKind.PARTNER, "names": "Krótka nazwa\n" + "x" * 301})
    assert "Line 2: the name is longer than 300 characters." in response.context["form"].errors["names"]
    assert not Addressee.objects.exists()


def test_a_name_already_on_the_list_is_refused(coordinator_client, consultation, addressee):
    response = coordinator_client.post(url("addressee_bulk_create", consultation), {
        "kind": AddresseeKind.NEIGHBOURING_GMINA, "names": "Gmina Konstancin\nBurmistrz Miasta Józefowa"})
    assert response.context["form"].errors["names"][0].startswith("Line 2:")
    assert Addressee.objects.count() == 1


# --- the dispatch and its receipt -----------------------------------------------------------------------------

def _dispatch_data(**overrides):
    return {"channel": DispatchChannel.EDORECZENIA, "sent_on": today_local().isoformat(),
            "sending_proof": "ID wiadomości 42", **overrides}


def test_a_dispatch_is_recorded_with_its_proof_file_under_a_private_random_name(coordinator_client, consultation,
                                                                                addressee):
    response = coordinator_client.post(url("dispatch_record", consultation, addressee_id=addressee.pk),
                                       _dispatch_data(sending_proof_file=SimpleUploadedFile("Jan Kowalski.pdf", PDF)))
    assert response.status_code == 302
    dispatch = Dispatch.objects.get()
    assert dispatch.channel == DispatchChannel.EDORECZENIA and dispatch.sending_proof == "ID wiadomości 42"
    assert dispatch.sending_proof_file.name.startswith("consultation/dispatch/")
    assert "Kowalski" not in dispatch.sending_proof_file.name and dispatch.sending_proof_file.name.endswith(".pdf")
    assert AuditEntry.objects.filter(action="dispatch.record").count() == 1


def test_a_dispatch_dated_in_the_future_is_refused_next_to_the_date(coordinator_client, consultation, addressee):
    tomorrow = (today_local() + dt.timedelta(days=1)).isoformat()
    response = coordinator_client.post(url("dispatch_record", consultation, addressee_id=addressee.pk),
                                       _dispatch_data(sent_on=tomorrow))
    assert response.status_code == 200
    assert response.context["form"].errors["sent_on"] == ["The date of sending cannot be in the future."]
    assert 'id="id_sent_on_error"' in response.content.decode() and "ID wiadomości 42" in response.content.decode()
    assert not Dispatch.objects.exists()


def test_a_text_file_renamed_to_pdf_is_refused(coordinator_client, consultation, addressee):
    fake = SimpleUploadedFile("potwierdzenie.pdf", b"to nie jest PDF", content_type="application/pdf")
    response = coordinator_client.post(url("dispatch_record", consultation, addressee_id=addressee.pk),
                                       _dispatch_data(sending_proof_file=fake))
    assert response.status_code == 200 and "sending_proof_file" in response.context["form"].errors
    assert not Dispatch.objects.exists()


def test_a_proof_file_over_the_size_limit_is_refused(coordinator_client, consultation, addressee, monkeypatch):
    monkeypatch.setattr(addressee_forms, "MAX_PROOF_BYTES", 10)
    response = coordinator_client.post(url("dispatch_record", consultation, addressee_id=addressee.pk),
                                       _dispatch_data(sending_proof_file=SimpleUploadedFile("a.pdf", PDF)))
    assert response.context["form"].errors["sending_proof_file"] == ["The file is too large (at most 10 MB)."]


def test_the_receipt_is_recorded_with_an_image_of_the_return_card(coordinator_client, consultation, dispatch):
    response = coordinator_client.post(url("dispatch_receipt", consultation, dispatch_id=dispatch.pk), {
        "received_on": today_local().isoformat(), "receipt_proof": "zwrotka",
        "receipt_proof_file": SimpleUploadedFile("zwrotka.png", PNG)})
    assert response.status_code == 302
    dispatch.refresh_from_db()
    assert dispatch.received_on == today_local() and dispatch.receipt_proof_file.name.endswith(".png")
    assert "awaiting proof of receipt" not in coordinator_client.get(url("addressees", consultation)).content.decode()


def test_a_receipt_before_the_sending_is_refused_next_to_the_date(coordinator_client, consultation, dispatch):
    before = (dispatch.sent_on - dt.timedelta(days=1)).isoformat()
    response = coordinator_client.post(url("dispatch_receipt", consultation, dispatch_id=dispatch.pk),
                                       {"received_on": before, "receipt_proof": "zwrotka"})
    assert response.status_code == 200
    assert response.context["form"].errors["received_on"] == [
        f"The letter cannot be received before it was sent ({dispatch.sent_on:%d.%m.%Y})."]
    dispatch.refresh_from_db()
    assert dispatch.received_on is None


def test_a_receipt_dated_in_the_future_is_refused(coordinator_client, consultation, dispatch):
    tomorrow = (today_local() + dt.timedelta(days=1)).isoformat()
    response = coordinator_client.post(url("dispatch_receipt", consultation, dispatch_id=dispatch.pk),
                                       {"received_on": tomorrow})
    assert "received_on" in response.context["form"].errors


# --- the private proof files ----------------------------------------------------------------------------------

def test_a_proof_file_is_not_reachable_through_media(client, dispatch, coordinator):
    client.force_login(coordinator)
    assert client.get(f"/media/{dispatch.sending_proof_file.name}").status_code == 404


def test_a_proof_file_is_served_to_the_office(client, consultation, dispatch):
    client.force_login(user_with_municipality_role(consultation.process.municipality, MR.STAFF))
    response = client.get(url("dispatch_proof", consultation, dispatch_id=dispatch.pk, proof="dowod-nadania"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_a_missing_or_unknown_proof_is_404(coordinator_client, consultation, dispatch):
    assert coordinator_client.get(url("dispatch_proof", consultation, dispatch_id=dispatch.pk,
                                      proof="dowod-odbioru")).status_code == 404
    assert coordinator_client.get(url("dispatch_proof", consultation, dispatch_id=dispatch.pk,
                                      proof="cokolwiek")).status_code == 404
