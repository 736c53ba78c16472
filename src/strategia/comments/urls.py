"""Public comment actions: /<municipality>/komentarze/… (namespace comments)."""

from django.urls import include, path

app_name = "comments"

urlpatterns = [path("", include("strategia.comments.public_urls"))]
