"""Comments are tested on ideas (the first commentable type): the fixtures of tests/proposals/conftest.py, a
published idea, its author, a moderator, the clock inside the call's window, and the URLs."""

import pytest
from django.urls import reverse

from strategia.accounts.enums import MunicipalityRole
from strategia.comments.selectors import target_kind
from strategia.proposals.services import proposal_publish, proposal_submit
from tests.factories import UserFactory, user_with_municipality_role
from tests.proposals.conftest import (  # noqa: F401
    AFTER,
    CALL_END,
    CALL_START,
    DURING,
    call,
    call_activity,
    locality,
    theme,
)


@pytest.fixture
def during(time_machine):
    """The server clock inside the call's window (comments open), not ticking."""
    time_machine.move_to(DURING, tick=False)
    return time_machine


@pytest.fixture
def make_idea(call, theme):  # noqa: F811 - the fixtures imported above
    def make(title="Ścieżka rowerowa wzdłuż Jeziorki", *, publish=True):
        proposal = proposal_submit(actor=None, call=call, title=title, description="Opis pomysłu.", theme=theme,
                                   now=DURING)
        return proposal_publish(actor=None, proposal=proposal) if publish else proposal

    return make


@pytest.fixture
def idea(make_idea):
    return make_idea()


@pytest.fixture
def author(db):
    return UserFactory(display_name="Anna Nowak", email="anna.nowak@example.org")


@pytest.fixture
def moderator(municipality):
    return user_with_municipality_role(municipality, MunicipalityRole.STAFF)


def thread_url(target, **extra):
    return reverse("comments:thread", kwargs={"municipality_slug": target.get_municipality().slug,
                                              "kind": target_kind(target), "target_id": target.pk, **extra})


def create_url(target):
    return reverse("comments:create", kwargs={"municipality_slug": target.get_municipality().slug,
                                              "kind": target_kind(target), "target_id": target.pk})


def comment_url(name, comment):
    return reverse(f"comments:{name}", kwargs={"municipality_slug": comment.process.municipality.slug,
                                               "comment_id": comment.pk})


def queue_url(municipality, **query):
    url = reverse("backoffice:comments_staff:queue", kwargs={"municipality_slug": municipality.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
