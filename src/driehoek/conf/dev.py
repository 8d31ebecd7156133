import os

os.environ.setdefault("DRIEHOEK_ENVIRONMENT", "dev")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *  # noqa: E402,F403

DEMO_USERS_ALLOWED = True

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
