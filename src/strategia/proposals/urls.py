"""Public pages of the call for ideas: /<municipality>/<process>/pomysly/… (namespace proposals)."""

from django.urls import include, path

app_name = "proposals"

urlpatterns = [
    # Submitting an idea, the confirmation and the tracking page ("what happened to my idea").
    path("", include("strategia.proposals.submit_urls")),
    # The list, the map, an idea's page, supports, the public summary.
    path("", include("strategia.proposals.public_urls")),
]
