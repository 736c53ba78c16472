"""The one settings module. Everything that differs between installations comes from the environment.

Profiles (``STRATEGIA_PROFILE``):

* ``demo`` – what ``make run`` serves: SQLite, not DEBUG, WhiteNoise, mail stored in the database, banner.
* ``production`` – needs ``DATABASE_URL``, ``SECRET_KEY`` and ``ALLOWED_HOSTS``; HTTPS settings on; TOTP
  required for municipality roles. Passes ``manage.py check --deploy``.
* ``test`` – what the suite uses (``DATABASE_URL`` picks PostgreSQL or SQLite).
* ``dev`` – DEBUG on, for a developer's laptop.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[3]
SRC_DIR = BASE_DIR / "src" / "strategia"


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PROFILE = env("STRATEGIA_PROFILE", "dev")
if PROFILE not in {"demo", "production", "test", "dev"}:
    raise ImproperlyConfigured(f"STRATEGIA_PROFILE must be demo, production, test or dev, not {PROFILE!r}")
IS_PRODUCTION = PROFILE == "production"
DEMO_MODE = env_bool("STRATEGIA_DEMO_BANNER", PROFILE == "demo")

DEBUG = env_bool("DEBUG", PROFILE == "dev")

if IS_PRODUCTION:
    SECRET_KEY = env("SECRET_KEY")
    if not SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Production needs SECRET_KEY of at least 50 random characters.")
else:
    SECRET_KEY = env("SECRET_KEY", "insecure-local-key-only-for-demo-and-tests-" + "x" * 20)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if IS_PRODUCTION else "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
    "strategia.core",
    "strategia.accounts",
    "strategia.processes",
    "strategia.news",
    "strategia.portal",
    "strategia.backoffice",
    "strategia.documents",
    "strategia.consultation",
    "strategia.comments",
    "strategia.proposals",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "strategia.core.middleware.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "strategia.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "strategia.core.middleware.MunicipalityMiddleware",
    "strategia.accounts.middleware.RequireSecondFactorMiddleware",
]

ROOT_URLCONF = "strategia.config.urls"
WSGI_APPLICATION = "strategia.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "strategia.core.context_processors.site",
            ],
            "builtins": ["django.templatetags.i18n", "django.templatetags.static"],
        },
    }
]

# --- Database -------------------------------------------------------------------------------------------
# SQLite is the embedded default. Under gunicorn workers plus the task worker it needs WAL, IMMEDIATE
# transactions and a busy timeout or concurrent writers fail with "database is locked".
DEFAULT_SQLITE = BASE_DIR / "var" / "strategia.sqlite3"
DATABASE_URL = env("DATABASE_URL") or ("" if IS_PRODUCTION else f"sqlite:///{DEFAULT_SQLITE}")
if not DATABASE_URL:
    raise ImproperlyConfigured("Production needs DATABASE_URL (postgres://user:password@host:5432/name).")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env("SQLITE_TEST_NAME", "")} if env("SQLITE_TEST_NAME") else {}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "root"
LOGOUT_REDIRECT_URL = "root"

# --- django-allauth: e-mail login, verification, reset, throttling, TOTP ---------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Strategia] "
ACCOUNT_RATE_LIMITS = {
    # Login throttling: failed logins per IP and per account (allauth's own limiter, cache-backed).
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_ADAPTER = "strategia.accounts.adapters.AccountAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Strategia"
# Municipality roles must have TOTP in production (issue #2, point 10).
STRATEGIA_REQUIRE_STAFF_MFA = env_bool("STRATEGIA_REQUIRE_STAFF_MFA", IS_PRODUCTION)

# --- Languages and time ---------------------------------------------------------------------------------
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
# Our catalogue, preceded by formal-register overrides of third-party strings (django-allauth's Polish is
# informal); makemessages never touches the overrides.
LOCALE_PATHS = [SRC_DIR / "locale_overrides", SRC_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Warsaw"
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [SRC_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PROFILE in {"demo", "production"}
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# --- Mail -----------------------------------------------------------------------------------------------
# Demo and dev store every message in the database; staff read them on "Wysłane e-maile".
# Production sends through SMTP (and still stores a copy through the same backend).
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Strategia <strategia@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MAILERS = {
    "default": {
        "BACKEND": "strategia.core.mail.StoringEmailBackend",
        "OPTIONS": {
            "deliver_with": env(
                "EMAIL_DELIVERY_BACKEND",
                "django.core.mail.backends.smtp.EmailBackend" if IS_PRODUCTION else "",
            ),
            "deliver_options": {
                "host": env("EMAIL_HOST", "localhost"),
                "port": int(env("EMAIL_PORT", "587")),
                "username": env("EMAIL_HOST_USER", ""),
                "password": env("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        },
    }
}

# --- Background tasks -----------------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if PROFILE in {"test", "dev"} and not env_bool("STRATEGIA_DB_TASKS", False)
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# --- Cache (rate limits). Redis when REDIS_URL is set, else the database-free local memory cache. -------
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Security -------------------------------------------------------------------------------------------
# Strict CSP with nonces: no inline scripts or styles anywhere; htmx is configured by a <meta> tag not to
# inject its indicator styles nor to evaluate code (see STACK.md).
MAP_TILE_URL = env("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
_tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]) if MAP_TILE_URL.startswith("http") else None
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"] + ([_tile_origin] if _tile_origin else []),
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the meta tag, not the cookie
SESSION_COOKIE_SAMESITE = "Lax"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]  # the operator chose not to preload HSTS
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# --- Logging --------------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING" if PROFILE == "test" else "INFO")},
    # WeasyPrint and fontTools narrate every PDF step at INFO; only their warnings matter.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

# --- Strategia ------------------------------------------------------------------------------------------
# The public address of the site, for links in e-mails, feeds and press notices.
SITE_URL = env("SITE_URL", "" if IS_PRODUCTION else "http://127.0.0.1:8000")
if IS_PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("Production needs SITE_URL=https://… (links in e-mails, one-click unsubscribe).")
# How often `make run` runs the periodic jobs (seconds).
PERIODIC_INTERVAL_SECONDS = int(env("PERIODIC_INTERVAL_SECONDS", "60"))
# Coordinators' dashboard: "what needs doing next" window.
DASHBOARD_HORIZON_DAYS = 14

if PROFILE == "test":
    # Fast hashing in tests only.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
