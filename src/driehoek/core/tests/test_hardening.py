"""Production hardening: Django's deploy checks, security headers, the CSP, and no known secrets."""

import json
import os
import re
import secrets
import subprocess
import sys

from django.conf import settings
from django.urls import reverse

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "driehoek.conf.production",
    "SECRET_KEY": secrets.token_urlsafe(50),  # random: production refuses a key written in the repository
    "ALLOWED_HOSTS": "driehoek.example.nl",
}

# Set by the test session, but not by a production machine.
LEFT_OUT = {"DEBUG", "DRIEHOEK_ENVIRONMENT", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _run(args: list[str], env: dict, tmp_path) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in LEFT_OUT}
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env={**clean, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_finds_nothing_under_production_settings(tmp_path):
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_keys_from_the_repository_and_short_keys(tmp_path):
    for key in ("dev-only-not-secret", "test-only-not-secret", "kort"):
        result = _run(["manage.py", "check"], {**PRODUCTION_ENV, "SECRET_KEY": key}, tmp_path)
        assert result.returncode != 0 and "SECRET_KEY must be a long random value" in result.stderr, key


# A long key that is written here, in the repository, and therefore no secret.
KEY_IN_THE_REPOSITORY = "dit-is-geen-geheim-want-het-staat-in-de-repository-0123456789abcdef"


def test_production_refuses_any_key_that_appears_in_the_repository(tmp_path):
    result = _run(["manage.py", "check"], {**PRODUCTION_ENV, "SECRET_KEY": KEY_IN_THE_REPOSITORY}, tmp_path)
    assert result.returncode != 0, result.stdout
    assert "SECRET_KEY appears in the repository (src/driehoek/core/tests/test_hardening.py)" in result.stderr


def test_the_key_scan_finds_a_key_anywhere_in_the_tree(tmp_path):
    from driehoek.conf.keys import found_in_repository

    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "bench.py").write_text('KEY = "een-sleutel-van-de-benchmark-die-iedereen-kan-lezen-123"')
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "x").write_text("nog-een-sleutel-alleen-in-de-virtualenv-die-niet-telt-12345")
    assert found_in_repository("een-sleutel-van-de-benchmark-die-iedereen-kan-lezen-123", tmp_path).name == "bench.py"
    assert found_in_repository("nog-een-sleutel-alleen-in-de-virtualenv-die-niet-telt-12345", tmp_path) is None


PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client()
plain = client.get("/inloggen/", headers={"host": "driehoek.example.nl"})
page = client.get("/inloggen/", secure=True, headers={"host": "driehoek.example.nl"})
from django.conf import settings
print(json.dumps({
    "plain": [plain.status_code, plain.headers.get("Location")],
    "headers": dict(page.headers),
    "csrf_secure": bool(page.cookies["csrftoken"]["secure"]),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY,
}))
"""


def test_production_sends_hsts_csp_frame_protection_and_secure_cookies(tmp_path):
    result = _run(["-c", PROBE], {**PRODUCTION_ENV, "PYTHONPATH": str(settings.SRC_DIR.parent)}, tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["plain"] == [301, "https://driehoek.example.nl/inloggen/"]
    headers = found["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    _assert_strict_csp(headers["Content-Security-Policy"])
    assert found["csrf_secure"] and found["session_secure"] and found["session_httponly"]


def _assert_strict_csp(policy: str) -> None:
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["default-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert re.fullmatch(r"'self' 'nonce-[\w+/=-]+'", directives["script-src"])
    assert directives["frame-ancestors"] == "'none'"
    # No <base> may redirect relative links and scripts; forms post only to Driehoek (issue 15).
    assert directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'self'"


def test_the_csp_is_on_in_tests_too(client):
    _assert_strict_csp(client.get(reverse("login")).headers["Content-Security-Policy"])


def test_no_inline_style_or_script_in_the_pages_templates():
    """What the CSP would block: style attributes and elements, event handlers, inline scripts.
    The PDF templates are rendered by WeasyPrint on the server, not served to a browser."""
    bad = re.compile(r"""\sstyle\s*=|<style|\son[a-z]+\s*=|<script(?![^>]*\ssrc=)|javascript:""", re.IGNORECASE)
    found, checked = [], 0
    for template in sorted(settings.SRC_DIR.rglob("templates/**/*.html")):
        if template.name.endswith("_pdf.html"):
            continue
        checked += 1
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if bad.search(line):
                found.append(f"{template.relative_to(settings.SRC_DIR)}:{number}: {line.strip()[:80]}")
    assert checked > 40
    assert found == []


def test_no_secret_in_the_repository():
    """Outside the tests, the only literal password is the development demo users' (documented, and
    refused in production); no private keys anywhere. Dev and test SECRET_KEYs are set with
    setdefault and refused by production (test above)."""
    assignment = re.compile(r"""(secret|password|passwd|token|api_key)\w*\s*[=:]\s*["'][^"'{}%]{6,}["']""", re.I)
    private_key = "PRIVATE" + " KEY-----"  # split, so that this file does not find itself
    found, scanned = [], 0
    roots = [settings.SRC_DIR, settings.BASE_DIR / "scripts", settings.BASE_DIR / "docs"]
    files = [f for root in roots for f in root.rglob("*") if f.is_file() and f.suffix in {".py", ".sh", ".md", ".html"}]
    files += [settings.BASE_DIR / name for name in ("Makefile", "pyproject.toml", "README.md")]
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        scanned += 1
        if private_key in text:
            found.append(f"{path}: private key")
        if "tests" in path.parts:
            continue
        for line in text.splitlines():
            match = assignment.search(line)
            # A constant that names itself (MANAGE_API_KEYS = "manage_api_keys") is no secret.
            named_after_itself = (
                match and match.group(0).split("=")[-1].strip(" \"'").lower() in line.lower().split("=")[0].lower()
            )
            if (
                match
                and not named_after_itself
                and not line.startswith("DEMO_PASSWORD = ")
                and "SECRETARIS" not in line
            ):
                found.append(f"{path}: {match.group(0)[:60]}")
    assert scanned > 100
    assert found == []
