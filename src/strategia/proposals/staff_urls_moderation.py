"""The call's back-office pages (included by staff_urls.py, namespace backoffice:proposals_staff): the process's
calls, the call's settings and themes, the register of ideas, an idea with its moderation and routing, batch
answers, private files and exports."""

from django.urls import path

from strategia.proposals import staff_views as views

CALL = "<slug:process_slug>/<int:call_id>/"
IDEA = CALL + "<int:proposal_id>/"

urlpatterns = [
    path("<slug:process_slug>/", views.call_list, name="calls"),
    path("<slug:process_slug>/utworz/<int:activity_id>/", views.call_create, name="call_create"),
    path(CALL, views.proposal_register, name="register"),
    path(CALL + "ustawienia/", views.call_update, name="call_update"),
    path(CALL + "tematy/nowy/", views.theme_create, name="theme_create"),
    path(CALL + "status-zbiorczo/", views.proposals_batch_status, name="batch_status"),
    path(CALL + "eksport.xlsx", views.export_xlsx, name="export_xlsx"),
    path(CALL + "eksport.csv", views.export_csv, name="export_csv"),
    path(CALL + "eksport.pdf", views.export_pdf, name="export_pdf"),
    path(IDEA, views.proposal_detail, name="detail"),
    path(IDEA + "publikuj/", views.proposal_publish, name="publish"),
    path(IDEA + "ukryj/", views.proposal_hide, name="hide"),
    path(IDEA + "polacz/", views.proposal_merge, name="merge"),
    path(IDEA + "status/", views.proposal_status, name="status"),
    path(IDEA + "zalaczniki/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path(IDEA + "skan/", views.scan_download, name="scan"),
]
