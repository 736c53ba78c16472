"""Private uploads are never served as plain media files: Django refuses them where it serves /media/ itself (the
demo and dev profiles), and the nginx example of the operator's guide denies exactly the same folders in
production."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from strategia.config.urls import PRIVATE_MEDIA_PREFIXES

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "operator-guide.md"


def test_the_nginx_example_denies_exactly_the_private_folders():
    guide = GUIDE.read_text(encoding="utf-8")
    match = re.search(r"location ~ \^/media/\(([^)]*)\)/ \{\s*deny all;", guide)
    assert match, "the operator's guide has no deny block for the private media folders"
    assert {f"{folder}/" for folder in match.group(1).split("|")} == set(PRIVATE_MEDIA_PREFIXES)


@pytest.mark.parametrize("prefix", PRIVATE_MEDIA_PREFIXES)
def test_django_does_not_serve_a_private_file_even_with_its_exact_address(client, prefix, settings):
    name = default_storage.save(f"{prefix}tajne.pdf", ContentFile(b"%PDF-1.4 poufne"))
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404


def test_a_public_upload_is_served(client, settings, db):
    name = default_storage.save("municipality/herb.png", ContentFile(b"\x89PNG\r\n\x1a\n"))
    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 200
