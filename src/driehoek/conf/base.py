"""Settings shared by every environment; dev.py, test.py and production.py set their defaults first."""

from pathlib import Path

import dj_database_url

from django.utils.csp import CSP

from .env import config

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

DATABASES = {
    "default": dj_database_url.parse(
        config(
            "DATABASE_URL",
            f"sqlite:///{VAR_DIR / 'driehoek.sqlite3'}",
            help="Database to use: sqlite:///path or postgres://user:password@host:port/name.",
        ),
        conn_max_age=config("DB_CONN_MAX_AGE", 60, cast=int, help="Seconds a PostgreSQL connection is kept open."),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Several web processes may write at once: wait instead of failing on a locked database.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
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
    "driehoek.core",
    "driehoek.accounts",
    "driehoek.register",
    "driehoek.monitoring",
    "driehoek.cycle",
    "driehoek.figures",
    "driehoek.reports",
    "driehoek.api",
    "driehoek.importer",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "driehoek.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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
SESSION_COOKIE_AGE = config("SESSION_COOKIE_AGE", 8 * 3600, cast=int, help="Seconds a log-in session lasts.")
SESSION_COOKIE_HTTPONLY = True

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

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
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
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "driehoek_cache"}}

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
SITE_URL = config("SITE_URL", "http://127.0.0.1:8000", help="Public base URL, used in e-mails and calendar feeds.")

# Demo users with a known password: only where the environment allows it (dev), never production.
DEMO_USERS_ALLOWED = False
DEMO_PASSWORD = "driehoek-demo-2026"
