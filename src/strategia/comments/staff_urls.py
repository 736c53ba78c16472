"""The moderation queue of comments, mounted under /<municipality>/panel/komentarze/ (namespace
backoffice:comments_staff)."""

from django.urls import include, path

app_name = "comments_staff"

urlpatterns = [path("", include("strategia.comments.staff_urls_queue"))]
