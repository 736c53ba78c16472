"""Status and download of stored exports of frozen versions (included by documents/urls.py under
``<document_slug>/eksport/``)."""

from django.urls import path

from strategia.documents import export_views

urlpatterns: list = [
    path("wersja-<int:version_number>/<slug:format>/", export_views.export_status, name="export_status"),
    path("wersja-<int:version_number>/<slug:format>/pobierz/", export_views.export_download,
         name="export_download"),
]
