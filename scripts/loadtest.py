#!/usr/bin/env python
"""`make loadtest`: load and faults against gunicorn and PostgreSQL, on the loopback only.

1. load:    N simulated users (default 50) for S seconds (default 60) over the main pages and
            writes (indicator values, reactions), each logged in through the real log-in form.
            Passes with no errors; reports requests, p50 and p95.
2. restart: PostgreSQL is restarted (pg_ctl restart -m fast) under load. Requests during the outage
            must end quickly with a clean 503 page, gunicorn is not restarted, and afterwards every
            request succeeds again.
3. kill:    gunicorn workers are killed (SIGKILL) at random while users write. A write cut off this
            way either exists completely or not at all.
4. heavy:   while N users read and write as in 1, one more user runs the heaviest searches (15 × "e",
            seven common words, more words than the cap) and uploads a large woningregister and a
            small XLSX that claims a whole sheet. Passes when no write of the others fails and
            their p95 stays within twice the quiet p95 of phase 1 (issue 15).
After 2 and 3: every write a user saw committed (a redirect after the POST) is in the database,
and nothing is half-written (every value, assessment and reaction has exactly its history rows).

It starts its own throwaway PostgreSQL and gunicorn on 127.0.0.1, sends traffic nowhere else,
stops by itself (every loop is bounded in time), removes what it started, prints a JSON summary
(also written to test-artifacts/loadtest.json) and exits non-zero when a check fails.
See docs/loadtest.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"  # the only address this script talks to
SET = "aa-en-hunze-kaderafspraken-2026-2031"
YEAR = 2026
RAMP_UP = 10  # seconds over which the users of a phase arrive
REQUEST_TIMEOUT = 60  # seconds; gunicorn's worker timeout too. Slower counts as an error.
WRITE_CONFLICT = "conflict"  # a refused save (someone else saved first): expected, not an error


def log(message: str) -> None:
    print(f"[loadtest {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", file=sys.stderr, flush=True)


# --- the throwaway PostgreSQL -------------------------------------------------------------------


class Postgres:
    def __init__(self, port: int):
        self.port = port
        self.bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))[-1]
        self.dir = Path(tempfile.mkdtemp(prefix="driehoek-loadtest-pg."))
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
        self.url = f"postgres://app:app@{HOST}:{port}/app"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_postgres, *args], check=True, stdout=subprocess.DEVNULL, timeout=120)

    def pg_ctl(self, *args: str) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w", *args)

    def start(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.dir / "data"),
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        # Durable commits (fsync on): the restart must not lose what was committed.
        self.pg_ctl("start", "-o", f"-c listen_addresses={HOST} -p {self.port} -k {self.dir} -c max_connections=100")
        self._run(
            str(self.bin / "psql"),
            "-q",
            "-h",
            str(self.dir),
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-c",
            "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB",
            "-c",
            "CREATE DATABASE app OWNER app",
        )

    def restart(self) -> float:
        started = time.monotonic()
        self.pg_ctl("-m", "fast", "restart")
        return time.monotonic() - started

    def stop(self) -> None:
        with contextlib.suppress(Exception):  # cleaning up; already stopped is fine
            self.pg_ctl("-m", "fast", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


# --- gunicorn -----------------------------------------------------------------------------------


class Gunicorn:
    def __init__(self, port: int, workers: int, env: dict):
        self.port, self.workers, self.env = port, workers, env
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                str(VENV / "gunicorn"),
                "driehoek.conf.wsgi:application",
                "--pythonpath",
                str(ROOT / "src"),
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(self.workers),
                "--timeout",
                str(REQUEST_TIMEOUT),
                "--graceful-timeout",
                "5",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://{HOST}:{self.port}/inloggen/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer within 60 s")

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def busy_workers(self) -> list[int]:
        """Workers serving a request now: a sync worker holds an open connection only while it
        answers one (it closes the connection after each response)."""
        established = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[1].endswith(f":{self.port:04X}") and fields[3] == "01":
                    established.add(fields[9])
        busy = []
        for pid in self.worker_pids():
            try:
                links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
            except OSError:
                continue
            if any(link.startswith("socket:[") and link[8:-1] in established for link in links):
                busy.append(pid)
        return busy

    def cpu_seconds(self) -> float:
        total = 0
        for pid in self.worker_pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


# --- simulated users ----------------------------------------------------------------------------


@dataclass
class Result:
    started: float  # seconds since the phase began
    seconds: float
    kind: str  # "page" or "write"
    name: str
    status: int | None  # None: no HTTP answer (connection cut)
    outcome: str  # "ok", WRITE_CONFLICT, "error"
    marker: str = ""
    detail: str = ""


@dataclass
class Phase:
    name: str
    t0: float = field(default_factory=time.monotonic)
    results: list[Result] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    writes_in_flight: int = 0

    def add(self, result: Result) -> None:
        with self.lock:
            self.results.append(result)


ERROR_ITEM = re.compile(r'class="error-summary".*?<li>(.*?)</li>', re.S)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class User:
    """One person in a browser: a session of their own, a log-in through the form, then pages and
    writes with a little thinking time between them."""

    def __init__(self, number: int, username: str, password: str, plan: dict, base: str, write_share: float):
        self.number, self.username, self.password = number, username, password
        self.plan, self.base, self.write_share = plan, base, write_share
        self.session = requests.Session()
        self.sequence = 0
        self.versions: dict[tuple, str] = {}  # per target: the page text (or its version field) last seen

    def _request(
        self, phase: Phase, kind: str, name: str, method: str, path: str, **kwargs
    ) -> requests.Response | None:
        started = time.monotonic()
        status, outcome, response = None, "error", None
        try:
            response = self.session.request(
                method, self.base + path, timeout=REQUEST_TIMEOUT, allow_redirects=False, **kwargs
            )
            status = response.status_code
            # A page that sends a logged-in user back to the log-in form has lost the session.
            logged_out = name != "inloggen" and "/inloggen/" in response.headers.get("Location", "")
            outcome = "ok" if status < 400 and not logged_out else "error"
        except requests.RequestException:
            pass
        phase.add(Result(started - phase.t0, time.monotonic() - started, kind, name, status, outcome))
        return response

    def log_in(self, phase: Phase) -> bool:
        page = self._request(phase, "page", "inloggen", "GET", "/inloggen/")
        if page is None or page.status_code != 200:
            return False
        token = CSRF.search(page.text)
        answer = self._request(
            phase,
            "write",
            "inloggen",
            "POST",
            "/inloggen/",
            data={
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "username": self.username,
                "password": self.password,
            },
            headers={"Referer": self.base + "/inloggen/"},
        )
        return answer is not None and answer.status_code == 302

    def pages(self) -> list[tuple[str, str]]:
        s = f"/sets/{SET}"
        return [
            ("start", "/"),
            ("dashboard", f"{s}/monitoring/{YEAR}/"),
            ("monitoringstabel", f"{s}/monitoring/{YEAR}/tabel/"),
            ("afspraak", f"{s}/afspraken/{random.choice(self.plan['afspraken'])}/"),
            ("beoordeling", f"{s}/monitoring/{YEAR}/afspraken/{random.choice(self.plan['afspraken'])}/"),
            ("cijfers", f"/cijfers/gemeenten/{self.plan['gemeente']}/"),
            ("landelijk", "/landelijk/"),
            ("openbaar", f"/openbaar/{SET}/{YEAR}/"),
        ]

    def write(self, phase: Phase, blind: bool = False) -> None:
        """Read the page, then save with its CSRF token and version. `blind`: post straight away
        with the CSRF cookie and the version this user saw last (the kill phase: nearly every
        request is a write); the first time, the page is read for it (the version is required)."""
        own = self.plan["users"][self.username]
        choices = [("waarde", w) for w in own["waarden"]] + [("reactie", r) for r in own["reacties"]]
        if not choices:
            self.read(phase)
            return
        what, target = random.choice(choices)
        self.sequence += 1
        marker = f"lt-{self.number}-{self.sequence}-{secrets.token_hex(3)}"
        page_path = f"/sets/{SET}/monitoring/{YEAR}/afspraken/{target['nummer']}/"
        key = (what, target["nummer"], target.get("indicator"))
        blind = blind and key in self.versions  # the version is required: read the page once
        if blind:
            page_text = self.versions[key]
            data = {"csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")}
        else:
            page = self._request(phase, "page", "beoordeling", "GET", page_path)
            if page is None or page.status_code != 200:
                return
            page_text = page.text
            token = CSRF.search(page_text)
            data = {"csrfmiddlewaretoken": token.group(1) if token else ""}
        if what == "waarde":
            prefix = f"i{target['indicator']}"
            versie = re.search(rf'name="{prefix}-versie" value="(\d*)"', page_text)
            path = f"{page_path}indicatoren/{target['indicator']}/"
            data |= {
                f"{prefix}-waarde": str(self.number * 1_000_000 + self.sequence),
                f"{prefix}-eenheid": "woningen",
                f"{prefix}-oordeel": marker,
                f"{prefix}-bron": "loadtest",
                f"{prefix}-versie": versie.group(1) if versie else "",
            }
        else:
            revisie = re.search(r'name="reactie-revisie" value="(\d*)"', page_text)
            path = page_path
            data |= {
                "form": "reactie",
                "reactie-soort": "opmerking",
                "reactie-toelichting": marker,
                "reactie-revisie": revisie.group(1) if revisie else "",
            }
        started = time.monotonic()
        status, outcome, detail = None, "error", ""
        with phase.lock:
            phase.writes_in_flight += 1
        try:
            answer = self.session.post(
                self.base + path,
                data=data,
                timeout=REQUEST_TIMEOUT,
                allow_redirects=False,
                headers={"Referer": self.base + page_path},
            )
            status = answer.status_code
            if status == 302:
                outcome = "ok"
                if what == "waarde":  # the value's version went up by one with this save
                    seen = re.search(rf'name="{prefix}-versie" value="(\d*)"', page_text)
                    page_text = f'name="{prefix}-versie" value="{int(seen.group(1) or 0) + 1 if seen else 0}"'
            elif status == 400 and 'class="conflict"' in answer.text:
                outcome = WRITE_CONFLICT
                page_text = answer.text  # the form now carries the current version
            else:
                reason = ERROR_ITEM.search(answer.text)
                detail = reason.group(1).strip() if reason else ""
        except requests.RequestException:
            pass
        with phase.lock:
            phase.writes_in_flight -= 1
        self.versions[key] = page_text
        phase.add(
            Result(started - phase.t0, time.monotonic() - started, "write", what, status, outcome, marker, detail)
        )

    def read(self, phase: Phase) -> None:
        name, path = random.choice(self.pages())
        self._request(phase, "page", name, "GET", path)

    def run(
        self, phase: Phase, until: Deadline, writes_only: bool = False, think: tuple = (0.2, 1.0), delay: float = 0.0
    ) -> None:
        time.sleep(delay)  # users arrive one after another, not all in the same second
        while not self.log_in(phase):  # as a person would, try again a little later
            if time.monotonic() > until.at:
                return
            time.sleep(1)
        while time.monotonic() < until.at:
            if writes_only or random.random() < self.write_share:
                self.write(phase, blind=writes_only)
            else:
                self.read(phase)
            time.sleep(min(random.uniform(*think), max(0.0, until.at - time.monotonic())))


@dataclass
class Deadline:
    """When the users of a phase stop; the restart phase moves it to a fixed time after the restart."""

    at: float


def ramp_up(seconds: float) -> float:
    return min(RAMP_UP, seconds / 3)


def run_users(
    phase: Phase, plan: dict, base: str, users: int, seconds: float, **kwargs
) -> tuple[list[threading.Thread], Deadline]:
    names = sorted(plan["users"])
    until = Deadline(time.monotonic() + seconds)
    threads = []
    for number in range(users):
        username = names[number % len(names)]
        share = 0.3 if plan["users"][username]["waarden"] or plan["users"][username]["reacties"] else 0.0
        user = User(number + 1, username, plan["password"], plan, base, share)
        delay = number * ramp_up(seconds) / users
        thread = threading.Thread(target=user.run, args=(phase, until), kwargs={**kwargs, "delay": delay}, daemon=True)
        thread.start()
        threads.append(thread)
    return threads, until


def join(threads: list[threading.Thread], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    for thread in threads:
        thread.join(max(0.1, deadline - time.monotonic()))


# --- Django, in this process: preparing the data and checking it afterwards ---------------------


def django_setup(env: dict) -> None:
    os.environ.update(
        {
            k: v
            for k, v in env.items()
            if k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DRIEHOEK_VAR_DIR")
        }
    )
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def prepare() -> dict:
    """Voorzetten to react to, a reader, a publication, and per user what they may write."""
    from django.conf import settings
    from django.db import connections

    from driehoek.accounts import policy
    from driehoek.accounts.models import Partij, User
    from driehoek.monitoring import rules, services
    from driehoek.monitoring.models import Beoordeling
    from driehoek.monitoring.roles import responders, voorzet_holders
    from driehoek.register.models import Afsprakenset
    from driehoek.reports import services as reports

    kader = Afsprakenset.objects.get(slug=SET)
    people = {u.username: u for u in User.objects.filter(rol=User.Rol.INVULLER)}
    reader, _ = User.objects.get_or_create(
        username="lezer", defaults={"partij": Partij.objects.get(naam="Algemene Huurdersvereniging WOON")}
    )
    reader.rol = User.Rol.LEZER
    reader.set_password(settings.DEMO_PASSWORD)
    reader.save()
    secretaris = User.objects.get(username="secretaris")
    assessments = list(Beoordeling.objects.filter(afspraak__afsprakenset=kader, jaar=YEAR).select_related("afspraak"))
    adopted = False
    for b in assessments[::2]:  # every other agreement gets a voorzet, so that others can react
        holders = voorzet_holders(b.afspraak)
        proposer = next((u for u in people.values() if holders and u.partij_id == holders[0].pk), None)
        if proposer is None:
            continue
        b = services.make_voorzet(proposer, b, kleur="groen", toelichting="Voorzet voor de belastingtest.")
        if not adopted:  # one adopted assessment, so that the year can be published
            for party in responders(b):
                voter = next(u for u in [*people.values(), secretaris] if u.partij_id == party.pk)
                services.respond(voter, b, soort="akkoord")
            b.refresh_from_db()
            services.adopt(secretaris, b, datum=date(YEAR + 1, 3, 1), orgaan="Bestuurlijk overleg", versie=b.versie)
            adopted = True
    reports.publish(secretaris, kader, YEAR)
    plan = {"users": {}, "afspraken": [b.afspraak.nummer for b in assessments], "gemeente": kader.gemeente_id}
    plan["password"] = settings.DEMO_PASSWORD
    plan["uploader"] = next(
        name for name, user in sorted(people.items()) if policy.can(user, policy.UPLOAD_FIGURES, kader.gemeente)
    )
    for username, user in [*people.items(), ("lezer", reader)]:
        waarden, reacties = [], []
        for b in Beoordeling.objects.filter(afspraak__afsprakenset=kader, jaar=YEAR).select_related("afspraak"):
            for indicator in b.afspraak.indicatoren.all():
                if indicator.jaar_van <= YEAR <= indicator.jaar_tot and policy.can(user, policy.ENTER_VALUE, indicator):
                    waarden.append({"nummer": b.afspraak.nummer, "indicator": indicator.pk})
            if rules.allowed(b.status, rules.REAGEREN) and policy.can(user, policy.RESPOND, b):
                reacties.append({"nummer": b.afspraak.nummer})
        plan["users"][username] = {"waarden": waarden, "reacties": reacties}
    connections.close_all()
    return plan


def check_database(committed: set[str], cut_off: set[str]) -> dict:
    """Every write a user saw committed is there; nothing is half-written."""
    from django.db import connections
    from django.db.models import Count

    from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Reactie

    stored_values = set(Indicatorwaarde.history.filter(oordeel__startswith="lt-").values_list("oordeel", flat=True))
    stored_reactions = set(Reactie.objects.filter(toelichting__startswith="lt-").values_list("toelichting", flat=True))
    stored = stored_values | stored_reactions
    problems = []

    def rows(history, by: str = "id", **filters) -> dict[int, int]:
        return dict(history.filter(**filters).values(by).annotate(n=Count("history_id")).values_list(by, "n"))

    for model in (Indicatorwaarde, Beoordeling):
        counts = rows(model.history)
        last_versions = dict(
            model.history.order_by("id", "-history_date", "-history_id").distinct("id").values_list("id", "versie")
        )
        for pk, versie in model.objects.values_list("pk", "versie"):
            if counts.get(pk) != versie or last_versions.get(pk) != versie:
                problems.append(f"{model.__name__} {pk}: versie {versie}, {counts.get(pk)} history rows")
    reaction_rows = rows(Reactie.history)
    for pk in Reactie.objects.values_list("pk", flat=True):
        if reaction_rows.get(pk) != 1:
            problems.append(f"Reactie {pk}: {reaction_rows.get(pk)} history rows")
    logged = rows(Beoordeling.history, history_change_reason="reactie")
    for pk, n in Reactie.objects.values("beoordeling_id").annotate(n=Count("id")).values_list("beoordeling_id", "n"):
        if logged.get(pk, 0) != n:
            problems.append(f"Beoordeling {pk}: {n} reactions, {logged.get(pk, 0)} history rows for them")
    lost = sorted(committed - stored)
    connections.close_all()
    return {
        "committed_writes_checked": len(committed),
        "committed_writes_missing": len(lost),
        "missing_examples": lost[:5],
        "cut_off_writes": len(cut_off),
        "cut_off_writes_stored_completely": len(cut_off & stored),
        "cut_off_writes_not_stored": len(cut_off - stored),
        "half_written": len(problems),
        "half_written_examples": problems[:5],
    }


# --- the phases ---------------------------------------------------------------------------------


def summarise(phase: Phase) -> dict:
    results = phase.results
    times = sorted(r.seconds for r in results if r.status is not None)

    def pct(values: list[float], p: float) -> int | None:
        return round(values[min(len(values) - 1, int(p * len(values)))] * 1000) if values else None

    by_name: dict[str, int] = {}
    for r in results:
        by_name[r.name] = by_name.get(r.name, 0) + 1
    return {
        "requests": len(results),
        "pages": sum(r.kind == "page" for r in results),
        "writes": sum(r.kind == "write" for r in results),
        "writes_committed": sum(r.kind == "write" and r.outcome == "ok" for r in results),
        "writes_refused_as_conflict": sum(r.outcome == WRITE_CONFLICT for r in results),
        "errors": sum(r.outcome == "error" for r in results),
        "error_examples": sorted({f"{r.name} {r.status} {r.detail}".strip() for r in results if r.outcome == "error"})[
            :8
        ],
        "p50_ms": pct(times, 0.50),
        "p95_ms": pct(times, 0.95),
        # Logging in hashes the password with Argon2 on purpose (slow); the rest without it:
        "p95_ms_pages": pct(sorted(r.seconds for r in results if r.kind == "page" and r.status), 0.95),
        "p95_ms_writes_without_login": pct(
            sorted(r.seconds for r in results if r.kind == "write" and r.name != "inloggen" and r.status), 0.95
        ),
        "p95_ms_login": pct(
            sorted(r.seconds for r in results if r.kind == "write" and r.name == "inloggen" and r.status), 0.95
        ),
        "max_ms": round(max(times) * 1000) if times else None,
        "mean_ms": round(statistics.mean(times) * 1000) if times else None,
        "requests_per_second": round(
            len(results) / max(1e-9, max((r.started + r.seconds for r in results), default=1)), 1
        ),
        "per_page": by_name,
    }


def markers(phase: Phase) -> tuple[set[str], set[str]]:
    writes = [r for r in phase.results if r.kind == "write" and r.marker]
    return {r.marker for r in writes if r.outcome == "ok"}, {r.marker for r in writes if r.status is None}


def phase_load(plan: dict, base: str, users: int, seconds: float, gunicorn: Gunicorn) -> dict:
    phase = Phase("load")
    log(f"load: {users} users for {seconds:.0f} s")
    cpu = gunicorn.cpu_seconds()
    join(run_users(phase, plan, base, users, seconds)[0], seconds + 60)
    summary = summarise(phase)
    # CPU time the web workers spent per request: unlike the latencies, independent of how busy
    # the rest of the machine was.
    summary["server_cpu_ms_per_request"] = round((gunicorn.cpu_seconds() - cpu) * 1000 / max(1, len(phase.results)))
    summary["passed"] = summary["errors"] == 0 and summary["requests"] > 0
    return summary


def phase_restart(plan: dict, base: str, users: int, seconds: float, postgres: Postgres, gunicorn: Gunicorn) -> dict:
    phase = Phase("restart")
    master, workers = gunicorn.process.pid, sorted(gunicorn.worker_pids())
    restart_at, after = max(ramp_up(seconds), seconds / 3), max(5.0, seconds / 2)
    log(f"restart: {users} users; PostgreSQL restarted after {restart_at:.0f} s, then {after:.0f} s more")
    threads, until = run_users(phase, plan, base, users, seconds)
    time.sleep(restart_at)
    outage_start = time.monotonic() - phase.t0
    restart_seconds = postgres.restart()
    outage_end = time.monotonic() - phase.t0
    until.at = phase.t0 + outage_end + after  # long enough after the restart to see the recovery
    join(threads, after + 60)
    grace = 2.0  # requests that began just before the restart ended
    during = [r for r in phase.results if outage_start - 1 <= r.started <= outage_end + grace]
    after = [r for r in phase.results if r.started > outage_end + grace]
    failed_during = [r for r in during if r.outcome == "error"]
    summary = summarise(phase)
    summary |= {
        "restart_seconds": round(restart_seconds, 2),
        "requests_during_outage": len(during),
        "failed_during_outage": len(failed_during),
        "failed_during_outage_statuses": sorted({str(r.status) for r in failed_during}),
        "slowest_during_outage_ms": round(max((r.seconds for r in during), default=0) * 1000),
        "requests_after_recovery": len(after),
        "errors_after_recovery": sum(r.outcome == "error" for r in after),
        "gunicorn_not_restarted": gunicorn.process.pid == master and sorted(gunicorn.worker_pids()) == workers,
    }
    committed, cut_off = markers(phase)
    summary["database"] = check_database(committed, cut_off)
    summary["passed"] = (
        summary["errors_after_recovery"] == 0
        and summary["requests_after_recovery"] > 0
        and all(r.status == 503 for r in failed_during)  # a clean answer, never a hang or a traceback
        and summary["slowest_during_outage_ms"] < 15000
        and summary["gunicorn_not_restarted"]
        and summary["database"]["committed_writes_missing"] == 0
        and summary["database"]["half_written"] == 0
    )
    return summary


def phase_kill(plan: dict, base: str, users: int, seconds: float, gunicorn: Gunicorn, kills: int) -> dict:
    phase = Phase("kill")
    log(f"kill: {users} users writing for {seconds:.0f} s, {kills} busy workers killed while a write is under way")
    threads, until = run_users(phase, plan, base, users, seconds + 60, writes_only=True, think=(0.0, 0.1))
    # Kill only once everyone is logged in: from then on nearly every request is a write.
    logged_in = time.monotonic() + 90
    while time.monotonic() < logged_in and sum(r.name == "inloggen" and r.status == 302 for r in phase.results) < users:
        time.sleep(0.1)
    begin = time.monotonic()
    until.at = begin + seconds
    killed = 0
    for moment in sorted(random.uniform(0.5, seconds - 1) for _ in range(kills)):
        time.sleep(max(0.0, begin + moment - time.monotonic()))
        # Wait (briefly) for a write on its way, then kill a worker that is answering a request.
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and not (phase.writes_in_flight and gunicorn.busy_workers()):
            time.sleep(0.005)
        pids = gunicorn.busy_workers() or gunicorn.worker_pids()
        if pids:
            os.kill(random.choice(pids), signal.SIGKILL)
            killed += 1
    join(threads, seconds + 60)
    summary = summarise(phase)
    committed, cut_off = markers(phase)
    summary |= {"workers_killed": killed, "requests_cut_off": sum(r.status is None for r in phase.results)}
    summary["database"] = check_database(committed, cut_off)
    summary["passed"] = (
        killed == kills
        and summary["database"]["committed_writes_missing"] == 0
        and summary["database"]["half_written"] == 0
        # every answered request is fine; only the killed worker's requests may have no answer
        and all(r.status is None or r.outcome != "error" for r in phase.results)
    )
    return summary


HEAVY_SEARCHES = [
    " ".join(["e"] * 15),
    "woningen huurders corporaties gemeente jaar wonen huur",
    "de het een van en in op te dat die voor met zijn aan er ook als",
]


def _register_csv(rows: int) -> bytes:
    lines = ["eigen_id;kern;type;kale_huur;energielabel;nultredenwoning;bestemming"]
    lines += [f"LT-{i:07d};Gieten;egw;{600 + i % 300},00;C;nee;doorexploiteren" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def _whole_sheet_xlsx() -> bytes:
    """Three cells in a workbook whose sheet says A1:XFD1048576 (issue 15, finding 4)."""
    import io
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["eigen_id", "kale_huur"])
    book.active.append(["LT-X", 650])
    source, target = io.BytesIO(), io.BytesIO()
    book.save(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
            new.writestr(item, data)
    return target.getvalue()


class HeavyUser(User):
    """The one who searches with the most words and uploads the largest files, without pause."""

    def run_heavy(self, phase: Phase, until: Deadline, upload_rows: int) -> None:
        while not self.log_in(phase):
            if time.monotonic() > until.at:
                return
            time.sleep(1)
        files = [("register.csv", _register_csv(upload_rows)), ("heel-blad.xlsx", _whole_sheet_xlsx())]
        step = 0
        while time.monotonic() < until.at:
            step += 1
            if step % 3:
                q = HEAVY_SEARCHES[step % len(HEAVY_SEARCHES)]
                self._request(phase, "page", "zoeken", "GET", f"/sets/{SET}/", params={"q": q})
                continue
            path = f"/cijfers/gemeenten/{self.plan['gemeente']}/aanleveren/"
            page = self._request(phase, "page", "aanleveren", "GET", path)
            token = CSRF.search(page.text) if page is not None else None
            name, content = files[(step // 3) % len(files)]
            self._request(
                phase,
                "write",
                "upload",
                "POST",
                path,
                data={
                    "csrfmiddlewaretoken": token.group(1) if token else "",
                    "aanlevering-soort": "woningregister",
                    "aanlevering-peildatum": f"{YEAR - 1}-12-31",
                },
                files={"aanlevering-bestand": (name, content)},
                headers={"Referer": self.base + path},
            )


def phase_heavy(plan: dict, base: str, users: int, seconds: float, quiet: dict, upload_rows: int) -> dict:
    """The load phase again, with one heavy user beside the others; the others' figures against
    the quiet ones of the load phase."""
    phase, heavy = Phase("heavy"), Phase("heavy-user")
    log(f"heavy: {users} users for {seconds:.0f} s, and one user searching and uploading ({upload_rows} rows)")
    threads, until = run_users(phase, plan, base, users, seconds)
    uploader = HeavyUser(0, plan["uploader"], plan["password"], plan, base, 0.0)
    thread = threading.Thread(target=uploader.run_heavy, args=(heavy, until, upload_rows), daemon=True)
    thread.start()
    join([*threads, thread], seconds + 90)
    summary = summarise(phase)
    others = sorted(r.seconds for r in phase.results if r.status and not (r.kind == "write" and r.name == "inloggen"))
    quiet_p95 = max(filter(None, [quiet.get("p95_ms_pages"), quiet.get("p95_ms_writes_without_login")]), default=None)
    p95 = round(others[min(len(others) - 1, int(0.95 * len(others)))] * 1000) if others else None
    heavy_summary = summarise(heavy)
    summary |= {
        "others_p95_ms_without_login": p95,
        "quiet_p95_ms_without_login": quiet_p95,
        "writes_failed": sum(r.kind == "write" and r.outcome == "error" for r in phase.results),
        "heavy_user": {
            key: heavy_summary[key] for key in ("requests", "errors", "error_examples", "p50_ms", "p95_ms", "max_ms")
        }
        | {
            "searches": sum(r.name == "zoeken" for r in heavy.results),
            "uploads": sum(r.name == "upload" for r in heavy.results),
            "upload_statuses": sorted({str(r.status) for r in heavy.results if r.name == "upload"}),
        },
    }
    summary["passed"] = (
        summary["writes_failed"] == 0
        and summary["errors"] == 0
        and p95 is not None
        and quiet_p95 is not None
        and p95 <= 2 * quiet_p95
        and heavy_summary["requests"] > 0
    )
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--fault-users", type=int, default=20)
    parser.add_argument("--fault-seconds", type=float, default=30)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--pg-port", type=int, default=int(os.environ.get("LOADTEST_PGPORT", 54346)))
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOADTEST_PORT", 8601)))
    parser.add_argument("--output", type=Path, default=ROOT / "test-artifacts" / "loadtest.json")
    parser.add_argument("--phases", default="load,restart,kill,heavy", help="which phases, in this order")
    parser.add_argument("--upload-rows", type=int, default=20_000, help="rows in the heavy user's register upload")
    args = parser.parse_args()

    postgres = Postgres(args.pg_port)
    var = Path(tempfile.mkdtemp(prefix="driehoek-loadtest-var."))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "driehoek.conf.loadtest",
        "DATABASE_URL": postgres.url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DRIEHOEK_VAR_DIR": str(var),
        "PYTHONUNBUFFERED": "1",
    }
    gunicorn = Gunicorn(args.port, args.workers, env)
    summary: dict = {"users": args.users, "seconds": args.seconds, "gunicorn_workers": args.workers}
    summary["load_average_at_start"] = [round(x, 1) for x in os.getloadavg()]
    started = time.monotonic()
    try:
        postgres.start()
        log(f"PostgreSQL on {HOST}:{args.pg_port}; loading Aa en Hunze (make setup)")
        subprocess.run(["make", "-s", "setup"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, timeout=600)
        manage = [str(VENV / "python"), "manage.py"]
        subprocess.run([*manage, "create_demo_users"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(
            [*manage, "start_monitoring", "--set", SET, "--year", str(YEAR), "--as", "secretaris"],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        django_setup(env)
        plan = prepare()
        gunicorn.start()
        base = f"http://{HOST}:{args.port}"
        log(f"gunicorn with {args.workers} workers on {base}")
        phases = args.phases.split(",")
        summary["load"] = phase_load(plan, base, args.users, args.seconds, gunicorn)
        if "restart" in phases:
            summary["restart"] = phase_restart(plan, base, args.fault_users, args.fault_seconds, postgres, gunicorn)
        if "kill" in phases:
            summary["kill"] = phase_kill(plan, base, args.fault_users, args.fault_seconds * 2 / 3, gunicorn, args.kills)
        if "heavy" in phases:
            summary["heavy"] = phase_heavy(plan, base, args.users, args.seconds, summary["load"], args.upload_rows)
    finally:
        gunicorn.stop()
        postgres.stop()
        shutil.rmtree(var, ignore_errors=True)
    summary["total_seconds"] = round(time.monotonic() - started)
    # The machine may be shared: its load says how much of it this run had.
    summary["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
    summary["passed"] = all(summary[p]["passed"] for p in ("load", "restart", "kill", "heavy") if p in summary)
    args.output.parent.mkdir(exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0 if summary["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
