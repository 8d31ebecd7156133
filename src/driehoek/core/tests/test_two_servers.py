"""Web processes keep nothing that matters in memory: two gunicorn instances on different ports share
one PostgreSQL, so a log-in, a write and a log-out through one are seen through the other, and the
daily reminder job, queued from both and run by a worker next to each, sends one digest, not two."""

import http.client
import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection
from django.utils import timezone

from driehoek.accounts.models import Partij, User
from driehoek.accounts.tests.twofactor import app_of, next_code
from driehoek.cycle.models import Actiepunt, Herinnering, Overleg
from driehoek.cycle.tasks import DIGEST
from driehoek.monitoring.models import Monitoringsjaar
from driehoek.register.models import Afsprakenset, Deelname, Gemeente

pytestmark = pytest.mark.transactional

PORTS = (8211, 8212)
PASSWORD = "twee-servers-wachtwoord"
BIN = Path(sys.executable).parent


@pytest.fixture
def shared_env(transactional_db) -> dict:
    if connection.vendor != "postgresql":
        pytest.skip(
            "Twee webservers delen hier één PostgreSQL; de SQLite-testdatabase bestaat alleen in het geheugen "
            "van dit proces. Deze test draait in de PostgreSQL-helft van make test."
        )
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "driehoek.conf.test",
        "PYTHONPATH": str(settings.SRC_DIR.parent),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }


@pytest.fixture
def servers(shared_env):
    processes = [
        subprocess.Popen(
            [BIN / "gunicorn", "driehoek.conf.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            env=shared_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in PORTS
    ]
    try:
        for port in PORTS:
            _wait_until_up(port)
        yield PORTS
    finally:
        for p in processes:
            p.terminate()
            p.wait(timeout=20)


def _wait_until_up(port: int) -> None:
    for _i in range(150):
        try:
            if _request(port, "GET", "/gezond/", {})[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn on {port} did not start")


def _request(port: int, method: str, path: str, cookies: dict, form: dict | None = None) -> tuple[int, str, dict]:
    """(status, body, cookies set) of one request; redirects are not followed."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    body = None
    if form is not None:
        from urllib.parse import urlencode

        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode()
    set_cookies = {}
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _eq, rest = header.partition("=")
        set_cookies[name] = rest.split(";", 1)[0]
    conn.close()
    return response.status, text, set_cookies


def _csrf(port: int, path: str, cookies: dict) -> str:
    status, html, new = _request(port, "GET", path, cookies)
    assert status == 200, path
    cookies.update(new)
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.fixture
def secretaris(transactional_db) -> tuple[User, Afsprakenset]:
    gemeente = Gemeente.objects.create(naam="Tweeserverdam", fictief=True)
    partij = Partij.objects.create(naam="Gemeente Tweeserverdam", korte_naam="Tweeserverdam", soort="gemeente")
    afsprakenset = Afsprakenset.objects.create(
        gemeente=gemeente,
        slug="tweeserverdam-kader",
        soort="kaderafspraken",
        titel="Kaderafspraken Tweeserverdam",
        eerste_jaar=2026,
        laatste_jaar=2031,
    )
    Deelname.objects.create(afsprakenset=afsprakenset, partij=partij)
    user = User.objects.create_user(
        "tweeservers", "tweeservers@example.org", PASSWORD, partij=partij, rol=User.Rol.SECRETARIS
    )
    app_of(user)  # her authenticator app, set up before
    return user, afsprakenset


def test_session_and_writes_are_shared_between_two_servers(servers, secretaris):
    a, b = servers
    user, afsprakenset = secretaris
    cookies: dict = {}
    token = _csrf(a, "/inloggen/", cookies)
    status, _html, new = _request(
        a,
        "POST",
        "/inloggen/",
        cookies,
        {"csrfmiddlewaretoken": token, "username": user.username, "password": PASSWORD},
    )
    assert status == 302 and "sessionid" in new
    cookies.update(new)
    # A secretary types the code of her authenticator app, also through A.
    token = _csrf(a, "/tweestaps/controle/", cookies)
    code = next_code(user)
    status, _html, new = _request(
        a, "POST", "/tweestaps/controle/", cookies, {"csrfmiddlewaretoken": token, "code": code}
    )
    assert status == 302  # an unverified session would be sent back to the code page by B below
    cookies.update(new)

    # Logged in (both steps) through A, recognised by B: the session lives in the database.
    status, html, _new = _request(b, "GET", "/", cookies)
    assert status == 200 and afsprakenset.titel in html

    # Written through A, read through B.
    monitoring = f"/sets/{afsprakenset.slug}/monitoring/"
    token = _csrf(a, monitoring, cookies)
    status, _html, _new = _request(a, "POST", monitoring, cookies, {"csrfmiddlewaretoken": token, "start-jaar": "2026"})
    assert status == 302
    assert Monitoringsjaar.objects.filter(afsprakenset=afsprakenset, jaar=2026).exists()
    status, html, _new = _request(b, "GET", f"{monitoring}2026/", cookies)
    assert status == 200 and "2026" in html

    # Logged out through B, no longer logged in at A.
    token = _csrf(b, monitoring, cookies)
    assert _request(b, "POST", "/uitloggen/", cookies, {"csrfmiddlewaretoken": token})[0] == 302
    status, _html, _new = _request(a, "GET", "/", cookies)
    assert status == 302


def test_reminder_job_runs_once_with_two_instances(shared_env, secretaris):
    user, afsprakenset = secretaris
    overleg = Overleg.objects.create(afsprakenset=afsprakenset, soort="ao", titel="AO")
    Actiepunt.objects.create(
        overleg=overleg,
        omschrijving="Cijfers aanleveren",
        eigenaar=user.partij,
        uiterlijk=timezone.localdate() + timedelta(days=2),
    )
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    # Each machine's daily timer queues the job; each machine runs a worker.
    for _instance in PORTS:
        subprocess.run(manage + ["send_reminders"], env=shared_env, check=True, capture_output=True)
    workers = [
        subprocess.Popen(
            manage + ["db_worker", "--batch", "--no-startup-delay", "--worker-id", f"machine-{port}"],
            env=shared_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for port in PORTS
    ]
    output = "".join(w.communicate(timeout=120)[0] for w in workers)

    from django_tasks_db.models import DBTaskResult

    results = DBTaskResult.objects.filter(task_path="driehoek.cycle.tasks.send_reminders")
    assert sorted(r.status for r in results) == ["SUCCESSFUL", "SUCCESSFUL"]
    assert sorted(r.return_value for r in results) == [0, 1]  # both ran; one sent the digest
    assert Herinnering.objects.filter(user=user, onderwerp=DIGEST, datum=timezone.localdate()).count() == 1
    assert output.count("Subject: Driehoek: wat staat er voor u open") == 1
