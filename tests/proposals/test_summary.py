"""The public summary: published ideas counted by theme × status in a table, with the call's totals."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategia.proposals.enums import Status
from strategia.proposals.selectors import proposals_summary
from strategia.proposals.services import proposal_hide, proposal_merge
from tests.proposals.public_helpers import idea, url

pytestmark = pytest.mark.django_db


def test_summary_counts_public_ideas_by_theme_and_status(call, theme):
    other = call.themes.exclude(pk=theme.pk).first()
    idea(call, theme)
    idea(call, theme, status=Status.FORWARDED)
    idea(call, other, status=Status.FORWARDED)
    summary = proposals_summary(call=call)
    statuses = [value for value, _label in summary.statuses]
    row = next(r for r in summary.rows if r.theme == theme.name)
    assert row.counts[statuses.index(Status.SUBMITTED)] == 1
    assert row.counts[statuses.index(Status.FORWARDED)] == 1
    assert row.total == 2
    assert summary.status_totals[statuses.index(Status.FORWARDED)] == 2
    assert summary.public_total == 3


def test_summary_counts_hidden_pending_and_merged_apart(call, theme):
    idea(call, theme, publish=False)
    proposal_hide(actor=None, proposal=idea(call, theme), reason="other", explanation="Powód.")
    proposal_merge(actor=None, duplicate=idea(call, theme), kept=idea(call, theme))
    summary = proposals_summary(call=call)
    assert (summary.received_total, summary.public_total, summary.pending_total, summary.hidden_total,
            summary.merged_total) == (4, 1, 1, 1, 1)


def test_summary_page_has_a_table_with_caption_and_headers(client, call, theme):
    client.cookies["django_language"] = "en"
    idea(call, theme, status=Status.INCLUDED)
    html = client.get(url("summary", call)).content.decode()
    assert "<caption id=\"summary-caption\">" in html and "tabindex=\"0\" role=\"region\"" in html
    assert '<th scope="row">' + theme.name + "</th>" in html
    assert '<th scope="col">Included in the strategy</th>' in html
    assert 'data-total="public">1<' in html


def test_list_links_to_the_summary(client, call):
    assert url("summary", call) in client.get(url("list", call)).content.decode()


def test_summary_reads_a_fixed_number_of_queries(client, call, theme):
    idea(call, theme)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("summary", call)).status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for i, status in enumerate(Status.values * 2):
        idea(call, call.themes.all()[i % 4], status=status if status != Status.SUBMITTED else None)
    assert count() == one
