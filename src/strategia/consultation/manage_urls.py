"""Managing a consultation in the back-office (included by staff_urls.py: namespace backoffice:consultation_staff,
prefix /<municipality>/panel/konsultacje/)."""

from django.urls import path

from strategia.consultation import manage_views as views

C = "<slug:process_slug>/<int:consultation_id>/"

urlpatterns: list = [
    path("<slug:process_slug>/nowe/", views.consultation_create, name="create"),
    path(C + "ustawienia/", views.consultation_settings, name="settings"),
    path(C + "oglos/", views.consultation_announce, name="announce"),
    path(C + "przedluz/", views.consultation_extend, name="extend"),
    path(C + "spotkania/", views.meeting_list, name="meetings"),
    path(C + "spotkania/nowe/", views.meeting_create, name="meeting_create"),
    path(C + "spotkania/<int:meeting_id>/", views.meeting_edit, name="meeting_edit"),
    path(C + "ogloszenie.<str:format>", views.announcement_download, name="announcement_download"),
    path(C + "formularz.<str:format>", views.paper_form_download, name="paper_form_download"),
]
