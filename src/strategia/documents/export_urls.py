"""Downloads of stored exports of frozen versions (included by documents/urls.py)."""

urlpatterns: list = []
