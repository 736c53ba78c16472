"""Back-office pages of the news app, mounted under /<municipality>/panel/aktualnosci/ (namespace
backoffice:news_staff)."""

from django.urls import path

from strategia.news import staff_views

app_name = "news_staff"

urlpatterns = [
    path("", staff_views.staff_list, name="list"),
    path("nowa/", staff_views.staff_create, name="create"),
    path("<int:pk>/edycja/", staff_views.staff_edit, name="edit"),
    path("<int:pk>/publikuj/", staff_views.staff_publish, name="publish"),
    path("<int:pk>/usun/", staff_views.staff_delete, name="delete"),
]
