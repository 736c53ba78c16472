"""`make run` collects the static files with the demo's manifest storage: every file (our own and the vendored
Leaflet) must resolve what it references, or collectstatic stops the demo from starting."""

from django.core.management import call_command


def test_collectstatic_with_the_manifest_storage_succeeds(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

    call_command("collectstatic", interactive=False, verbosity=0)

    assert (tmp_path / "staticfiles.json").exists()
    assert list((tmp_path / "vendor" / "leaflet").glob("leaflet.*.js"))
