"""Requesting exports of frozen versions (included by documents/staff_urls.py under
``<process_slug>/<document_slug>/eksport/``)."""

from django.urls import path

from strategia.documents import export_views

urlpatterns: list = [
    path("wersja-<int:version_number>/<slug:format>/przygotuj/", export_views.export_request_view,
         name="export_request"),
]
