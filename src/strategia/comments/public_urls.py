"""Public comment pages and actions (included by comments/urls.py, namespace comments, /<municipality>/komentarze/)."""

from django.urls import path

from strategia.comments import views

urlpatterns = [
    # The discussion of one target (also where the form returns with errors when JavaScript is off).
    path("<slug:kind>/<int:target_id>/", views.thread, name="thread"),
    path("<slug:kind>/<int:target_id>/dodaj/", views.create, name="create"),
    path("<int:comment_id>/odpowiedz/", views.reply, name="reply"),
    path("<int:comment_id>/edytuj/", views.edit, name="edit"),
    path("<int:comment_id>/zglos/", views.flag, name="flag"),
]
