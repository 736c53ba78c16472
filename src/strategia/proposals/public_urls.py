"""URL fragment (included by its app's urls module; no namespace of its own): the public list, map, an idea's page,
supports, attachments and the public summary, under /<municipality>/<process>/pomysly/."""

from django.urls import path

from strategia.proposals import public_views as views

urlpatterns: list = [
    path("", views.call_index, name="index"),
    path("<int:call_id>/", views.proposal_list, name="list"),
    path("<int:call_id>/mapa/", views.proposal_map, name="map"),
    path("<int:call_id>/mapa.json", views.proposal_map_data, name="map_data"),
    path("<int:call_id>/podsumowanie/", views.summary, name="summary"),
    path("<int:call_id>/<int:proposal_id>/", views.proposal_detail, name="detail"),
    path("<int:call_id>/<int:proposal_id>/popieram/", views.support, name="support"),
    path("<int:call_id>/<int:proposal_id>/zalaczniki/<int:attachment_id>/", views.attachment, name="attachment"),
]
