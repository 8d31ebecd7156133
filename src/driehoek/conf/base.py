"""Settings shared by every environment; dev.py, test.py and production.py set their defaults first."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from django.utils.csp import CSP

from .env import config
from .proxies import proxy_settings

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(
    config(
        "DRIEHOEK_VAR_DIR", BASE_DIR / "var", help="Folder for the SQLite database, uploads and other runtime files."
    )
)
DATA_DIR = BASE_DIR / "data"

ENVIRONMENT = config(
    "DRIEHOEK_ENVIRONMENT", "production", help="dev, test or production; production refuses unsafe defaults."
)
DEBUG = config("DEBUG", False, cast=bool, help="Django's debug mode; never on in production.")
SERVER_TIMING = config(
    "SERVER_TIMING",
    ENVIRONMENT != "production",
    cast=bool,
    help="Send a Server-Timing header (durations); off in production unless a benchmark turns it on.",
)
SECRET_KEY = config("SECRET_KEY", None, help="Django's secret key; required in production.")
ALLOWED_HOSTS = config(
    "ALLOWED_HOSTS", [], cast=list, help="Comma-separated host names this site answers to; required in production."
)
CSRF_TRUSTED_ORIGINS = config(
    "CSRF_TRUSTED_ORIGINS",
    [],
    cast=list,
    help="Comma-separated origins (https://host) trusted for forms behind a proxy.",
)

# Several web processes may write at once: wait instead of failing on a locked database. In WAL
# mode readers never block the writer, nor the writer the readers (docs/adr/0090).
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL",
}
DATABASES = {
    "default": dj_database_url.parse(
        config(
            "DATABASE_URL",
            f"sqlite:///{VAR_DIR / 'driehoek.sqlite3'}",
            help="Database to use: sqlite:///path or postgres://user:password@host:port/name.",
        ),
        conn_max_age=config("DB_CONN_MAX_AGE", 60, cast=int, help="Seconds a database connection is kept open."),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open too: a new SQLite connection per request parses the schema and starts with an empty
    # page cache, 5 to 7 ms a request that grew with the size of the file (docs/adr/0192).
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    # A kept connection is checked before each request, so that after a database restart every
    # web process reconnects instead of failing one request each; an unreachable database is
    # reported within seconds instead of hanging (docs/loadtest.md).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "mozilla_django_oidc",
    "driehoek.core",
    "driehoek.accounts",
    "driehoek.register",
    "driehoek.monitoring",
    "driehoek.cycle",
    "driehoek.figures",
    "driehoek.reports",
    "driehoek.api",
    "driehoek.importer",
    "driehoek.bod",
    "driehoek.jaarprogramma",
    "driehoek.ondertekening",
    "driehoek.vergelijken",
    "django_tasks_db",
]

MIDDLEWARE = [
    "driehoek.core.middleware.ServerTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "driehoek.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "driehoek.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lockout page.
    "axes.middleware.AxesMiddleware",
    "driehoek.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "driehoek.conf.urls"
WSGI_APPLICATION = "driehoek.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user before the password is checked
    "driehoek.accounts.backends.UserBackend",  # Django's ModelBackend, the user loaded with their party (ADR 165)
    "driehoek.accounts.oidc.DriehoekOIDCBackend",  # does nothing unless OIDC_RP_CLIENT_ID is set
]
SESSION_COOKIE_AGE = config(
    "SESSION_COOKIE_AGE", 8 * 3600, cast=int, help="Seconds a log-in session lasts, also when the browser stays open."
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = config(
    "SESSION_EXPIRE_AT_BROWSER_CLOSE", True, cast=bool, help="End the log-in session when the browser closes."
)
SESSION_COOKIE_HTTPONLY = True
PASSWORD_RESET_TIMEOUT = 3600  # the e-mail says "een uur"

# Lockout after repeated failed log-ins (django-axes), per user name; docs/adr/0030.
AXES_FAILURE_LIMIT = config(
    "AXES_FAILURE_LIMIT", 5, cast=int, help="Failed log-ins for one user name before it is locked for a while."
)
AXES_COOLOFF_TIME = timedelta(
    minutes=config("AXES_COOLOFF_MINUTES", 15, cast=int, help="Minutes a locked user name waits before trying again.")
)
# The user name from one address: a guesser is stopped, the real user elsewhere is not locked out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
REVERSE_PROXIES = config(
    "AXES_IPWARE_PROXY_COUNT",
    0,
    cast=int,
    help="Number of reverse proxies in front of Driehoek; above 0 the client address is read from X-Forwarded-For.",
)
# The same client address for the lockout (django-axes through django-ipware) and the API's rate
# limits (django-ninja); docs/adr/0091.
_proxies = proxy_settings(REVERSE_PROXIES)
AXES_IPWARE_PROXY_COUNT = _proxies["AXES_IPWARE_PROXY_COUNT"]
AXES_IPWARE_META_PRECEDENCE_ORDER = _proxies["AXES_IPWARE_META_PRECEDENCE_ORDER"]
IPWARE_STRICT = _proxies["IPWARE_STRICT"]
NINJA_NUM_PROXIES = _proxies["NINJA_NUM_PROXIES"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "driehoek.accounts.views.vergrendeld"
AXES_WHITELIST_CALLABLE = "driehoek.accounts.oidc.not_a_password_log_in"
AXES_VERBOSE = False
# Failed attempts are kept until the cool-off ends; successful log-ins (address, browser) are not
# logged at all: personal data only where it serves a purpose.
AXES_DISABLE_ACCESS_LOG = True

# Two-factor log-in (django-otp): always required for secretaris, beheerder and staff; docs/adr/0031.
OTP_TOTP_ISSUER = "Driehoek"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # no key or QR code in any admin page (issue 20)

# Optional single sign-on with OpenID Connect (mozilla-django-oidc); off unless a client id is given.
OIDC_RP_CLIENT_ID = config("OIDC_RP_CLIENT_ID", "", help="Client id at the OpenID Connect provider; empty: no SSO.")
OIDC_RP_CLIENT_SECRET = config("OIDC_RP_CLIENT_SECRET", "", help="Client secret at the OpenID Connect provider.")
OIDC_OP_AUTHORIZATION_ENDPOINT = config("OIDC_OP_AUTHORIZATION_ENDPOINT", "", help="Provider's authorize URL.")
OIDC_OP_TOKEN_ENDPOINT = config("OIDC_OP_TOKEN_ENDPOINT", "", help="Provider's token URL.")
OIDC_OP_USER_ENDPOINT = config("OIDC_OP_USER_ENDPOINT", "", help="Provider's userinfo URL.")
OIDC_OP_JWKS_ENDPOINT = config("OIDC_OP_JWKS_ENDPOINT", "", help="Provider's JWKS URL (keys for RS256).")
OIDC_RP_SIGN_ALGO = config("OIDC_RP_SIGN_ALGO", "RS256", help="Algorithm of the provider's id_token signature.")
OIDC_PROVIDER_NAME = config(
    "OIDC_PROVIDER_NAME", "uw organisatie", help="Name on the log-in button, e.g. 'Gemeente Aa en Hunze'."
)
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_SCOPES = "openid email"
OIDC_CREATE_USER = False  # only people who already have a Driehoek account (matched by e-mail) get in
OIDC_USE_PKCE = True
LOGIN_REDIRECT_URL_FAILURE = "/inloggen/"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [SRC_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": VAR_DIR / "media"}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploads: stored under VAR_DIR/media, which no URL serves; files leave only through views that
# ask the policy, as attachments. Sizes in MB, with a Dutch message when a file is too big.
UPLOAD_MAX_MB = {
    "figures": config("UPLOAD_MAX_MB_FIGURES", 200, cast=int, help="Largest figures upload (CSV or XLSX) in MB."),
    "attachment": config("UPLOAD_MAX_MB_ATTACHMENT", 10, cast=int, help="Largest attachment to a value in MB."),
}
# A table (CSV or XLSX) is refused as soon as it passes one of these, before it is stored: a
# small XLSX may state a sheet of a million rows (issue 15, finding 4).
UPLOAD_TABLE_LIMITS = {
    "rows": config("UPLOAD_MAX_ROWS", 500_000, cast=int, help="Most rows in a figures upload."),
    "columns": config("UPLOAD_MAX_COLUMNS", 50, cast=int, help="Most columns in a row of a figures upload."),
    "cells": config("UPLOAD_MAX_CELLS", 5_000_000, cast=int, help="Most cells in a figures upload."),
    "sheet_mb": config("UPLOAD_MAX_SHEET_MB", 500, cast=int, help="Largest unpacked part of an XLSX upload, in MB."),
}
# Bounds on one document read in by the importer (importer/limits.py): it refuses more, with a message.
IMPORTER_MAX_PAGES = config("IMPORTER_MAX_PAGES", 600, cast=int, help="Most pages of a document the importer reads.")
IMPORTER_MAX_CHARACTERS = config(
    "IMPORTER_MAX_CHARACTERS", 3_000_000, cast=int, help="Most characters of text the importer reads in one document."
)
IMPORTER_MAX_SECONDS = config(
    "IMPORTER_MAX_SECONDS", 60, cast=int, help="Seconds after which the importer stops reading one document."
)
DATA_UPLOAD_MAX_MEMORY_SIZE = config(
    "DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440, cast=int, help="Largest request body without files, in bytes."
)
FILE_UPLOAD_MAX_MEMORY_SIZE = config(
    "FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440, cast=int, help="Uploads larger than this go to a temporary file (bytes)."
)
FILE_UPLOAD_PERMISSIONS = 0o640
# History is read-only in the admin: no revert to an old version (docs/adr/0041).
SIMPLE_HISTORY_REVERT_DISABLED = True

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config("LOG_LEVEL", "INFO", help="Log level of the root logger.")},
}

# Shared by every web process (the API's rate limits): a table in the database.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "driehoek_cache"},
    # Per process, in front of the shared one: the monitoringstabels this process served last
    # (monitoring/tabelcache.py, docs/adr/0201), about 80 kB each at national scale.
    "recent": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "recent",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 32},
    },
}

# Background work: Django's tasks framework with a database-backed queue (worker: manage.py db_worker).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

_mail_backend = config(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend",
    help="Django e-mail backend (console in development).",
)
_smtp = {
    "host": config("EMAIL_HOST", "localhost", help="SMTP server for reminders."),
    "port": config("EMAIL_PORT", 25, cast=int, help="SMTP port."),
    "username": config("EMAIL_HOST_USER", "", help="SMTP user name."),
    "password": config("EMAIL_HOST_PASSWORD", "", help="SMTP password."),
    "use_tls": config("EMAIL_USE_TLS", False, cast=bool, help="Use STARTTLS for SMTP."),
}
_is_smtp = _mail_backend.endswith(".smtp.EmailBackend")
MAILERS = {"default": {"BACKEND": _mail_backend, "OPTIONS": _smtp if _is_smtp else {}}}
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", "driehoek@localhost", help="Sender of reminders.")
# The public address; empty: links are built from the address a request came in on (core.urls.site_url).
SITE_URL = config(
    "DRIEHOEK_SITE_URL",
    "",
    help="Public base URL (https://driehoek.example.nl) for calendar links and e-mails; empty: the request's address",
)

# Demo users with a known password: only where the environment allows it (dev), never production.
DEMO_USERS_ALLOWED = False
DEMO_PASSWORD = "driehoek-demo-2026"
