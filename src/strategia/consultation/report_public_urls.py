"""URL fragment (included by urls.py; no namespace of its own)."""

urlpatterns: list = []
