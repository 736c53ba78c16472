"""'Jak wziąć udział' is explained from the current process's harmonogram."""

import pytest
from django.urls import reverse

from strategia.processes.enums import ActivityStatus
from strategia.processes.models import Activity


def _url(municipality, name="portal:take_part"):
    return reverse(name, kwargs={"municipality_slug": municipality.slug})


def _activity(process, activity_type):
    return Activity.objects.filter(stage__process=process, activity_type=activity_type).first()


def _start(activity):
    activity.status = ActivityStatus.IN_PROGRESS
    activity.save(update_fields=["status"])
    return activity


@pytest.mark.django_db
def test_running_activity_is_listed_under_now_with_a_link_to_its_page(client, municipality, process):
    running = _start(_activity(process, "call_for_proposals"))

    html = client.get(_url(municipality)).content.decode()

    now_section = html.split('id="now-title"')[1].split('id="next-title"')[0]
    assert running.get_absolute_url() in now_section


@pytest.mark.django_db
def test_next_planned_activities_are_listed_under_what_comes_next(client, municipality, process):
    activities = list(Activity.objects.filter(stage__process=process).order_by("stage__number", "position"))
    for done in activities[:3]:
        done.status = ActivityStatus.COMPLETED
        done.save(update_fields=["status"])
    _start(activities[3])
    first_planned = min(activities[4:], key=lambda a: (a.planned_start, a.stage.number, a.position))

    html = client.get(_url(municipality)).content.decode()

    next_section = html.split('id="next-title"')[1].split('id="ways-title"')[0]
    assert first_planned.get_absolute_url() in next_section
    assert activities[0].get_absolute_url() not in next_section
    assert activities[3].get_absolute_url() not in next_section


@pytest.mark.django_db
def test_each_way_of_taking_part_links_to_its_activity_of_the_schedule(client, municipality, process):
    html = client.get(_url(municipality)).content.decode()

    for way, activity_type in (("way-ideas", "call_for_proposals"), ("way-signups", "stakeholder_signup"),
                               ("way-meetings", "training"), ("way-remarks", "consultation")):
        section = html.split(f'id="{way}"')[1].split("</section>")[0]
        assert _activity(process, activity_type).get_absolute_url() in section, way


@pytest.mark.django_db
def test_an_open_way_is_marked_open_now(client, municipality, process):
    _start(_activity(process, "consultation"))

    html = client.get(_url(municipality)).content.decode()

    remarks = html.split('id="way-remarks"')[1].split("</section>")[0]
    assert "badge-in_progress" in remarks


@pytest.mark.django_db
def test_page_links_to_the_newsletter_subscription(client, municipality, process):
    html = client.get(_url(municipality)).content.decode()

    assert reverse("news:subscribe", kwargs={"municipality_slug": municipality.slug}) in html


@pytest.mark.django_db
def test_page_gives_the_office_contact(client, municipality, process):
    municipality.email = "strategia@testowo.example"
    municipality.phone = "22 111 22 33"
    municipality.ade_address = "AE:PL-12345-67890-ABCDE-12"
    municipality.save()

    html = client.get(_url(municipality)).content.decode()

    contact = html.split('id="contact-title"')[1]
    for text in (municipality.office_name, municipality.street_address, "strategia@testowo.example",
                 "22 111 22 33", "AE:PL-12345-67890-ABCDE-12"):
        assert text in contact


@pytest.mark.django_db
def test_without_a_process_the_page_says_work_has_not_started(client, municipality):
    response = client.get(_url(municipality))

    assert response.status_code == 200
    assert 'id="now-title"' not in response.content.decode()


@pytest.mark.django_db
def test_consultation_length_comes_from_the_statutory_period(client, municipality, process):
    from strategia.core.statutory import Rule, period

    html = client.get(_url(municipality)).content.decode()

    remarks = html.split('id="way-remarks"')[1].split("</section>")[0]
    assert str(period(Rule.CONSULTATION_MIN_DAYS).days) in remarks


@pytest.mark.django_db
def test_query_count_is_pinned_and_does_not_grow_with_the_schedule(client, municipality, process,
                                                                    django_assert_num_queries):
    client.get(_url(municipality))  # warm the caches (content types)
    stage = process.stages.get(number=1)
    template = stage.activities.order_by("position").first()
    # municipality, current process (page + header menu), stages, activities, the PJM recording
    with django_assert_num_queries(6):
        client.get(_url(municipality))
    for n in range(5):
        Activity.objects.create(stage=stage, number=f"9.{n}", position=100 + n, title=f"Dodatkowe {n}",
                                short_title=f"Dodatkowe {n}", activity_type="call_for_proposals",
                                planned_start=template.planned_start, planned_end=template.planned_end)
    with django_assert_num_queries(6):
        client.get(_url(municipality))
