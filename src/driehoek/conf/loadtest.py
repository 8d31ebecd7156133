"""Production settings over plain HTTP on the loopback, with the demo users: only for `make loadtest`
(scripts/loadtest.py), which runs gunicorn and PostgreSQL on 127.0.0.1 and nothing else."""

import os

os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")

from .production import *  # noqa: E402,F403

DEMO_USERS_ALLOWED = True
SESSION_COOKIE_SECURE = False  # plain HTTP on 127.0.0.1
CSRF_COOKIE_SECURE = False
