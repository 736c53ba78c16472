from django.urls import include, path

from strategia.backoffice import views

app_name = "backoffice"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("procesy/", include("strategia.processes.staff_urls")),
    path("aktualnosci/", include("strategia.news.staff_urls")),
    path("dokumenty/", include("strategia.documents.staff_urls")),
    path("konsultacje/", include("strategia.consultation.staff_urls")),
    path("pomysly/", include("strategia.proposals.staff_urls")),
    path("komentarze/", include("strategia.comments.staff_urls")),
    path("role/", include("strategia.accounts.staff_urls")),
    path("strony/", include("strategia.portal.staff_urls")),
    path("wyslane-e-maile/", views.email_list, name="emails"),
    path("wyslane-e-maile/<int:email_id>/", views.email_detail, name="email_detail"),
    path("dziennik-zdarzen/", views.audit_log, name="audit"),
    path("dane-gminy/", views.municipality_edit, name="municipality"),
]
