"""The periodic job sends each item to the confirmed subscribers once, when its publication time has come;
every newsletter e-mail carries a one-click unsubscribe link and the RFC 8058 headers."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from strategia.core.periodic import PERIODIC_JOBS
from strategia.news.enums import SubscriberStatus
from strategia.news.jobs import publish_scheduled
from strategia.news.models import Subscriber
from strategia.news.services import subscriber_confirm, subscriber_subscribe, subscriber_unsubscribe
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def run_job(django_capture_on_commit_callbacks):
    def run(now=None):
        with django_capture_on_commit_callbacks(execute=True):
            return publish_scheduled(now or timezone.now())

    return run


def subscriber(municipality, email, *, confirm=True):
    s = subscriber_subscribe(actor=None, municipality=municipality, email=email, consent_text="zgoda")
    return subscriber_confirm(actor=None, subscriber=s) if confirm else s


def test_the_job_is_registered():
    assert PERIODIC_JOBS["news.publish_scheduled"].func is publish_scheduled


def test_a_published_item_is_sent_to_confirmed_subscribers_only(municipality, make_item, run_job):
    subscriber(municipality, "potwierdzony@example.org")
    subscriber(municipality, "oczekujacy@example.org", confirm=False)
    subscriber_unsubscribe(actor=None, subscriber=subscriber(municipality, "wypisany@example.org"))
    subscriber(MunicipalityFactory(), "z-innej-gminy@example.org")
    make_item(title="Ruszają konsultacje")
    assert run_job() == 1
    assert [m.to for m in mail.outbox] == [["potwierdzony@example.org"]]
    assert "Ruszają konsultacje" in mail.outbox[0].subject


def test_running_the_job_again_sends_nothing_more(municipality, make_item, run_job):
    subscriber(municipality, "anna@example.org")
    make_item()
    run_job()
    assert run_job() == 0
    assert len(mail.outbox) == 1


def test_a_scheduled_item_is_sent_only_when_its_time_has_come(municipality, make_item, run_job):
    subscriber(municipality, "anna@example.org")
    item = make_item(published=2 * HOUR)
    with time_machine.travel(timezone.now() + HOUR, tick=False):
        assert run_job() == 0
    with time_machine.travel(timezone.now() + 3 * HOUR, tick=False):
        assert run_job() == 1
    item.refresh_from_db()
    assert item.newsletter_sent_at is not None
    assert item.newsletter_recipients == 1
    assert len(mail.outbox) == 1


def test_a_draft_is_never_sent(municipality, make_item, run_job):
    subscriber(municipality, "anna@example.org")
    make_item(published=None)
    assert run_job() == 0
    assert mail.outbox == []


def test_the_newsletter_has_one_click_unsubscribe_headers(municipality, make_item, run_job, https_site):
    subscriber(municipality, "anna@example.org")
    make_item()
    run_job()
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    expected_start = f"<{https_site}/{municipality.slug}/aktualnosci/newsletter/wypisz/"
    assert headers["List-Unsubscribe"].startswith(expected_start)
    assert headers["List-Unsubscribe"].endswith(">")


def test_the_newsletter_body_has_the_unsubscribe_link_of_the_header(municipality, make_item, run_job,
                                                                     https_site):
    subscriber(municipality, "anna@example.org")
    make_item()
    run_job()
    message = mail.outbox[0]
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url in message.body
    assert url in message.alternatives[0].content


def test_the_header_link_unsubscribes_with_one_post(municipality, make_item, run_job, https_site):
    subscriber(municipality, "anna@example.org")
    make_item()
    run_job()
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    Client(enforce_csrf_checks=True).post(url.removeprefix(https_site), data="List-Unsubscribe=One-Click",
                                          content_type="application/x-www-form-urlencoded")
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED


def test_the_plain_text_newsletter_is_not_html_escaped(municipality, make_item, run_job):
    subscriber(municipality, "anna@example.org")
    make_item(title="Drogi & chodniki", body="Spotkanie \"Nasza gmina\" <sala 1>")
    run_job()
    message = mail.outbox[0]
    assert message.subject.startswith("Drogi & chodniki")
    assert 'Spotkanie "Nasza gmina" <sala 1>' in message.body
    assert "Spotkanie &quot;Nasza gmina&quot; &lt;sala 1&gt;" in message.alternatives[0].content


def test_each_subscriber_gets_an_own_message_with_an_own_link(municipality, make_item, run_job):
    subscriber(municipality, "anna@example.org")
    subscriber(municipality, "jan@example.org")
    make_item()
    run_job()
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "jan@example.org"]
    assert len({m.extra_headers["List-Unsubscribe"] for m in mail.outbox}) == 2
