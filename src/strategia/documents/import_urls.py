"""Word import pages (included by documents/staff_urls.py under <process_slug>/<document_slug>/import/)."""

from django.urls import path

from strategia.documents import import_views as views

urlpatterns: list = [
    path("", views.import_upload, name="import_upload"),
    path("<int:import_id>/", views.import_preview, name="import_preview"),
    path("<int:import_id>/zastosuj/", views.import_apply, name="import_apply"),
    path("<int:import_id>/odrzuc/", views.import_discard, name="import_discard"),
]
