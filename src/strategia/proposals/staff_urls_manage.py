"""Staff intake of ideas received outside the platform (included by staff_urls.py, namespace
backoffice:proposals_staff)."""

from django.urls import path

from strategia.proposals import intake_views

urlpatterns: list = [
    path("<slug:process_slug>/<int:call_id>/przyjmij/", intake_views.intake, name="intake"),
]
