"""Back-office of the call for ideas, mounted under /<municipality>/panel/pomysly/ (namespace
backoffice:proposals_staff)."""

from django.urls import include, path

app_name = "proposals_staff"

urlpatterns = [
    # The call (title, introduction, themes, moderation mode) and staff intake of ideas received elsewhere.
    path("", include("strategia.proposals.staff_urls_manage")),
    # Moderation, merging, routing and answers (single and batch), exports.
    path("", include("strategia.proposals.staff_urls_moderation")),
]
