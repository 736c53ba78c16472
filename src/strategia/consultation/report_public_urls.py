"""The published report and the answers per paragraph (included by urls.py; namespace consultation)."""

from django.urls import path

from strategia.consultation import report_views

urlpatterns: list = [
    path("<int:consultation_id>/sprawozdanie.<str:format>", report_views.public_report_download,
         name="report_download"),
    path("<int:consultation_id>/odpowiedzi/", report_views.public_answers, name="answers"),
]
