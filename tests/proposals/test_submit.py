"""Sending an idea through the portal (issue #5 point 2): open and closed by the server's clock, at most six
required inputs, nothing typed lost, anonymous without contact, separate consent, anti-spam that holds for review,
the confirmation and its e-mail with the tracking link."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse

from strategia.proposals.enums import Channel, Moderation, ModerationMode
from strategia.proposals.models import Proposal
from strategia.proposals.submit_forms import ProposalSubmitForm
from strategia.proposals.submit_views import SUBMISSIONS_PER_WINDOW
from tests.proposals.conftest import AFTER, CALL_END, CALL_START, DURING, WARSAW


def submit_url(call):
    return reverse("proposals:submit", kwargs={"municipality_slug": call.process.municipality.slug,
                                               "process_slug": call.process.slug, "call_id": call.pk})


def idea(theme, **overrides):
    data = {"title": "Ścieżka rowerowa do stacji", "description": "Wzdłuż Jeziorki, bezpiecznie dla dzieci.",
            "theme": theme.pk, "locality": "", "address": "", "latitude": "", "longitude": "",
            "author_name": "", "contact_email": "", "contact_phone": "", "website": ""}
    data.update(overrides)
    return data


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def during(time_machine):
    time_machine.move_to(DURING)


# --- open and closed by the server's clock -------------------------------------------------------------------

@pytest.mark.parametrize("moment", [
    dt.datetime.combine(CALL_START, dt.time(0, 0), tzinfo=WARSAW),
    dt.datetime.combine(CALL_END, dt.time(23, 59, 59), tzinfo=WARSAW),
])
def test_the_form_is_shown_from_the_first_day_at_midnight_to_the_last_second_of_the_last_day(
        client, call, moment, time_machine):
    time_machine.move_to(moment)
    response = client.get(submit_url(call))
    assert response.status_code == 200
    assert b'name="title"' in response.content and b"data-call-closed" not in response.content


@pytest.mark.parametrize("moment", [
    dt.datetime.combine(CALL_START - dt.timedelta(days=1), dt.time(23, 59, 59), tzinfo=WARSAW),
    dt.datetime.combine(CALL_END + dt.timedelta(days=1), dt.time(0, 0, 0), tzinfo=WARSAW),
])
def test_outside_the_dates_the_page_says_the_call_is_closed_with_the_dates_and_what_comes_next(
        english, call, moment, time_machine):
    time_machine.move_to(moment)
    response = english.get(submit_url(call))
    content = response.content.decode()
    assert "data-call-closed" in content and 'name="title"' not in content
    assert "The call for ideas is closed" in content
    assert "1 February 2026" in content and "31 March 2026" in content
    assert call.after_close_text in content


def test_a_post_after_the_deadline_is_refused_and_keeps_everything_typed(english, call, theme, time_machine):
    time_machine.move_to(AFTER)
    response = english.post(submit_url(call), idea(theme, description="Mój długi opis pomysłu."))
    content = response.content.decode()
    assert response.status_code == 200
    assert not Proposal.objects.exists()
    assert "data-call-closed" in content and "data-error-summary" in content
    assert "Ścieżka rowerowa do stacji" in content and "Mój długi opis pomysłu." in content


def test_the_call_page_shows_its_introduction_and_themes(client, call, during):
    content = client.get(submit_url(call)).content.decode()
    assert call.intro in content
    for theme in call.themes.all():
        assert theme.name in content


def test_a_call_of_another_municipality_is_not_found(client, call, during):
    from tests.factories import MunicipalityFactory

    other = MunicipalityFactory()
    url = reverse("proposals:submit", kwargs={"municipality_slug": other.slug, "process_slug": call.process.slug,
                                              "call_id": call.pk})
    assert client.get(url).status_code == 404


# --- the form ---------------------------------------------------------------------------------------------------

def test_the_form_has_at_most_six_required_inputs(call):
    form = ProposalSubmitForm(call=call)
    required = [name for name, field in form.fields.items() if field.required]
    assert len(required) <= 6
    assert set(required) == {"title", "description", "theme"}


def test_contact_details_are_never_required(call):
    form = ProposalSubmitForm(call=call)
    assert not form.fields["contact_email"].required and not form.fields["contact_phone"].required
    assert not form.fields["author_name"].required


def test_the_locality_list_holds_the_municipalitys_solectwa_only(call, locality):
    from strategia.core.enums import UnitKind
    from strategia.core.models import TerritorialUnit

    elsewhere = TerritorialUnit.objects.create(name="Obce", kind=UnitKind.SOLECTWO)
    choices = list(ProposalSubmitForm(call=call).fields["locality"].queryset)
    assert locality in choices and elsewhere not in choices


def test_an_anonymous_resident_without_any_contact_can_send_an_idea(client, call, theme, during):
    response = client.post(submit_url(call), idea(theme))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.author is None and proposal.contact_email == "" and proposal.contact_phone == ""
    assert proposal.channel == Channel.PLATFORM and proposal.moderation == Moderation.PENDING
    assert not proposal.held_for_review


def test_the_place_is_stored_with_the_locality_address_and_the_pin(client, call, theme, locality, during):
    client.post(submit_url(call), idea(theme, locality=locality.pk, address="ul. Mostowa 3",
                                       latitude="52.0843219", longitude="21.1167"))
    proposal = Proposal.objects.get()
    assert proposal.locality == locality and proposal.address == "ul. Mostowa 3"
    assert str(proposal.latitude) == "52.084322" and str(proposal.longitude) == "21.116700"


def test_a_pin_that_cannot_be_read_is_reported_and_nothing_is_stored(english, call, theme, during):
    response = english.post(submit_url(call), idea(theme, latitude="abc", longitude="21"))
    assert response.status_code == 200 and not Proposal.objects.exists()
    assert "The point on the map could not be read" in response.content.decode()


def test_bad_input_shows_the_errors_next_to_the_fields_and_keeps_everything_typed(english, call, theme, during):
    response = english.post(submit_url(call), idea(theme, title="", address="przy szkole",
                                                   author_name="Ala", contact_email="ala@example.org"))
    content = response.content.decode()
    assert response.status_code == 200 and "data-error-summary" in content
    assert 'aria-invalid="true"' in content and 'id="id_title_error"' in content
    assert "Wzdłuż Jeziorki, bezpiecznie dla dzieci." in content
    assert 'value="przy szkole"' in content and 'value="Ala"' in content and 'value="ala@example.org"' in content
    assert re.search(rf'<input[^>]*value="{theme.pk}"[^>]*checked', content)


def test_consent_to_publish_the_name_is_separate_and_off_by_default(client, call, theme, during):
    client.post(submit_url(call), idea(theme, author_name="Jan Kowalski"))
    client.post(submit_url(call), idea(theme, author_name="Ewa Nowak", consent_publish_name="on"))
    by_name = {p.author_name: p.consent_publish_name for p in Proposal.objects.all()}
    assert by_name == {"Jan Kowalski": False, "Ewa Nowak": True}


def test_the_form_shows_the_rodo_clause(client, call, during):
    content = client.get(submit_url(call)).content.decode()
    assert "Informacja o przetwarzaniu danych osobowych" in content


def test_a_logged_in_resident_finds_the_name_filled_in_and_becomes_the_author(client, call, theme, during):
    from tests.factories import UserFactory

    user = UserFactory(display_name="Zofia Mieszkanka")
    client.force_login(user)
    assert 'value="Zofia Mieszkanka"' in client.get(submit_url(call)).content.decode()
    client.post(submit_url(call), idea(theme, author_name="Zofia Mieszkanka"))
    assert Proposal.objects.get().author == user


def test_with_post_moderation_the_idea_is_public_at_once(client, call, theme, during):
    call.moderation_mode = ModerationMode.POST
    call.save()
    client.post(submit_url(call), idea(theme))
    assert Proposal.objects.get().moderation == Moderation.PUBLISHED


# --- anti-spam: held for review, never dropped --------------------------------------------------------------------

def test_the_honeypot_is_hidden_and_not_autofilled(client, call, during):
    content = client.get(submit_url(call)).content.decode()
    assert '<div hidden>' in content
    assert 'name="website" autocomplete="off"' in content


def test_a_filled_honeypot_stores_the_idea_held_for_review(client, call, theme, during):
    call.moderation_mode = ModerationMode.POST
    call.save()
    response = client.post(submit_url(call), idea(theme, website="http://spam.example"))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.held_for_review and proposal.moderation == Moderation.PENDING


def test_a_flood_from_one_address_is_stored_but_held_for_review(client, call, theme, during):
    for number in range(SUBMISSIONS_PER_WINDOW + 1):
        client.post(submit_url(call), idea(theme, title=f"Pomysł {number}"))
    assert Proposal.objects.count() == SUBMISSIONS_PER_WINDOW + 1
    assert list(Proposal.objects.filter(held_for_review=True).values_list("title", flat=True)) == [
        f"Pomysł {SUBMISSIONS_PER_WINDOW}"]


# --- confirmation -----------------------------------------------------------------------------------------------

def test_after_sending_the_confirmation_page_shows_the_tracking_link(english, call, theme, during):
    response = english.post(submit_url(call), idea(theme), follow=True)
    proposal = Proposal.objects.get()
    content = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("/zglos/przyjeto/")
    assert "Your idea has been received" in content
    assert f"/sledzenie/{proposal.tracking_token}/" in content
    assert "data-email-sent" not in content


def test_the_confirmation_page_without_a_sent_idea_leads_back_to_the_form(client, call, during):
    url = reverse("proposals:submitted", kwargs={"municipality_slug": call.process.municipality.slug,
                                                 "process_slug": call.process.slug, "call_id": call.pk})
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == submit_url(call)


def test_a_confirmation_with_the_tracking_link_is_emailed_when_an_address_is_given(
        client, call, theme, during, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(call), idea(theme, contact_email="ala@example.org"))
    proposal = Proposal.objects.get()
    [email] = mail.outbox
    assert email.to == ["ala@example.org"]
    assert f"/sledzenie/{proposal.tracking_token}/" in email.body
    assert proposal.title in email.subject


def test_no_email_is_sent_without_an_address(client, call, theme, during, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(call), idea(theme))
    assert not mail.outbox


def test_the_map_picker_is_an_enhancement_hidden_until_its_script_runs(client, call, during, settings):
    content = client.get(submit_url(call)).content.decode()
    assert "data-map-picker hidden" in content
    assert f'data-tile-url="{settings.MAP_TILE_URL}"' in content
    assert 'name="latitude"' in content and 'type="hidden"' in content


def test_the_tile_host_is_allowed_by_the_csp(client, call, during, settings):
    response = client.get(submit_url(call))
    assert "https://tile.openstreetmap.org" in response["Content-Security-Policy"]


