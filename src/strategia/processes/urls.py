from django.urls import path

from strategia.processes import views

app_name = "processes"

urlpatterns = [
    path("<slug:process_slug>/harmonogram/", views.schedule, name="schedule"),
    path("<slug:process_slug>/harmonogram/<int:activity_id>/", views.activity_detail, name="activity"),
]
