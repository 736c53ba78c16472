"""The report's back-office pages (included by staff_urls.py; namespace backoffice:consultation_staff)."""

from django.urls import path

from strategia.consultation import report_views

PREFIX = "<slug:process_slug>/<int:consultation_id>/sprawozdanie/"

urlpatterns: list = [
    path(PREFIX, report_views.report, name="report"),
    path(PREFIX + "przygotuj/", report_views.report_generate, name="report_generate"),
    path(PREFIX + "opublikuj/", report_views.report_publish_view, name="report_publish"),
    path(PREFIX + "<str:variant>.<str:format>", report_views.report_download, name="report_download"),
]
