"""The newsletter: double opt-in, consent recorded, one-click unsubscribe (RFC 8058), nothing revealed about
who is subscribed, no duplicates, re-subscription, and a modest rate limit."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from strategia.core.models import AuditEntry
from strategia.news.enums import SubscriberStatus
from strategia.news.models import Subscriber
from strategia.news.services import subscriber_confirm, subscriber_subscribe, subscriber_unsubscribe
from strategia.news.tokens import unsubscribe_token_make
from strategia.news.views import SUBSCRIBE_ATTEMPTS_PER_HOUR

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribe(client, municipality, django_capture_on_commit_callbacks, https_site):
    """Post the subscription form (mail sent as on commit); returns the response."""

    def post(email="Anna.Nowak@example.org", consent=True, **extra):
        data = {"email": email, **({"consent": "on"} if consent else {})}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("news:subscribe", kwargs={"municipality_slug": municipality.slug}),
                               data, **extra)

    return post


def link_in(message) -> str:
    match = re.search(r"https://strategia\.example(\S+)", message.body)
    assert match, message.body
    return match.group(1)


def unsubscribe_path(municipality, subscriber):
    return reverse("news:unsubscribe", kwargs={"municipality_slug": municipality.slug,
                                               "token": unsubscribe_token_make(subscriber)})


def confirmed_subscriber(municipality, email="jan@example.org"):
    subscriber = subscriber_subscribe(actor=None, municipality=municipality, email=email,
                                      consent_text="zgoda")
    return subscriber_confirm(actor=None, subscriber=subscriber)


# --- subscribing ----------------------------------------------------------------------------------

def test_subscription_form_links_to_the_privacy_policy(client, municipality):
    html = client.get(reverse("news:subscribe", kwargs={"municipality_slug": municipality.slug})).text
    assert reverse("portal:privacy", kwargs={"municipality_slug": municipality.slug}) in html
    assert municipality.controller_name in html


def test_subscribing_sends_a_confirmation_email_with_a_link(subscribe, municipality):
    response = subscribe()
    assert response.status_code == 302
    assert response["Location"] == reverse("news:subscribe_sent",
                                           kwargs={"municipality_slug": municipality.slug})
    assert [m.to for m in mail.outbox] == [["anna.nowak@example.org"]]
    assert "/newsletter/potwierdz/" in link_in(mail.outbox[0])


def test_subscription_is_pending_until_confirmed_and_records_the_consent(subscribe, municipality):
    subscribe()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.email == "anna.nowak@example.org"
    assert subscriber.consented_at is not None
    assert municipality.name_genitive in subscriber.consent_text
    assert municipality.controller_name in subscriber.consent_text


def test_subscribing_without_consent_shows_the_error_and_keeps_the_address(subscribe):
    response = subscribe(consent=False)
    assert response.status_code == 200
    assert 'id="id_consent_error"' in response.text
    assert 'value="Anna.Nowak@example.org"' in response.text
    assert not Subscriber.objects.exists() and not mail.outbox


def test_subscribing_with_an_invalid_address_shows_the_error(subscribe):
    response = subscribe(email="nie-adres")
    assert 'id="id_email_error"' in response.text
    assert not Subscriber.objects.exists()


def test_the_same_address_twice_makes_one_subscriber(subscribe):
    subscribe(email="anna@example.org")
    subscribe(email=" ANNA@example.org ")
    assert Subscriber.objects.count() == 1


def test_the_answer_is_the_same_for_a_new_and_an_already_confirmed_address(subscribe, municipality):
    confirmed_subscriber(municipality, email="jan@example.org")
    for_confirmed = subscribe(email="jan@example.org")
    for_new = subscribe(email="ewa@example.org")
    assert for_confirmed.status_code == for_new.status_code
    assert for_confirmed["Location"] == for_new["Location"]


def test_an_already_confirmed_address_is_not_mailed_again(subscribe, municipality):
    confirmed_subscriber(municipality, email="jan@example.org")
    subscribe(email="jan@example.org")
    assert mail.outbox == []
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED


def test_subscription_attempts_are_limited_per_ip_address(subscribe):
    for n in range(SUBSCRIBE_ATTEMPTS_PER_HOUR):
        assert subscribe(email=f"osoba{n}@example.org").status_code == 302
    response = subscribe(email="jeszcze@example.org")
    assert response.status_code == 429
    assert 'value="jeszcze@example.org"' in response.text
    assert not Subscriber.objects.filter(email="jeszcze@example.org").exists()


def test_the_limit_is_per_ip_address(subscribe):
    for n in range(SUBSCRIBE_ATTEMPTS_PER_HOUR):
        subscribe(email=f"osoba{n}@example.org")
    assert subscribe(email="inny@example.org", REMOTE_ADDR="10.0.0.2").status_code == 302


# --- confirming -----------------------------------------------------------------------------------

def test_opening_the_confirmation_link_shows_a_button_and_does_not_confirm(subscribe, client):
    subscribe()
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 200
    assert '<form method="post">' in response.text
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_pressing_the_button_confirms_the_subscription(subscribe, client):
    subscribe()
    response = client.post(link_in(mail.outbox[0]))
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.CONFIRMED
    assert subscriber.confirmed_at is not None


def test_a_tampered_confirmation_link_is_refused(subscribe, client):
    subscribe()
    response = client.post(link_in(mail.outbox[0]).rstrip("/") + "x/")
    assert response.status_code == 400
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_the_confirmation_link_expires_after_seven_days(subscribe, client):
    subscribe()
    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        assert client.post(link_in(mail.outbox[0])).status_code == 400
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_the_confirmation_link_works_only_in_its_municipality(subscribe, client, municipality):
    from tests.factories import MunicipalityFactory

    subscribe()
    other = MunicipalityFactory()
    path = link_in(mail.outbox[0]).replace(f"/{municipality.slug}/", f"/{other.slug}/")
    assert client.post(path).status_code == 400


# --- unsubscribing --------------------------------------------------------------------------------

def test_a_post_to_the_unsubscribe_link_unsubscribes_without_login_or_csrf_token(municipality):
    subscriber = confirmed_subscriber(municipality)
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(unsubscribe_path(municipality, subscriber),
                                data="List-Unsubscribe=One-Click",
                                content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


def test_opening_the_unsubscribe_link_shows_a_button_and_does_not_unsubscribe(client, municipality):
    subscriber = confirmed_subscriber(municipality)
    response = client.get(unsubscribe_path(municipality, subscriber))
    assert response.status_code == 200
    assert '<form method="post">' in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED


def test_a_tampered_unsubscribe_link_is_refused(client, municipality):
    subscriber = confirmed_subscriber(municipality)
    assert client.post(unsubscribe_path(municipality, subscriber)[:-5] + "abcd/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.CONFIRMED


def test_unsubscribing_twice_is_harmless(client, municipality):
    subscriber = confirmed_subscriber(municipality)
    client.post(unsubscribe_path(municipality, subscriber))
    assert client.post(unsubscribe_path(municipality, subscriber)).status_code == 200


def test_an_old_confirmation_link_does_not_subscribe_again_after_unsubscribing(subscribe, client):
    subscribe()
    confirm_link = link_in(mail.outbox[0])
    client.post(confirm_link)
    subscriber_unsubscribe(actor=None, subscriber=Subscriber.objects.get())
    assert client.post(confirm_link).status_code == 400
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED


def test_subscribing_again_after_unsubscribing_works(subscribe, client, municipality):
    subscriber_unsubscribe(actor=None, subscriber=confirmed_subscriber(municipality, "anna@example.org"))
    subscribe(email="anna@example.org")
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    client.post(link_in(mail.outbox[-1]))
    assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED
    assert Subscriber.objects.count() == 1


# --- audit ----------------------------------------------------------------------------------------

def test_subscriber_changes_are_audited_without_an_actor(subscribe, client):
    subscribe()
    client.post(link_in(mail.outbox[0]))
    entries = AuditEntry.objects.filter(action__startswith="subscriber.").order_by("id")
    assert [(e.action, e.actor_id, e.actor_label) for e in entries] == [
        ("subscriber.subscribe", None, "system"), ("subscriber.confirm", None, "system")]
