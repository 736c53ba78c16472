"""The profiles: demo (SQLite tuned for concurrent writers, not DEBUG) and production (passes check --deploy)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str, env: dict) -> subprocess.CompletedProcess:
    dropped = {"DATABASE_URL", "STRATEGIA_PROFILE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    full_env = {k: v for k, v in os.environ.items() if k not in dropped}
    full_env.update(env)
    full_env["PYTHONPATH"] = str(ROOT / "src")
    full_env["DJANGO_SETTINGS_MODULE"] = "strategia.config.settings"
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def test_demo_profile_is_sqlite_without_debug_with_whitenoise(tmp_path):
    code = ("import django, json; django.setup(); from django.conf import settings as s;"
            "print(json.dumps({'debug': s.DEBUG, 'engine': s.DATABASES['default']['ENGINE'],"
            "'storage': s.STORAGES['staticfiles']['BACKEND'], 'demo': s.DEMO_MODE,"
            "'mw': 'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE}))")
    result = _run(code, {"STRATEGIA_PROFILE": "demo", "DATABASE_URL": f"sqlite:///{tmp_path}/d.sqlite3"})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == {"debug": False, "engine": "django.db.backends.sqlite3",
                    "storage": "whitenoise.storage.CompressedManifestStaticFilesStorage", "demo": True, "mw": True}


def test_sqlite_is_configured_for_concurrent_writers(tmp_path):
    code = ("import django, json; django.setup(); from django.db import connection;"
            "c = connection.cursor(); c.execute('PRAGMA journal_mode'); mode = c.fetchone()[0];"
            "c.execute('PRAGMA busy_timeout'); timeout = c.fetchone()[0];"
            "print(json.dumps({'mode': mode, 'timeout': timeout,"
            "'tx': connection.settings_dict['OPTIONS']['transaction_mode']}))")
    result = _run(code, {"STRATEGIA_PROFILE": "demo", "DATABASE_URL": f"sqlite:///{tmp_path}/c.sqlite3"})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["mode"] == "wal"
    assert data["timeout"] >= 5000
    assert data["tx"] == "IMMEDIATE"


def test_production_profile_passes_check_deploy():
    env = {
        "STRATEGIA_PROFILE": "production",
        "SECRET_KEY": "k" * 20 + "9f8e7d6c5b4a3-2_1+0=zyxwvutsrqponmlkjihgfedcba",
        "DATABASE_URL": "postgres://strategia:secret@127.0.0.1:5432/strategia",
        "ALLOWED_HOSTS": "strategia.example.org",
        "SITE_URL": "https://strategia.example.org",
    }
    code = ("import sys; from django.core.management import execute_from_command_line;"
            "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])")
    result = _run(code, env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _run("import django; django.setup()", {"STRATEGIA_PROFILE": "production",
                                                    "DATABASE_URL": "postgres://x@127.0.0.1/x"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_requires_totp_for_staff():
    env = {"STRATEGIA_PROFILE": "production", "SECRET_KEY": "s" * 60,
           "DATABASE_URL": "postgres://x@127.0.0.1/x", "ALLOWED_HOSTS": "a.example",
           "SITE_URL": "https://a.example"}
    result = _run("import django; django.setup(); from django.conf import settings as s;"
                  "print(s.STRATEGIA_REQUIRE_STAFF_MFA, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE)", env)
    assert result.stdout.split() == ["True", "True", "True"]
