"""Public pages of the consultation: /<municipality>/<process>/konsultacje/… (namespace consultation)."""

from django.urls import path

from strategia.consultation import views

app_name = "consultation"

urlpatterns: list = [
    path("<int:consultation_id>/uwagi/", views.remark_form, name="remark_form"),
    path("sledzenie/<str:token>/", views.tracking, name="tracking"),
]
