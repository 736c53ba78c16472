"""Back-office pages of the portal app, mounted under /<municipality>/panel/strony/ (namespace
backoffice:portal_staff)."""

from django.urls import path

from strategia.portal import staff_views

app_name = "portal_staff"

urlpatterns = [
    path("", staff_views.index, name="index"),
    path("deklaracja-dostepnosci/", staff_views.accessibility_edit, name="accessibility_edit"),
    path("pjm/<slug:page>/", staff_views.video_edit, name="video_edit"),
    path("pjm/<slug:page>/usun/", staff_views.video_remove, name="video_remove"),
]
