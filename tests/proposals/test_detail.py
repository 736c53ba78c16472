"""An idea's public page: what it says, its place, attachments (served only for public ideas), status with the
history of public justifications, merged duplicates, the comments; not public → 404, merged → the kept idea."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from strategia.proposals.enums import AttachmentKind, Status
from strategia.proposals.models import Attachment
from strategia.proposals.services import proposal_hide, proposal_merge, proposals_route
from tests.conftest import ROLE_NAMES
from tests.factories import MunicipalityFactory
from tests.proposals.public_helpers import idea, idea_url, url

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def attach(proposal, *, name="zdjecie.png", kind=AttachmentKind.IMAGE, content=PNG):
    return Attachment.objects.create(proposal=proposal, file=ContentFile(content, name=name), original_name=name,
                                     kind=kind, size=len(content))


def test_page_shows_title_description_theme_and_place(english, call, theme, locality):
    proposal = idea(call, theme, title="Chodnik do szkoły", description="Dzieci chodzą poboczem.",
                    locality=locality, address="ul. Szkolna")
    response = english.get(idea_url("detail", proposal))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chodnik do szkoły" in html and "Dzieci chodzą poboczem." in html
    assert theme.name in html
    assert "Słomczyn, ul. Szkolna" in html


def test_page_escapes_the_ideas_text(client, call, theme):
    proposal = idea(call, theme, title="<script>alert(1)</script>", description="<b>pogrubione</b>")
    html = client.get(idea_url("detail", proposal)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;pogrubione&lt;/b&gt;" in html


def test_page_with_a_point_has_a_small_map_and_its_text_alternative(english, call, theme):
    proposal = idea(call, theme, point=(52.08512, 21.11234))
    html = english.get(idea_url("detail", proposal)).content.decode()
    assert 'data-proposal-point data-lat="52.085120" data-lng="21.112340"' in html
    assert "Point on the map: 52.08512, 21.11234" in html


def test_page_without_a_point_loads_no_map_script(client, call, theme):
    proposal = idea(call, theme)
    html = client.get(idea_url("detail", proposal)).content.decode()
    assert "data-proposal-point" not in html and "leaflet.js" not in html


def test_page_shows_the_status_and_each_public_justification(english, call, theme):
    proposal = idea(call, theme, status=Status.FORWARDED, justification="Przekazano do wydziału dróg.")
    proposals_route(actor=None, call=call, proposals=[proposal], to_status=Status.INCLUDED,
                    justification="Ujęto w celu 2.1.")
    html = english.get(idea_url("detail", proposal)).content.decode()
    assert 'data-status="included"' in html
    assert "Przekazano do wydziału dróg." in html and "Wydział Inwestycji" in html
    assert "Ujęto w celu 2.1." in html
    assert html.index("Przekazano do wydziału dróg.") < html.index("Ujęto w celu 2.1.")


def test_page_lists_the_ideas_merged_into_it(client, call, theme):
    kept = idea(call, theme, title="Oświetlenie ulicy")
    duplicate = proposal_merge(actor=None, duplicate=idea(call, theme, title="Latarnie na ulicy"), kept=kept)
    html = client.get(idea_url("detail", kept)).content.decode()
    assert f'data-merged="{duplicate.pk}"' in html and "Latarnie na ulicy" in html


def test_merged_ideas_page_redirects_to_the_kept_one(client, call, theme):
    kept = idea(call, theme)
    duplicate = proposal_merge(actor=None, duplicate=idea(call, theme), kept=kept)
    response = client.get(idea_url("detail", duplicate))
    assert response.status_code == 302
    assert response["Location"] == kept.get_absolute_url()


def test_author_is_shown_only_with_consent(english, call, theme):
    named = idea(call, theme, author_name="Anna Nowak", consent=True)
    unnamed = idea(call, theme, author_name="Jan Kowalski", consent=False)
    assert "Anna Nowak" in english.get(idea_url("detail", named)).content.decode()
    html = english.get(idea_url("detail", unnamed)).content.decode()
    assert "Jan Kowalski" not in html and "private person" in html


def test_pending_idea_is_404(client, call, theme):
    assert client.get(idea_url("detail", idea(call, theme, publish=False))).status_code == 404


def test_hidden_idea_is_404(client, call, theme):
    hidden = proposal_hide(actor=None, proposal=idea(call, theme), reason="other", explanation="Powód.")
    assert client.get(idea_url("detail", hidden)).status_code == 404


def test_idea_of_another_municipality_is_404(client, call, theme):
    proposal = idea(call, theme)
    other = MunicipalityFactory()
    address = idea_url("detail", proposal).replace(f"/{call.process.municipality.slug}/", f"/{other.slug}/")
    assert client.get(address).status_code == 404


def test_idea_under_another_call_id_is_404(client, call, theme):
    proposal = idea(call, theme)
    address = idea_url("detail", proposal).replace(f"/{call.pk}/{proposal.pk}/", f"/{call.pk + 1}/{proposal.pk}/")
    assert client.get(address).status_code == 404


def test_images_are_shown_inline_with_their_name_as_alt(client, call, theme):
    proposal = idea(call, theme)
    image = attach(proposal, name="dziura w drodze.png")
    html = client.get(idea_url("detail", proposal)).content.decode()
    assert f'src="{idea_url("attachment", proposal, attachment_id=image.pk)}" alt="dziura w drodze.png"' in html


def test_pdfs_are_download_links(client, call, theme):
    proposal = idea(call, theme)
    pdf = attach(proposal, name="mapa.pdf", kind=AttachmentKind.PDF, content=PDF)
    html = client.get(idea_url("detail", proposal)).content.decode()
    assert f'href="{idea_url("attachment", proposal, attachment_id=pdf.pk)}" download>mapa.pdf' in html


def test_attachment_of_a_public_idea_is_served(client, call, theme):
    proposal = idea(call, theme)
    image = attach(proposal)
    response = client.get(idea_url("attachment", proposal, attachment_id=image.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG


def test_pdf_attachment_is_served_as_a_download(client, call, theme):
    proposal = idea(call, theme)
    pdf = attach(proposal, name="mapa.pdf", kind=AttachmentKind.PDF, content=PDF)
    response = client.get(idea_url("attachment", proposal, attachment_id=pdf.pk))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")


def test_attachment_of_a_hidden_or_pending_idea_is_404(client, call, theme):
    hidden = proposal_hide(actor=None, proposal=idea(call, theme), reason="other", explanation="Powód.")
    pending = idea(call, theme, publish=False)
    for proposal in (hidden, pending):
        item = attach(proposal)
        assert client.get(idea_url("attachment", proposal, attachment_id=item.pk)).status_code == 404


def test_attachment_under_another_idea_is_404(client, call, theme):
    first, second = idea(call, theme), idea(call, theme)
    item = attach(first)
    assert client.get(idea_url("attachment", second, attachment_id=item.pk)).status_code == 404


def test_private_media_url_of_an_attachment_is_not_served(client, call, theme):
    item = attach(idea(call, theme))
    assert client.get(f"/media/{item.file.name}").status_code == 404


def test_page_includes_the_comments_thread(client, call, theme):
    proposal = idea(call, theme)
    response = client.get(idea_url("detail", proposal))
    assert response.context["comments_enabled"] is True
    assert 'id="komentarze"' in response.content.decode()


def test_page_reads_a_fixed_number_of_queries(client, call, theme, django_assert_max_num_queries):
    proposal = idea(call, theme, status=Status.UNDER_REVIEW)
    for i in range(3):
        attach(proposal, name=f"z{i}.png")
    with django_assert_max_num_queries(20):
        assert client.get(idea_url("detail", proposal)).status_code == 200


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_public_page_is_open_to_every_role(role, client, call, theme, user_for_role):
    proposal = idea(call, theme)
    item = attach(proposal)
    user = user_for_role(role)
    if user is not None:
        client.force_login(user)
    index = reverse("proposals:index", kwargs={"municipality_slug": call.process.municipality.slug,
                                               "process_slug": call.process.slug})
    addresses = [index, url("list", call), url("map", call),
                 url("map_data", call), url("summary", call), idea_url("detail", proposal),
                 idea_url("attachment", proposal, attachment_id=item.pk)]
    assert {address: client.get(address).status_code for address in addresses} == dict.fromkeys(addresses, 200)


@pytest.mark.parametrize("role", ["anonymous", "resident", "coordinator", "staff"])
def test_hidden_and_pending_ideas_are_404_for_every_role_on_the_public_pages(role, client, call, theme,
                                                                             user_for_role):
    hidden = proposal_hide(actor=None, proposal=idea(call, theme), reason="other", explanation="Powód.")
    pending = idea(call, theme, publish=False)
    user = user_for_role(role)
    if user is not None:
        client.force_login(user)
    for proposal in (hidden, pending):
        assert client.get(idea_url("detail", proposal)).status_code == 404
        assert client.post(idea_url("support", proposal), {"action": "add"}).status_code in (302, 404)
