"""Back-office pages of documents: /<municipality>/panel/dokumenty/<process>/…
(namespace backoffice:documents_staff)."""

from django.urls import include, path  # noqa: F401

app_name = "documents_staff"

urlpatterns: list = [
    path("<slug:process_slug>/<slug:document_slug>/import/", include("strategia.documents.import_urls")),
]
