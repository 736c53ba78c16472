"""Back-office pages of the consultation, mounted under /<municipality>/panel/konsultacje/ (namespace
backoffice:consultation_staff)."""

from django.urls import include, path

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
    # Managing the consultation (settings, announcement, extension, meetings, announcement files).
    path("", include("strategia.consultation.manage_urls")),
    # Screening, assignment and answers to remarks; the progress view.
    path("", include("strategia.consultation.review_urls")),
    # The report: generation, downloads, publication.
    path("", include("strategia.consultation.report_urls")),
    # Addressees of art. 6 ust. 3, letters and the dispatch log.
    path("", include("strategia.consultation.addressee_urls")),
]
