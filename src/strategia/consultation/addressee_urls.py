"""URL fragment (included by staff_urls.py under backoffice:consultation_staff): the addressees of art. 6 ust. 3
u.z.p.p.r., the dispatch log, the proof files and the letters."""

from django.urls import path

from strategia.consultation import addressee_views as views

BASE = "<slug:process_slug>/<int:consultation_id>/adresaci/"

urlpatterns = [
    path(BASE, views.addressee_list, name="addressees"),
    path(f"{BASE}dodaj/", views.addressee_create, name="addressee_create"),
    path(f"{BASE}dodaj-wielu/", views.addressee_bulk_create, name="addressee_bulk_create"),
    path(f"{BASE}pisma.docx", views.letters_bundle_docx, name="letters_docx"),
    path(f"{BASE}<int:addressee_id>/edytuj/", views.addressee_edit, name="addressee_edit"),
    path(f"{BASE}<int:addressee_id>/usun/", views.addressee_delete, name="addressee_delete"),
    path(f"{BASE}<int:addressee_id>/wysylka/", views.dispatch_record, name="dispatch_record"),
    path(f"{BASE}<int:addressee_id>/pismo.docx", views.letter_docx, name="letter_docx"),
    path(f"{BASE}wysylka/<int:dispatch_id>/odbior/", views.dispatch_receipt, name="dispatch_receipt"),
    path(f"{BASE}wysylka/<int:dispatch_id>/<slug:proof>/", views.dispatch_proof, name="dispatch_proof"),
]
