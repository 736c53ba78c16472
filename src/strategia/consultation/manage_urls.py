"""URL fragment (included by staff_urls.py or urls.py; no namespace of its own)."""

urlpatterns: list = []
