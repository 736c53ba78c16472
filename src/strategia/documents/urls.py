"""Public pages of documents: /<municipality>/<process>/dokumenty/… (namespace documents)."""

from django.urls import include, path

from strategia.documents import views

app_name = "documents"

urlpatterns: list = [
    path("", views.index, name="index"),
    path("<slug:document_slug>/", views.latest, name="latest"),
    path("<slug:document_slug>/wersja/<int:version_number>/", views.read, name="read"),
    path("<slug:document_slug>/porownanie/", views.redline, name="redline"),
    path("<slug:document_slug>/zmiany/", views.changes, name="changes"),
    path("<slug:document_slug>/eksport/", include("strategia.documents.export_urls")),
]
