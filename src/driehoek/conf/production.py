import os

os.environ.setdefault("DRIEHOEK_ENVIRONMENT", "production")

from django.core.exceptions import ImproperlyConfigured  # noqa: E402

from .base import *  # noqa: E402,F403
from .keys import found_in_repository  # noqa: E402

DEMO_USERS_ALLOWED = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", True, cast=bool, help="Redirect plain HTTP to HTTPS (production).")  # noqa: F405
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000, cast=int, help="HSTS max-age in seconds (production).")  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = config(  # noqa: F405
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", True, cast=bool, help="HSTS also for every subdomain (production)."
)
SECURE_HSTS_PRELOAD = config(  # noqa: F405
    "SECURE_HSTS_PRELOAD", True, cast=bool, help="Allow the site on the browsers' HSTS preload list (production)."
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The development and test keys are in the repository, so they are no secret (docs/security.md).
KNOWN_KEYS = {"dev-only-not-secret", "test-only-not-secret"}

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if SECRET_KEY in KNOWN_KEYS or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be a long random value of your own (50 characters or more).")
if where := found_in_repository(SECRET_KEY, BASE_DIR):  # noqa: F405
    raise ImproperlyConfigured(
        f"SECRET_KEY appears in the repository ({where.relative_to(BASE_DIR)}), so it is no secret: "  # noqa: F405
        "use a long random value of your own."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production.")
