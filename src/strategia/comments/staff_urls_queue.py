"""The moderation queue of comments (included by comments/staff_urls.py, namespace backoffice:comments_staff,
/<municipality>/panel/komentarze/)."""

from django.urls import path

from strategia.comments import staff_views

urlpatterns = [
    path("", staff_views.queue, name="queue"),
    path("<int:comment_id>/ukryj/", staff_views.hide, name="hide"),
    path("<int:comment_id>/przywroc/", staff_views.restore, name="restore"),
]
