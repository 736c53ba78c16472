"""Back-office pages of the consultation, mounted under /<municipality>/panel/konsultacje/ (namespace
backoffice:consultation_staff)."""

from django.urls import path

from strategia.consultation import staff_views

app_name = "consultation_staff"

urlpatterns = [
    path("<slug:process_slug>/", staff_views.consultation_list, name="list"),
    path("<slug:process_slug>/<int:consultation_id>/", staff_views.consultation_detail, name="detail"),
    path("<slug:process_slug>/<int:consultation_id>/przyjmij/", staff_views.submission_intake, name="intake"),
    path("<slug:process_slug>/<int:consultation_id>/import/", staff_views.import_upload, name="import"),
    path("<slug:process_slug>/<int:consultation_id>/import/wzor.xlsx", staff_views.import_template,
         name="import_template"),
    path("<slug:process_slug>/<int:consultation_id>/import/zatwierdz/", staff_views.import_confirm,
         name="import_confirm"),
]
