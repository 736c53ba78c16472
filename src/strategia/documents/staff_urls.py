"""Back-office pages of documents: /<municipality>/panel/dokumenty/<process>/…
(namespace backoffice:documents_staff)."""

from django.urls import include, path

from strategia.documents import staff_views as views

app_name = "documents_staff"

DOC = "<slug:process_slug>/<slug:document_slug>/"

urlpatterns: list = [
    path("<slug:process_slug>/", views.document_list, name="document_list"),
    # Before DOC: "nowy-dokument" is reserved (forms.RESERVED_DOCUMENT_SLUGS).
    path("<slug:process_slug>/nowy-dokument/", views.document_create, name="document_create"),
    path(DOC, views.document_detail, name="document_detail"),
    path(DOC + "zamroz/", views.version_freeze, name="version_freeze"),
    path(DOC + "podglad/", views.preview, name="preview"),
    path(DOC + "generuj/", views.chapter_generate_view, name="chapter_generate"),
    path(DOC + "rozdzialy/nowy/", views.chapter_create, name="chapter_create"),
    path(DOC + "rozdzialy/<int:chapter_id>/", views.chapter_edit, name="chapter_edit"),
    path(DOC + "rozdzialy/<int:chapter_id>/usun/", views.chapter_delete, name="chapter_delete"),
    path(DOC + "rozdzialy/<int:chapter_id>/przesun/", views.chapter_move, name="chapter_move"),
    path(DOC + "rozdzialy/<int:chapter_id>/nowy-akapit/", views.paragraph_create, name="paragraph_create"),
    path(DOC + "akapity/<int:paragraph_id>/", views.paragraph_edit, name="paragraph_edit"),
    path(DOC + "akapity/<int:paragraph_id>/usun/", views.paragraph_delete, name="paragraph_delete"),
    path(DOC + "akapity/<int:paragraph_id>/przesun/", views.paragraph_move, name="paragraph_move"),
    path("<slug:process_slug>/<slug:document_slug>/import/", include("strategia.documents.import_urls")),
    path("<slug:process_slug>/<slug:document_slug>/eksport/", include("strategia.documents.export_staff_urls")),
]
