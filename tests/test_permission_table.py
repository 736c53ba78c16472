"""Who may open which page: every URL name × every role (anonymous included).

A new URL without a row here fails ``test_every_url_has_a_row``. Expected results:
200 = allowed; LOGIN = sent to the login page; 403 = has a role here but not this permission; 404 = no role in this
municipality (its back-office does not exist for them); 405 = allowed but the page only takes POST.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from strategia.accounts.enums import MunicipalityRole as MR
from strategia.accounts.enums import ProcessRole as PR
from strategia.core.models import StoredEmail
from strategia.processes.enums import DatePrecision
from strategia.processes.models import Activity, ScheduleChange

LOGIN = "login"
MUNI = list(MR.values)
PROC = list(PR.values)
ROLES = ["anonymous", "resident", *MUNI, *PROC, "other_municipality_staff"]


def expect(*, anonymous, resident, other, **per_role):
    table = {"anonymous": anonymous, "resident": resident, "other_municipality_staff": other}
    table.update(per_role)
    missing = set(ROLES) - set(table)
    assert not missing, missing
    return table


PUBLIC = dict.fromkeys(ROLES, 200)
BACKOFFICE = expect(anonymous=LOGIN, resident=404, other=404, **dict.fromkeys(MUNI + PROC, 200))


def only(allowed, *, status=200):
    """Back-office page for the ``allowed`` roles; other roles of this municipality get 403."""
    return expect(anonymous=LOGIN, resident=404, other=404,
                  **{role: (status if role in allowed else 403) for role in MUNI + PROC})


COORDINATOR = only({MR.ADMINISTRATOR, MR.COORDINATOR})
COORDINATOR_POST = only({MR.ADMINISTRATOR, MR.COORDINATOR}, status=405)
EDIT_DOCUMENT = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF, MR.CONTRACTOR})
EDIT_DOCUMENT_POST = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF, MR.CONTRACTOR}, status=405)
DOC = {"process_slug": "P", "document_slug": "D"}
CONS = {"process_slug": "P", "consultation_id": "K"}
IMPORT = {"process_slug": "P", "document_slug": "D", "import_id": "I"}
EXPORT = {"process_slug": "P", "document_slug": "D", "version_number": "DV", "format": "docx"}
OFFICE_STAFF = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF})
OFFICE_STAFF_POST = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF}, status=405)
AUDIT = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.APPROVER})
SIGNED_IN = {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN}
SIGNED_IN_POST = {**dict.fromkeys(ROLES, 405), "anonymous": LOGIN}
AUTHOR_ONLY = {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN}  # no role in the table is the comment's author
PCALL = {"process_slug": "P", "call_id": "CALL"}
PIDEA = {**PCALL, "proposal_id": "PP"}
CIDEA = {"kind": "proposals-proposal", "target_id": "CI"}
PUBLIC_IDEA = {**PCALL, "proposal_id": "CI"}
RESPOND = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF, MR.CONTRACTOR})
RESPOND_POST = only({MR.ADMINISTRATOR, MR.COORDINATOR, MR.STAFF, MR.CONTRACTOR}, status=405)

# url name → (kwargs beyond municipality_slug, expected by role)
TABLE = {
    "root": ({"_no_municipality": True}, PUBLIC),
    "portal:home": ({}, PUBLIC),
    "portal:take_part": ({}, PUBLIC),
    "portal:take_part_easy": ({}, PUBLIC),
    "portal:privacy": ({}, PUBLIC),
    "portal:accessibility": ({}, PUBLIC),
    "processes:schedule": ({"process_slug": "P"}, PUBLIC),
    "news:list": ({}, PUBLIC),
    "news:feed": ({}, PUBLIC),
    "news:detail": ({"slug": "N"}, PUBLIC),
    "news:subscribe": ({}, PUBLIC),
    "news:subscribe_sent": ({}, PUBLIC),
    "news:confirm": ({"token": "T"}, PUBLIC),
    "news:unsubscribe": ({"token": "U"}, PUBLIC),
    "backoffice:news_staff:list": ({}, OFFICE_STAFF),
    "backoffice:news_staff:create": ({}, OFFICE_STAFF),
    "backoffice:news_staff:edit": ({"pk": "NI"}, OFFICE_STAFF),
    "backoffice:news_staff:delete": ({"pk": "NI"}, OFFICE_STAFF),
    "backoffice:news_staff:publish": ({"pk": "NI"}, OFFICE_STAFF_POST),
    "processes:activity": ({"process_slug": "P", "activity_id": "A"}, PUBLIC),
    "backoffice:dashboard": ({}, BACKOFFICE),
    "backoffice:consultation_staff:list": ({"process_slug": "P"}, BACKOFFICE),
    "backoffice:consultation_staff:detail": (CONS, BACKOFFICE),
    "backoffice:consultation_staff:intake": (CONS, OFFICE_STAFF),
    "backoffice:consultation_staff:import": (CONS, OFFICE_STAFF),
    "backoffice:consultation_staff:import_template": (CONS, OFFICE_STAFF),
    "backoffice:consultation_staff:import_confirm": (CONS, OFFICE_STAFF_POST),
    "backoffice:consultation_staff:remark_register": (CONS, BACKOFFICE),
    "backoffice:consultation_staff:review_progress": (CONS, BACKOFFICE),
    "backoffice:consultation_staff:remark_detail": ({**CONS, "remark_id": "R"}, BACKOFFICE),
    "backoffice:consultation_staff:remarks_joint_answer": (CONS, RESPOND),
    "backoffice:consultation_staff:remarks_assign": (CONS, OFFICE_STAFF_POST),
    "backoffice:consultation_staff:remark_publish": ({**CONS, "remark_id": "R"}, OFFICE_STAFF_POST),
    "backoffice:consultation_staff:remark_hide": ({**CONS, "remark_id": "R"}, OFFICE_STAFF_POST),
    "backoffice:consultation_staff:remark_answer": ({**CONS, "remark_id": "R"}, RESPOND_POST),
    "backoffice:consultation_staff:remark_detach": ({**CONS, "remark_id": "R"}, RESPOND_POST),
    "backoffice:consultation_staff:addressees": (CONS, BACKOFFICE),
    "backoffice:consultation_staff:addressee_create": (CONS, COORDINATOR),
    "backoffice:consultation_staff:addressee_bulk_create": (CONS, COORDINATOR),
    "backoffice:consultation_staff:addressee_edit": ({**CONS, "addressee_id": "AD"}, COORDINATOR),
    "backoffice:consultation_staff:addressee_delete": ({**CONS, "addressee_id": "AD"}, COORDINATOR),
    "backoffice:consultation_staff:dispatch_record": ({**CONS, "addressee_id": "AD"}, COORDINATOR),
    "backoffice:consultation_staff:dispatch_receipt": ({**CONS, "dispatch_id": "DS"}, COORDINATOR),
    "backoffice:consultation_staff:dispatch_proof": ({**CONS, "dispatch_id": "DS", "proof": "dowod-nadania"},
                                                    OFFICE_STAFF),
    "backoffice:consultation_staff:letter_docx": ({**CONS, "addressee_id": "AD"}, BACKOFFICE),
    "backoffice:consultation_staff:letters_docx": (CONS, BACKOFFICE),
    "backoffice:consultation_staff:create": ({"process_slug": "P"}, COORDINATOR),
    "backoffice:consultation_staff:settings": (CONS, COORDINATOR),
    "backoffice:consultation_staff:announce": (CONS, COORDINATOR),
    "backoffice:consultation_staff:extend": (CONS, COORDINATOR),
    "backoffice:consultation_staff:meetings": (CONS, BACKOFFICE),
    "backoffice:consultation_staff:meeting_create": (CONS, COORDINATOR),
    "backoffice:consultation_staff:meeting_edit": ({**CONS, "meeting_id": "M"}, COORDINATOR),
    "backoffice:consultation_staff:announcement_download": ({**CONS, "format": "docx"}, BACKOFFICE),
    "backoffice:consultation_staff:paper_form_download": ({**CONS, "format": "pdf"}, BACKOFFICE),
    "consultation:index": ({"process_slug": "P"}, PUBLIC),
    "consultation:detail": (CONS, PUBLIC),
    "consultation:announcement_download": ({**CONS, "format": "txt"}, PUBLIC),
    "consultation:paper_form_download": ({**CONS, "format": "docx"}, PUBLIC),
    "backoffice:consultation_staff:report": (CONS, BACKOFFICE),
    "backoffice:consultation_staff:report_generate": (CONS, COORDINATOR_POST),
    "backoffice:consultation_staff:report_publish": (CONS, COORDINATOR_POST),
    # No file has been generated in the fixture: coordinators reach the lookup (404), others are refused first.
    "backoffice:consultation_staff:report_download": ({**CONS, "variant": "internal", "format": "pdf"},
                                                       only({MR.ADMINISTRATOR, MR.COORDINATOR}, status=404)),
    # The public report does not exist until it is published.
    "consultation:report_download": ({**CONS, "format": "pdf"}, dict.fromkeys(ROLES, 404)),
    "consultation:answers": (CONS, PUBLIC),
    "proposals:index": ({"process_slug": "P"}, PUBLIC),
    "proposals:list": (PCALL, PUBLIC),
    "proposals:map": (PCALL, PUBLIC),
    "proposals:map_data": (PCALL, PUBLIC),
    "proposals:summary": (PCALL, PUBLIC),
    "proposals:detail": (PUBLIC_IDEA, PUBLIC),
    "proposals:support": (PUBLIC_IDEA, {**PUBLIC, "anonymous": LOGIN}),  # GET: login, then back to the button
    "proposals:attachment": ({**PUBLIC_IDEA, "attachment_id": "CIAT"}, PUBLIC),
    "proposals:submit": (PCALL, PUBLIC),
    "proposals:submitted": (PCALL, PUBLIC),  # redirects to the form without a sent idea
    "proposals:tracking": ({"process_slug": "P", "token": "PTR"}, PUBLIC),
    "backoffice:proposals_staff:intake": (PCALL, OFFICE_STAFF),
    "backoffice:proposals_staff:calls": ({"process_slug": "P"}, BACKOFFICE),
    "backoffice:proposals_staff:call_create": ({"process_slug": "P", "activity_id": "PCA"}, COORDINATOR),
    "backoffice:proposals_staff:register": (PCALL, BACKOFFICE),
    "backoffice:proposals_staff:call_update": (PCALL, COORDINATOR),
    "backoffice:proposals_staff:theme_create": (PCALL, COORDINATOR),
    "backoffice:proposals_staff:batch_status": (PCALL, OFFICE_STAFF),
    "backoffice:proposals_staff:export_xlsx": (PCALL, BACKOFFICE),
    "backoffice:proposals_staff:export_csv": (PCALL, BACKOFFICE),
    "backoffice:proposals_staff:export_pdf": (PCALL, BACKOFFICE),
    "backoffice:proposals_staff:detail": (PIDEA, BACKOFFICE),
    "backoffice:proposals_staff:publish": (PIDEA, OFFICE_STAFF_POST),
    "backoffice:proposals_staff:hide": (PIDEA, OFFICE_STAFF_POST),
    "backoffice:proposals_staff:merge": (PIDEA, OFFICE_STAFF),
    "backoffice:proposals_staff:status": (PIDEA, OFFICE_STAFF_POST),
    "backoffice:proposals_staff:attachment": ({**PIDEA, "attachment_id": "PAT"}, BACKOFFICE),
    "backoffice:proposals_staff:scan": (PIDEA, OFFICE_STAFF),
    "comments:thread": (CIDEA, PUBLIC),
    "comments:create": (CIDEA, SIGNED_IN_POST),
    "comments:reply": ({"comment_id": "CM"}, SIGNED_IN),
    "comments:edit": ({"comment_id": "CM"}, AUTHOR_ONLY),
    "comments:flag": ({"comment_id": "CM"}, SIGNED_IN),
    "backoffice:comments_staff:queue": ({}, OFFICE_STAFF),
    "backoffice:comments_staff:hide": ({"comment_id": "CM"}, OFFICE_STAFF),
    "backoffice:comments_staff:restore": ({"comment_id": "CM"}, OFFICE_STAFF_POST),
    "consultation:remark_form": (CONS, PUBLIC),
    "consultation:tracking": ({"process_slug": "P", "token": "TR"}, PUBLIC),
    "backoffice:documents_staff:export_request": (EXPORT, EDIT_DOCUMENT_POST),
    "backoffice:documents_staff:document_list": ({"process_slug": "P"}, BACKOFFICE),
    "backoffice:documents_staff:document_create": ({"process_slug": "P"}, EDIT_DOCUMENT),
    "backoffice:documents_staff:document_detail": (DOC, BACKOFFICE),
    "backoffice:documents_staff:version_freeze": (DOC, COORDINATOR_POST),
    "backoffice:documents_staff:preview": (DOC, EDIT_DOCUMENT_POST),
    "backoffice:documents_staff:chapter_generate": (DOC, EDIT_DOCUMENT_POST),
    "backoffice:documents_staff:chapter_create": (DOC, EDIT_DOCUMENT),
    "backoffice:documents_staff:chapter_edit": ({**DOC, "chapter_id": "CH"}, EDIT_DOCUMENT),
    "backoffice:documents_staff:chapter_delete": ({**DOC, "chapter_id": "CH"}, EDIT_DOCUMENT),
    "backoffice:documents_staff:chapter_move": ({**DOC, "chapter_id": "CH"}, EDIT_DOCUMENT_POST),
    "backoffice:documents_staff:paragraph_create": ({**DOC, "chapter_id": "CH"}, EDIT_DOCUMENT),
    "backoffice:documents_staff:paragraph_edit": ({**DOC, "paragraph_id": "PA"}, EDIT_DOCUMENT),
    "backoffice:documents_staff:paragraph_delete": ({**DOC, "paragraph_id": "PA"}, EDIT_DOCUMENT),
    "backoffice:documents_staff:paragraph_move": ({**DOC, "paragraph_id": "PA"}, EDIT_DOCUMENT_POST),
    "backoffice:documents_staff:import_upload": ({"process_slug": "P", "document_slug": "D"}, EDIT_DOCUMENT),
    "backoffice:documents_staff:import_preview": (IMPORT, EDIT_DOCUMENT),
    "backoffice:documents_staff:import_apply": (IMPORT, EDIT_DOCUMENT_POST),
    "backoffice:documents_staff:import_discard": (IMPORT, EDIT_DOCUMENT_POST),
    "documents:export_status": (EXPORT, PUBLIC),
    "documents:index": ({"process_slug": "P"}, PUBLIC),
    "documents:latest": ({"process_slug": "P", "document_slug": "D"}, PUBLIC),
    "documents:read": ({"process_slug": "P", "document_slug": "D", "version_number": "DV"}, PUBLIC),
    "documents:redline": ({"process_slug": "P", "document_slug": "D"}, PUBLIC),
    "documents:changes": ({"process_slug": "P", "document_slug": "D"}, PUBLIC),
    "documents:export_download": (EXPORT, PUBLIC),
    "backoffice:emails": ({}, OFFICE_STAFF),
    "backoffice:email_detail": ({"email_id": "E"}, OFFICE_STAFF),
    "backoffice:audit": ({}, AUDIT),
    "backoffice:municipality": ({}, only({MR.ADMINISTRATOR})),
    "backoffice:processes_staff:create": ({}, COORDINATOR),
    "backoffice:accounts_staff:list": ({}, COORDINATOR),
    "backoffice:accounts_staff:grant": ({}, COORDINATOR),
    "backoffice:accounts_staff:process_grant": ({}, COORDINATOR),
    "backoffice:accounts_staff:revoke": ({"pk": "MM"}, COORDINATOR),
    "backoffice:accounts_staff:process_revoke": ({"pk": "PM"}, COORDINATOR),
    "backoffice:portal_staff:index": ({}, OFFICE_STAFF),
    "backoffice:portal_staff:accessibility_edit": ({}, OFFICE_STAFF),
    "backoffice:portal_staff:video_edit": ({"page": "take_part"}, OFFICE_STAFF),
    "backoffice:portal_staff:video_remove": ({"page": "take_part"}, OFFICE_STAFF),
    "backoffice:processes_staff:detail": ({"process_slug": "P"}, BACKOFFICE),
    "backoffice:processes_staff:settings": ({"process_slug": "P"}, COORDINATOR),
    "backoffice:processes_staff:activity_edit": ({"process_slug": "P", "activity_id": "A"}, COORDINATOR),
    "backoffice:processes_staff:activity_plan": ({"process_slug": "P", "activity_id": "A"}, COORDINATOR),
    "backoffice:processes_staff:resolution_create": ({"process_slug": "P"}, COORDINATOR),
    "backoffice:processes_staff:change_withdraw": ({"process_slug": "P", "change_id": "C"}, COORDINATOR_POST),
    "backoffice:processes_staff:resolution_docx": ({"process_slug": "P"}, BACKOFFICE),
}

# Third-party pages with their own access rules (allauth, Django admin, language switch).
EXEMPT_PREFIXES = ("admin:", "account_", "mfa_", "set_language", "django.")


def _all_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _all_url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_has_a_row():
    names = {n for n in _all_url_names() if not n.startswith(EXEMPT_PREFIXES)}
    missing = sorted(names - set(TABLE))
    assert not missing, f"Add rows to TABLE for: {missing}"


def test_every_view_declares_its_permission():
    undeclared = []

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern, ns)
            elif (pattern.name and not f"{namespace}{pattern.name}".startswith(EXEMPT_PREFIXES)
                  and not hasattr(pattern.callback, "permission")):
                undeclared.append(f"{namespace}{pattern.name}")

    walk(get_resolver())
    assert not undeclared, f"Decorate with @public/@require_perm/@require_login: {undeclared}"


@pytest.fixture
def objects(municipality, process):
    activity = Activity.objects.filter(stage__process=process).first()
    change = ScheduleChange.objects.create(activity=activity, proposed_start=activity.planned_start,
                                           proposed_end=activity.planned_end,
                                           proposed_precision=DatePrecision.QUARTER, reason="r")
    email = StoredEmail.objects.create(municipality=municipality, from_email="a@b.c", to="x@y.z", subject="s",
                                       body="b")
    from django.utils import timezone

    from strategia.news.services import news_create, subscriber_subscribe
    from strategia.news.tokens import confirm_token_make, unsubscribe_token_make
    from tests.portal.conftest import make_video

    make_video(municipality)  # the PJM recording, so that its removal page exists
    item = news_create(actor=None, municipality=municipality, title="Aktualność", body="Treść",
                       published_at=timezone.now())
    subscriber = subscriber_subscribe(actor=None, municipality=municipality, email="tabela@example.org",
                                      consent_text="zgoda")
    from strategia.accounts.models import MunicipalityMembership, ProcessMembership
    from strategia.documents.export_services import export_request, export_run
    from strategia.documents.services import chapter_create, document_create, paragraph_create, version_freeze
    from tests.factories import UserFactory

    document = document_create(actor=None, process=process, title="Projekt", slug="projekt")
    chapter = chapter_create(actor=None, version=document.versions.get(number=1), title="Rozdział")
    paragraph_create(actor=None, chapter=chapter, text="Akapit")
    frozen = version_freeze(actor=None, version=document.versions.get(number=1), stage="consultation")
    export_run(actor=None, export_id=export_request(actor=None, version=frozen, format="docx").pk)
    import datetime as dt

    from strategia.consultation.services import consultation_announce, consultation_create, submission_create

    consultation = consultation_announce(actor=None, consultation=consultation_create(
        actor=None, process=process, document_version=frozen, title="K", planned_announcement_on=dt.date.today(),
        ends_on=dt.date.today() + dt.timedelta(days=40)))
    from strategia.consultation.services import meeting_create

    meeting = meeting_create(actor=None, consultation=consultation, place="Sala", starts_at=timezone.now())
    tracked = submission_create(actor=None, consultation=consultation, channel="platform",
                                submitter_kind="anonymous", remarks=[{"content": "Uwaga"}])
    from django.core.files.uploadedfile import SimpleUploadedFile

    from strategia.consultation.addressee_services import addressee_create, dispatch_record
    from strategia.core.deadlines import today_local

    addressee = addressee_create(actor=None, consultation=consultation, kind="neighbouring_gmina",
                                 name="Gmina Sąsiednia")
    dispatch = dispatch_record(actor=None, addressee=addressee, channel="post", sent_on=today_local(),
                               sending_proof_file=SimpleUploadedFile("dowod.pdf", b"%PDF-1.4\n"))
    from django.core.files.base import ContentFile

    from strategia.comments.services import comment_create
    from strategia.proposals.models import Attachment
    from strategia.proposals.services import call_create, proposal_publish, proposal_register, proposal_submit

    call_activity = Activity.objects.filter(stage__process=process, activity_type="call_for_proposals").first()
    Activity.objects.filter(pk=call_activity.pk).update(actual_start=dt.date.today() - dt.timedelta(days=1),
                                                        actual_end=dt.date.today() + dt.timedelta(days=30))
    call_activity.refresh_from_db()
    proposal_call = call_create(actor=None, activity=call_activity)
    registered = proposal_register(actor=None, call=proposal_call, channel="email", received_at=timezone.now(),
                                   title="Pomysł", description="Opis", theme=proposal_call.themes.first(),
                                   scan=ContentFile(b"%PDF-1.4\n", name="skan.pdf"))
    idea_attachment = Attachment.objects.create(proposal=registered, file=ContentFile(b"%PDF-1.4\n", name="z.pdf"),
                                                original_name="z.pdf", kind="pdf", size=9)
    commented = proposal_publish(actor=None, proposal=proposal_submit(
        actor=None, call=proposal_call, title="Pomysł", description="Opis", theme=proposal_call.themes.first()))
    comment = comment_create(actor=UserFactory(), target=commented, body="Komentarz")
    public_attachment = Attachment.objects.create(proposal=commented, file=ContentFile(b"%PDF-1.4\n", name="p.pdf"),
                                                  original_name="p.pdf", kind="pdf", size=9)
    from strategia.documents.import_services import docx_import_preview
    from tests.documents.test_docx_import import draft, make_docx, upload

    docx_import = docx_import_preview(actor=None, document=document, upload=upload(make_docx(draft)))
    member = MunicipalityMembership.objects.create(user=UserFactory(), municipality=municipality, role=MR.STAFF)
    process_member = ProcessMembership.objects.create(user=UserFactory(), process=process, role=PR.EVALUATOR)
    working_chapter = document.versions.get(frozen_at=None).chapters.get()
    return {"K": consultation.pk, "TR": tracked.tracking_token, "R": tracked.remarks.get().pk,
            "AD": addressee.pk, "DS": dispatch.pk, "M": meeting.pk,
            "CALL": proposal_call.pk, "PTR": registered.tracking_token, "PP": registered.pk,
            "PCA": call_activity.pk, "PAT": idea_attachment.pk, "CI": commented.pk, "CM": comment.pk,
            "CIAT": public_attachment.pk, "CH": working_chapter.pk,
            "PA": working_chapter.paragraphs.get().pk, "I": docx_import.pk,
            "D": document.slug, "DV": frozen.number, "MM": member.pk,
            "PM": process_member.pk, "P": process.slug, "A": activity.pk, "C": change.pk,
            "E": email.pk, "N": item.slug, "NI": item.pk,
            "T": confirm_token_make(subscriber), "U": unsubscribe_token_make(subscriber)}


def _url(name, kwargs, municipality, objects):
    kwargs = dict(kwargs)
    if kwargs.pop("_no_municipality", False):
        return reverse(name)
    resolved = {k: objects.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **resolved})


@pytest.mark.parametrize("name", sorted(TABLE))
def test_permission_table(name, client, municipality, objects, user_for_role):
    kwargs, expected = TABLE[name]
    url = _url(name, kwargs, municipality, objects)
    results = {}
    for role in ROLES:
        user = user_for_role(role)
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        if response.status_code == 302 and "/konto/login/" in response["Location"]:
            results[role] = LOGIN
        elif response.status_code == 302 and expected[role] == 200:
            results[role] = 200  # e.g. the root redirecting to the only municipality
        else:
            results[role] = response.status_code
    wrong = {role: (results[role], expected[role]) for role in ROLES if results[role] != expected[role]}
    assert not wrong, f"{name} {url}: role → (got, expected) {wrong}"
