"""Public pages of documents: /<municipality>/<process>/dokumenty/… (namespace documents)."""

from django.urls import include, path  # noqa: F401

app_name = "documents"

urlpatterns: list = [
    path("<slug:document_slug>/eksport/", include("strategia.documents.export_urls")),
]
