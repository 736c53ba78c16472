"""Every registered write service writes exactly one audit entry per call, or is a listed exemption.

When you add a service, add a row to CALLS: a function that makes one call of it given the fixtures. A service
with no row fails ``test_every_service_has_a_call_in_this_test``.
"""

import datetime as dt

import pytest

from strategia.core.models import AuditEntry
from strategia.core.services import SERVICE_REGISTRY
from strategia.processes.enums import ActivityStatus, DatePrecision, ResolutionKind


def _first_activity(process):
    return process.stages.get(number=1).activities.get(number="1.1")


def _call_process_create(ctx):
    from strategia.processes.services import process_create_from_blueprint

    process_create_from_blueprint(actor=ctx.coordinator, municipality=ctx.municipality, title="Druga",
                                  slug="druga", start_year=2027, start_quarter=1)


def _call_process_update(ctx):
    from strategia.processes.services import process_update

    process_update(actor=ctx.coordinator, process=ctx.process, title="Nowy tytuł")


def _call_resolution_record(ctx):
    from strategia.processes.services import resolution_record

    resolution_record(actor=ctx.coordinator, process=ctx.process, kind=ResolutionKind.PROCEDURE, number="1/2026",
                      adopted_on=dt.date(2026, 1, 10))


def _call_activity_plan(ctx):
    from strategia.processes.services import activity_change_planned_dates

    activity = _first_activity(ctx.process)
    activity_change_planned_dates(actor=ctx.coordinator, activity=activity, start=activity.planned_start,
                                  end=activity.planned_end, precision=DatePrecision.QUARTER)


def _call_schedule_change_withdraw(ctx):
    from strategia.processes.models import ScheduleChange
    from strategia.processes.services import schedule_change_withdraw

    activity = _first_activity(ctx.process)
    change = ScheduleChange.objects.create(activity=activity, proposed_start=activity.planned_start,
                                           proposed_end=activity.planned_end,
                                           proposed_precision=DatePrecision.QUARTER, reason="x")
    schedule_change_withdraw(actor=ctx.coordinator, change=change)


def _call_activity_update(ctx):
    from strategia.processes.services import activity_update

    activity = _first_activity(ctx.process)
    activity_update(actor=ctx.coordinator, activity=activity, title=activity.title, short_title="x",
                    description="", responsible_unit="", status=ActivityStatus.IN_PROGRESS,
                    actual_start=dt.date(2026, 1, 5), actual_end=None)


def _call_municipality_update(ctx):
    from strategia.backoffice.services import municipality_update

    municipality_update(actor=ctx.coordinator, municipality=ctx.municipality, executive_name="Nowy")


def _call_accessibility_statement_update(ctx):
    from strategia.portal.models import AccessibilityStatement
    from strategia.portal.services import accessibility_statement_update

    accessibility_statement_update(
        actor=ctx.coordinator, statement=AccessibilityStatement(municipality=ctx.municipality),
        today=dt.date(2026, 2, 3), site_published_on=dt.date(2025, 9, 1), site_updated_on=dt.date(2026, 1, 5),
        status="compliant", prepared_on=dt.date(2025, 9, 1), contact_person="Jan Kontakt",
        contact_email="jan@testowo.example", contact_phone="22 000 11 22", architectural_accessibility="Winda.")


def _call_sign_language_video_create(ctx):
    from strategia.portal.services import sign_language_video_create
    from tests.portal.conftest import mp4, vtt

    sign_language_video_create(actor=ctx.coordinator, municipality=ctx.municipality, page="take_part",
                               video_file=mp4(), captions_file=vtt(), transcript="T", is_published=True)


def _call_sign_language_video_update(ctx):
    from strategia.portal.services import sign_language_video_update
    from tests.portal.conftest import make_video

    sign_language_video_update(actor=ctx.coordinator, video=make_video(ctx.municipality), transcript="Nowa",
                               is_published=True)


def _call_sign_language_video_remove(ctx):
    from strategia.portal.services import sign_language_video_remove
    from tests.portal.conftest import make_video

    sign_language_video_remove(actor=ctx.coordinator, video=make_video(ctx.municipality))


def _news_item(ctx):
    from django.utils import timezone

    from strategia.news.models import NewsItem

    return NewsItem.objects.create(municipality=ctx.municipality, slug="a", title="A", body="B",
                                   published_at=timezone.now())


def _subscriber(ctx, status):
    from django.utils import timezone

    from strategia.news.models import Subscriber

    return Subscriber.objects.create(municipality=ctx.municipality, email="s@example.org", status=status,
                                     consent_text="zgoda", consented_at=timezone.now(), token_nonce="n")


def _call_news_create(ctx):
    from strategia.news.services import news_create

    news_create(actor=ctx.coordinator, municipality=ctx.municipality, title="Aktualność", body="Treść")


def _call_news_update(ctx):
    from strategia.news.services import news_update

    news_update(actor=ctx.coordinator, item=_news_item(ctx), title="Nowy tytuł")


def _call_news_delete(ctx):
    from strategia.news.services import news_delete

    news_delete(actor=ctx.coordinator, item=_news_item(ctx))


def _call_news_newsletter_send(ctx):
    from django.utils import timezone

    from strategia.news.services import news_newsletter_send

    news_newsletter_send(actor=None, item=_news_item(ctx), now=timezone.now())


def _call_subscriber_subscribe(ctx):
    from strategia.news.services import subscriber_subscribe

    subscriber_subscribe(actor=None, municipality=ctx.municipality, email="s@example.org", consent_text="zgoda")


def _call_subscriber_confirm(ctx):
    from strategia.news.services import subscriber_confirm

    subscriber_confirm(actor=None, subscriber=_subscriber(ctx, "pending"))


def _call_subscriber_unsubscribe(ctx):
    from strategia.news.services import subscriber_unsubscribe

    subscriber_unsubscribe(actor=None, subscriber=_subscriber(ctx, "confirmed"))


def _call_membership_grant(ctx):
    from strategia.accounts.services import membership_grant

    membership_grant(actor=ctx.coordinator, municipality=ctx.municipality, email="nowa@example.org",
                     role="staff")


def _call_membership_revoke(ctx):
    from strategia.accounts.models import MunicipalityMembership
    from strategia.accounts.services import membership_revoke
    from tests.factories import UserFactory

    membership = MunicipalityMembership.objects.create(user=UserFactory(), municipality=ctx.municipality,
                                                       role="staff")
    membership_revoke(actor=ctx.coordinator, membership=membership)


def _call_process_membership_grant(ctx):
    from strategia.accounts.services import process_membership_grant

    process_membership_grant(actor=ctx.coordinator, process=ctx.process, email="nowa@example.org",
                             role="evaluator")


def _call_process_membership_revoke(ctx):
    from strategia.accounts.models import ProcessMembership
    from strategia.accounts.services import process_membership_revoke
    from tests.factories import UserFactory

    membership = ProcessMembership.objects.create(user=UserFactory(), process=ctx.process, role="evaluator")
    process_membership_revoke(actor=ctx.coordinator, membership=membership)


def _document(ctx):
    from strategia.documents.services import document_create

    return document_create(actor=None, process=ctx.process, title="Projekt", slug=f"projekt-{ctx.process.pk}-x")


def _chapter(ctx, document=None):
    from strategia.documents.services import chapter_create

    version = (document or _document(ctx)).versions.get(number=1)
    return chapter_create(actor=None, version=version, title="Rozdział")


def _paragraph(ctx):
    from strategia.documents.services import paragraph_create

    return paragraph_create(actor=None, chapter=_chapter(ctx), text="Akapit")


def _call_document_create(ctx):
    from strategia.documents.services import document_create

    document_create(actor=ctx.coordinator, process=ctx.process, title="Projekt", slug="projekt")


def _call_version_create_working(ctx):
    from strategia.documents.services import version_create_working

    document = _document(ctx)
    version_create_working(actor=ctx.coordinator, document=document, based_on=document.versions.get(number=1))


def _call_version_freeze(ctx):
    from strategia.documents.models import DocumentVersion
    from strategia.documents.services import version_freeze

    paragraph = _paragraph(ctx)
    version = DocumentVersion.objects.get(pk=paragraph.chapter.version_id)
    version_freeze(actor=ctx.coordinator, version=version, stage="consultation")


def _call_chapter_create(ctx):
    _chapter(ctx)


def _call_chapter_update(ctx):
    from strategia.documents.services import chapter_update

    chapter_update(actor=ctx.coordinator, chapter=_chapter(ctx), title="Nowy tytuł")


def _call_chapter_delete(ctx):
    from strategia.documents.services import chapter_delete

    chapter_delete(actor=ctx.coordinator, chapter=_chapter(ctx))


def _call_chapter_move(ctx):
    from strategia.documents.services import chapter_move

    chapter_move(actor=ctx.coordinator, chapter=_chapter(ctx), direction=1)


def _call_paragraph_create(ctx):
    from strategia.documents.services import paragraph_create

    paragraph_create(actor=ctx.coordinator, chapter=_chapter(ctx), text="Nowy")


def _call_paragraph_update(ctx):
    from strategia.documents.services import paragraph_update

    paragraph_update(actor=ctx.coordinator, paragraph=_paragraph(ctx), text="Zmieniony")


def _call_paragraph_delete(ctx):
    from strategia.documents.services import paragraph_delete

    paragraph_delete(actor=ctx.coordinator, paragraph=_paragraph(ctx))


def _call_paragraph_move(ctx):
    from strategia.documents.services import paragraph_move

    paragraph_move(actor=ctx.coordinator, paragraph=_paragraph(ctx), direction=-1)


def _call_export_request(ctx):
    from strategia.documents.export_services import export_request
    from strategia.documents.models import DocumentVersion
    from strategia.documents.services import version_freeze

    paragraph = _paragraph(ctx)
    version = version_freeze(actor=ctx.coordinator, stage="consultation",
                             version=DocumentVersion.objects.get(pk=paragraph.chapter.version_id))
    export_request(actor=ctx.coordinator, version=version, format="pdf")


def _docx_import(ctx):
    from strategia.documents.import_services import docx_import_preview
    from tests.documents.test_docx_import import draft, make_docx, upload

    return docx_import_preview(actor=ctx.coordinator, document=_document(ctx), upload=upload(make_docx(draft)))


def _call_docx_import_preview(ctx):
    _docx_import(ctx)


def _call_docx_import_apply(ctx):
    from strategia.documents.import_services import docx_import_apply

    docx_import_apply(actor=ctx.coordinator, docx_import=_docx_import(ctx))


def _call_docx_import_discard(ctx):
    from strategia.documents.import_services import docx_import_discard

    docx_import_discard(actor=ctx.coordinator, docx_import=_docx_import(ctx))


def _call_chapter_generate(ctx):
    from strategia.documents import generators
    from strategia.documents.generate_services import chapter_generate

    generators.GENERATORS["audit.test"] = generators.ChapterGenerator(
        "audit.test", "Dane", "", lambda *, process: [generators.GeneratedParagraph(key="a", text="Tekst")])
    try:
        chapter_generate(actor=ctx.coordinator, version=_document(ctx).versions.get(number=1),
                         generator_key="audit.test")
    finally:
        del generators.GENERATORS["audit.test"]


def _consultation(ctx, *, announce=False):
    from strategia.consultation.services import consultation_announce, consultation_create
    from strategia.documents.models import DocumentVersion
    from strategia.documents.services import version_freeze

    paragraph = _paragraph(ctx)
    version = version_freeze(actor=None, stage="consultation",
                             version=DocumentVersion.objects.get(pk=paragraph.chapter.version_id))
    consultation = consultation_create(actor=None, process=ctx.process, document_version=version, title="K",
                                       planned_announcement_on=dt.date.today(),
                                       ends_on=dt.date.today() + dt.timedelta(days=40))
    if announce:
        consultation = consultation_announce(actor=None, consultation=consultation)
    return consultation


def _call_consultation_create(ctx):
    _consultation(ctx)


def _call_consultation_announce(ctx):
    _consultation(ctx, announce=True)


def _call_consultation_extend(ctx):
    from strategia.consultation.services import consultation_extend

    consultation = _consultation(ctx, announce=True)
    consultation_extend(actor=ctx.coordinator, consultation=consultation,
                        ends_on=consultation.ends_on + dt.timedelta(days=7))


def _call_submission_create(ctx):
    from strategia.consultation.services import submission_create

    submission_create(actor=None, consultation=_consultation(ctx, announce=True), channel="platform",
                      submitter_kind="anonymous", remarks=[{"content": "Uwaga"}])


def _call_meeting_create(ctx):
    from django.utils import timezone

    from strategia.consultation.services import meeting_create

    meeting_create(actor=ctx.coordinator, consultation=_consultation(ctx), starts_at=timezone.now(),
                   place="Sala konferencyjna urzędu")


def _call_remarks_import_xlsx(ctx):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    from strategia.consultation.import_services import remarks_import_xlsx
    from strategia.consultation.xlsx_import import template_workbook

    workbook = load_workbook(io.BytesIO(template_workbook()))
    workbook.active.append([1, "Jan Kowalski", "osoba fizyczna", "mieszkaniec",
                            dt.date.today().strftime("%d.%m.%Y"), "e-mail", "projekt strategii", "1", "", "", "",
                            "Uwaga"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    remarks_import_xlsx(actor=ctx.coordinator, consultation=_consultation(ctx, announce=True),
                        upload=SimpleUploadedFile("uwagi.xlsx", buffer.getvalue()))


def _call_consultation_update(ctx):
    from strategia.consultation.services import consultation_update

    consultation = _consultation(ctx)
    consultation_update(actor=ctx.coordinator, consultation=consultation,
                        document_version=consultation.document_version, title="Nowy tytuł",
                        planned_announcement_on=consultation.planned_announcement_on,
                        ends_on=consultation.ends_on + dt.timedelta(days=7))


def _call_meeting_update(ctx):
    from django.utils import timezone

    from strategia.consultation.services import meeting_create, meeting_update

    meeting = meeting_create(actor=None, consultation=_consultation(ctx), starts_at=timezone.now(), place="Sala")
    meeting_update(actor=ctx.coordinator, meeting=meeting, starts_at=meeting.starts_at, place="Sala 2",
                   kind="meeting", form="in_person", attendance=12)


def _call_consultation_close(ctx):
    from strategia.consultation.services import consultation_close

    consultation = _consultation(ctx, announce=True)
    consultation_close(actor=None, consultation=consultation, today=consultation.ends_on + dt.timedelta(days=10))


def _call_activity(ctx):
    from strategia.processes.models import Activity

    activity = Activity.objects.filter(stage__process=ctx.process, activity_type="call_for_proposals").first()
    today = dt.date.today()
    Activity.objects.filter(pk=activity.pk).update(actual_start=today - dt.timedelta(days=5),
                                                   actual_end=today + dt.timedelta(days=20))
    activity.refresh_from_db()
    return activity


def _proposal_call(ctx, **kwargs):
    from strategia.proposals.services import call_create

    return call_create(actor=None, activity=_call_activity(ctx), **kwargs)


def _proposal(ctx, *, published=True):
    from strategia.proposals.services import proposal_publish, proposal_submit

    call = _proposal_call(ctx)
    proposal = proposal_submit(actor=None, call=call, title="Ścieżka rowerowa", description="Wzdłuż Jeziorki.",
                               theme=call.themes.first(), contact_email="ala@example.org")
    return proposal_publish(actor=None, proposal=proposal) if published else proposal


def _call_call_create(ctx):
    _proposal_call(ctx)


def _call_call_update(ctx):
    from strategia.proposals.services import call_update

    call_update(actor=ctx.coordinator, call=_proposal_call(ctx), title="Pomysły do strategii", moderation_mode="post")


def _call_theme_create(ctx):
    from strategia.proposals.services import theme_create

    theme_create(actor=ctx.coordinator, call=_proposal_call(ctx), name="Cel 1. Wspólnota")


def _call_proposal_submit(ctx):
    _proposal(ctx, published=False)


def _call_proposal_register(ctx):
    from django.utils import timezone

    from strategia.proposals.services import proposal_register

    call = _proposal_call(ctx)
    proposal_register(actor=ctx.coordinator, call=call, channel="post", received_at=timezone.now(),
                      title="Boisko", description="Przy szkole.", theme=call.themes.first())


def _call_support_add(ctx):
    from strategia.proposals.services import support_add

    support_add(actor=ctx.coordinator, proposal=_proposal(ctx))


def _call_support_withdraw(ctx):
    from strategia.proposals.services import support_add, support_withdraw

    proposal = _proposal(ctx)
    support_add(actor=ctx.coordinator, proposal=proposal)
    support_withdraw(actor=ctx.coordinator, proposal=proposal)


def _call_proposal_publish(ctx):
    _proposal(ctx)


def _call_proposal_hide(ctx):
    from strategia.proposals.services import proposal_hide

    proposal_hide(actor=ctx.coordinator, proposal=_proposal(ctx), reason="advertising", explanation="Reklama.")


def _call_proposal_merge(ctx):
    from strategia.proposals.services import proposal_merge, proposal_submit

    kept = _proposal(ctx)
    duplicate = proposal_submit(actor=None, call=kept.call, title="Ścieżka", description="To samo.",
                                theme=kept.theme)
    proposal_merge(actor=ctx.coordinator, duplicate=duplicate, kept=kept)


def _call_proposals_route(ctx):
    from strategia.proposals.services import proposals_route

    proposal = _proposal(ctx)
    proposals_route(actor=ctx.coordinator, call=proposal.call, proposals=[proposal], to_status="under_review",
                    justification="Zespół analizuje pomysł.")


def _comment(ctx):
    from strategia.comments.services import comment_create

    return comment_create(actor=ctx.coordinator, target=_proposal(ctx), body="Dobry pomysł.")


def _call_comment_create(ctx):
    _comment(ctx)


def _call_comment_edit(ctx):
    from strategia.comments.services import comment_edit

    comment_edit(actor=ctx.coordinator, comment=_comment(ctx), body="Bardzo dobry pomysł.")


def _call_comment_flag(ctx):
    from strategia.comments.services import comment_flag

    comment_flag(actor=ctx.coordinator, comment=_comment(ctx), reason="spam")


def _call_comment_hide(ctx):
    from strategia.comments.services import comment_hide

    comment_hide(actor=ctx.coordinator, comment=_comment(ctx), reason="offensive")


def _call_comment_restore(ctx):
    from strategia.comments.services import comment_hide, comment_restore

    comment = comment_hide(actor=None, comment=_comment(ctx), reason="offensive")
    comment_restore(actor=ctx.coordinator, comment=comment)


def _remark(ctx, **submission_kwargs):
    from strategia.consultation.services import submission_create

    submission = submission_create(actor=None, consultation=_consultation(ctx, announce=True), channel="email",
                                   submitter_kind="person", submitter_name="Jan Kowalski",
                                   remarks=[{"content": "Uwaga"}], **submission_kwargs)
    return submission.remarks.get()


def _call_remark_publish(ctx):
    from strategia.consultation.review_services import remark_publish

    remark_publish(actor=ctx.coordinator, remark=_remark(ctx))


def _call_remark_hide(ctx):
    from strategia.consultation.review_services import remark_hide

    remark_hide(actor=ctx.coordinator, remark=_remark(ctx), reason="Dane osób trzecich")


def _call_remarks_assign(ctx):
    from strategia.consultation.review_services import remarks_assign

    remark = _remark(ctx)
    remarks_assign(actor=ctx.coordinator, consultation=remark.consultation, remarks=[remark], assignee=ctx.coordinator)


def _call_response_create(ctx):
    from strategia.consultation.review_services import response_create

    remark = _remark(ctx)
    response_create(actor=ctx.coordinator, consultation=remark.consultation, remarks=[remark], stance="accepted",
                    justification="Zapis uzupełniono.")


def _call_response_update(ctx):
    from strategia.consultation.review_services import response_create, response_update

    remark = _remark(ctx)
    response = response_create(actor=None, consultation=remark.consultation, remarks=[remark], stance="accepted",
                               justification="Zapis uzupełniono.")
    response_update(actor=ctx.coordinator, response=response, stance="partly", justification="Częściowo.")


def _call_response_detach(ctx):
    from strategia.consultation.review_services import response_create, response_detach

    remark = _remark(ctx)
    response_create(actor=None, consultation=remark.consultation, remarks=[remark], stance="accepted",
                    justification="Zapis uzupełniono.")
    remark.refresh_from_db()
    response_detach(actor=ctx.coordinator, remark=remark)


def _call_report_request(ctx):
    from strategia.consultation.report_services import report_request

    report_request(actor=ctx.coordinator, consultation=_consultation(ctx, announce=True), variant="public",
                   format="xlsx")


def _call_report_publish(ctx):
    from unittest import mock

    from strategia.consultation import report_services

    consultation = _consultation(ctx, announce=True)
    after = consultation.ends_on + dt.timedelta(days=1)
    with mock.patch.object(report_services, "publication_blockers", return_value=[]):
        report_services.report_publish(actor=ctx.coordinator, consultation=consultation,
                                       now=dt.datetime(after.year, after.month, after.day, 12, tzinfo=dt.UTC))


def _addressee(ctx):
    from strategia.consultation.addressee_services import addressee_create

    return addressee_create(actor=None, consultation=_consultation(ctx), kind="neighbouring_gmina",
                            name="Gmina Piaseczno", address="ul. Kościuszki 5, 05-500 Piaseczno")


def _call_addressee_create(ctx):
    _addressee(ctx)


def _call_addressee_update(ctx):
    from strategia.consultation.addressee_services import addressee_update

    addressee_update(actor=ctx.coordinator, addressee=_addressee(ctx), kind="gmina_union", name="Związek Gmin")


def _call_addressee_delete(ctx):
    from strategia.consultation.addressee_services import addressee_delete

    addressee_delete(actor=ctx.coordinator, addressee=_addressee(ctx))


def _dispatch(ctx):
    from strategia.consultation.addressee_services import dispatch_record

    return dispatch_record(actor=None, addressee=_addressee(ctx), channel="edoreczenia",
                           sent_on=dt.date.today() - dt.timedelta(days=2), sending_proof="AE:PL-123")


def _call_dispatch_record(ctx):
    _dispatch(ctx)


def _call_dispatch_receipt(ctx):
    from strategia.consultation.addressee_services import dispatch_receipt

    dispatch_receipt(actor=ctx.coordinator, dispatch=_dispatch(ctx), received_on=dt.date.today(),
                     receipt_proof="UPD")


CALLS = {
    "strategia.proposals.services.call_create": _call_call_create,
    "strategia.proposals.services.call_update": _call_call_update,
    "strategia.proposals.services.theme_create": _call_theme_create,
    "strategia.proposals.services.proposal_submit": _call_proposal_submit,
    "strategia.proposals.services.proposal_register": _call_proposal_register,
    "strategia.proposals.services.support_add": _call_support_add,
    "strategia.proposals.services.support_withdraw": _call_support_withdraw,
    "strategia.proposals.services.proposal_publish": _call_proposal_publish,
    "strategia.proposals.services.proposal_hide": _call_proposal_hide,
    "strategia.proposals.services.proposal_merge": _call_proposal_merge,
    "strategia.proposals.services.proposals_route": _call_proposals_route,
    "strategia.comments.services.comment_create": _call_comment_create,
    "strategia.comments.services.comment_edit": _call_comment_edit,
    "strategia.comments.services.comment_flag": _call_comment_flag,
    "strategia.comments.services.comment_hide": _call_comment_hide,
    "strategia.comments.services.comment_restore": _call_comment_restore,
    "strategia.consultation.services.consultation_close": _call_consultation_close,
    "strategia.consultation.services.meeting_update": _call_meeting_update,
    "strategia.consultation.services.consultation_update": _call_consultation_update,
    "strategia.consultation.review_services.remark_publish": _call_remark_publish,
    "strategia.consultation.review_services.remark_hide": _call_remark_hide,
    "strategia.consultation.review_services.remarks_assign": _call_remarks_assign,
    "strategia.consultation.review_services.response_create": _call_response_create,
    "strategia.consultation.review_services.response_update": _call_response_update,
    "strategia.consultation.review_services.response_detach": _call_response_detach,
    "strategia.consultation.report_services.report_request": _call_report_request,
    "strategia.consultation.report_services.report_publish": _call_report_publish,
    "strategia.consultation.addressee_services.addressee_create": _call_addressee_create,
    "strategia.consultation.addressee_services.addressee_update": _call_addressee_update,
    "strategia.consultation.addressee_services.addressee_delete": _call_addressee_delete,
    "strategia.consultation.addressee_services.dispatch_record": _call_dispatch_record,
    "strategia.consultation.addressee_services.dispatch_receipt": _call_dispatch_receipt,
    "strategia.consultation.import_services.remarks_import_xlsx": _call_remarks_import_xlsx,
    "strategia.consultation.services.meeting_create": _call_meeting_create,
    "strategia.consultation.services.consultation_create": _call_consultation_create,
    "strategia.consultation.services.consultation_announce": _call_consultation_announce,
    "strategia.consultation.services.consultation_extend": _call_consultation_extend,
    "strategia.consultation.services.submission_create": _call_submission_create,
    "strategia.documents.generate_services.chapter_generate": _call_chapter_generate,
    "strategia.documents.import_services.docx_import_preview": _call_docx_import_preview,
    "strategia.documents.import_services.docx_import_apply": _call_docx_import_apply,
    "strategia.documents.import_services.docx_import_discard": _call_docx_import_discard,
    "strategia.documents.export_services.export_request": _call_export_request,
    "strategia.documents.services.document_create": _call_document_create,
    "strategia.documents.services.version_create_working": _call_version_create_working,
    "strategia.documents.services.version_freeze": _call_version_freeze,
    "strategia.documents.services.chapter_create": _call_chapter_create,
    "strategia.documents.services.chapter_update": _call_chapter_update,
    "strategia.documents.services.chapter_delete": _call_chapter_delete,
    "strategia.documents.services.chapter_move": _call_chapter_move,
    "strategia.documents.services.paragraph_create": _call_paragraph_create,
    "strategia.documents.services.paragraph_update": _call_paragraph_update,
    "strategia.documents.services.paragraph_delete": _call_paragraph_delete,
    "strategia.documents.services.paragraph_move": _call_paragraph_move,
    "strategia.accounts.services.membership_grant": _call_membership_grant,
    "strategia.accounts.services.membership_revoke": _call_membership_revoke,
    "strategia.accounts.services.process_membership_grant": _call_process_membership_grant,
    "strategia.accounts.services.process_membership_revoke": _call_process_membership_revoke,
    "strategia.news.services.news_create": _call_news_create,
    "strategia.news.services.news_update": _call_news_update,
    "strategia.news.services.news_delete": _call_news_delete,
    "strategia.news.services.news_newsletter_send": _call_news_newsletter_send,
    "strategia.news.services.subscriber_subscribe": _call_subscriber_subscribe,
    "strategia.news.services.subscriber_confirm": _call_subscriber_confirm,
    "strategia.news.services.subscriber_unsubscribe": _call_subscriber_unsubscribe,
    "strategia.portal.services.accessibility_statement_update": _call_accessibility_statement_update,
    "strategia.portal.services.sign_language_video_create": _call_sign_language_video_create,
    "strategia.portal.services.sign_language_video_update": _call_sign_language_video_update,
    "strategia.portal.services.sign_language_video_remove": _call_sign_language_video_remove,
    "strategia.backoffice.services.municipality_update": _call_municipality_update,
    "strategia.processes.services.process_create_from_blueprint": _call_process_create,
    "strategia.processes.services.process_update": _call_process_update,
    "strategia.processes.services.resolution_record": _call_resolution_record,
    "strategia.processes.services.activity_change_planned_dates": _call_activity_plan,
    "strategia.processes.services.schedule_change_withdraw": _call_schedule_change_withdraw,
    "strategia.processes.services.activity_update": _call_activity_update,
}

# Services that deliberately write no audit entry; each must say why in its @service(exempt_reason=...).
EXEMPT = {
    "strategia.backoffice.services.email_mark_seen",
    "strategia.documents.export_services.export_run",
    "strategia.consultation.report_services.report_run",
    "strategia.proposals.attachments.attachment_draft_create",
    "strategia.proposals.attachments.attachment_draft_discard",
    "strategia.proposals.attachments.attachment_drafts_purge",
    "strategia.core.held_uploads.held_upload_create",
    "strategia.core.held_uploads.held_upload_release",
    "strategia.core.held_uploads.held_uploads_purge",
}


class Ctx:
    def __init__(self, municipality, process, coordinator):
        self.municipality, self.process, self.coordinator = municipality, process, coordinator


def test_every_service_has_a_call_in_this_test():
    missing = sorted(set(SERVICE_REGISTRY) - set(CALLS) - EXEMPT)
    assert not missing, f"Add a row to CALLS (or EXEMPT) for: {missing}"


def test_exemptions_are_declared_by_the_services_themselves():
    for name in EXEMPT:
        info = SERVICE_REGISTRY[name]
        assert not info.audit and info.exempt_reason


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_call_writes_exactly_one_audit_entry(name, municipality, process, coordinator):
    """The call (after whatever set-up it needs, which may use other services) writes one entry of its action."""
    ctx = Ctx(municipality, process, coordinator)
    action = SERVICE_REGISTRY[name].action
    before = AuditEntry.objects.filter(action=action).count()
    CALLS[name](ctx)
    entries = list(AuditEntry.objects.filter(action=action).order_by("-id"))
    assert len(entries) == before + 1, name
    assert entries[0].created_at is not None


def test_an_entry_records_actor_object_and_before_and_after(municipality, process, coordinator):
    from strategia.processes.services import process_update

    process_update(actor=coordinator, process=process, title="Strategia po zmianie")
    entry = AuditEntry.objects.latest("id")
    assert entry.actor == coordinator
    assert entry.actor_label == coordinator.email
    assert entry.municipality == municipality
    assert entry.object_repr == "Strategia po zmianie"
    assert ("title", "Strategia rozwoju gminy Testowo do 2035 roku", "Strategia po zmianie") in entry.changes


def test_a_failed_service_call_leaves_no_entry(municipality, process, coordinator):
    from django.core.exceptions import ValidationError

    from strategia.processes.services import activity_update

    activity = _first_activity(process)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        activity_update(actor=coordinator, activity=activity, title="t", short_title="s", description="",
                        responsible_unit="", status=ActivityStatus.COMPLETED, actual_start=None, actual_end=None)
    assert AuditEntry.objects.count() == before


def test_services_take_keyword_arguments_only(process, coordinator):
    from strategia.processes.services import process_update

    with pytest.raises(TypeError):
        process_update(coordinator, process)
