"""Sending an idea, the confirmation and the tracking page (included by urls.py, namespace proposals)."""

from django.urls import path

from strategia.proposals import submit_views

urlpatterns: list = [
    path("<int:call_id>/zglos/", submit_views.submit, name="submit"),
    path("<int:call_id>/zglos/przyjeto/", submit_views.submitted, name="submitted"),
    path("sledzenie/<str:token>/", submit_views.tracking, name="tracking"),
]
