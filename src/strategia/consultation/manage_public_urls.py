"""The consultation's public page (included by urls.py: namespace consultation, prefix
/<municipality>/<process>/konsultacje/)."""

from django.urls import path

from strategia.consultation import page_views as views

urlpatterns: list = [
    path("", views.consultation_index, name="index"),
    path("<int:consultation_id>/", views.consultation_page, name="detail"),
    path("<int:consultation_id>/ogloszenie.<str:format>", views.announcement_download,
         name="announcement_download"),
    path("<int:consultation_id>/formularz.<str:format>", views.paper_form_download, name="paper_form_download"),
]
