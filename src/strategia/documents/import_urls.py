"""Word import pages (included by documents/staff_urls.py)."""

urlpatterns: list = []
