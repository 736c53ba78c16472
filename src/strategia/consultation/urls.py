"""Public pages of the consultation: /<municipality>/<process>/konsultacje/… (namespace consultation)."""

from django.urls import include, path

from strategia.consultation import views

app_name = "consultation"

urlpatterns: list = [
    path("<int:consultation_id>/uwagi/", views.remark_form, name="remark_form"),
    path("sledzenie/<str:token>/", views.tracking, name="tracking"),
    # The consultation's page with its announcement, meetings and the paper form.
    path("", include("strategia.consultation.manage_public_urls")),
    # The published report and the answers per paragraph.
    path("", include("strategia.consultation.report_public_urls")),
]
