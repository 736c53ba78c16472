"""Back-office pages of processes and their harmonogram (namespace backoffice:processes_staff)."""

from django.urls import path

from strategia.processes import staff_views as views

app_name = "processes_staff"

urlpatterns = [
    path("nowy/", views.process_create, name="create"),
    path("<slug:process_slug>/", views.process_detail, name="detail"),
    path("<slug:process_slug>/ustawienia/", views.process_settings, name="settings"),
    path("<slug:process_slug>/dzialania/<int:activity_id>/", views.activity_edit, name="activity_edit"),
    path("<slug:process_slug>/dzialania/<int:activity_id>/termin/", views.activity_plan, name="activity_plan"),
    path("<slug:process_slug>/uchwaly/nowa/", views.resolution_create, name="resolution_create"),
    path("<slug:process_slug>/zmiany/<int:change_id>/wycofaj/", views.schedule_change_withdraw,
         name="change_withdraw"),
    path("<slug:process_slug>/uchwala-w-sprawie-trybu.docx", views.resolution_docx_download,
         name="resolution_docx"),
]
