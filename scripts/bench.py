#!/usr/bin/env python3
"""`make bench`: Driehoek at national scale, on SQLite and on PostgreSQL, as one JSON document.

    scripts/bench.py                 generate (or reuse) the data set, measure both databases, print JSON
    BENCH_SCALE=0.05 scripts/bench.py   a smaller country (default 1.0: 342 municipalities, 2.3 M homes)

Beside BENCH_SCALE the pages are also timed at BENCH_SMALL_SCALE (0.1) when that is smaller: a page
whose p95 at the full scale is more than 1.5 times its p95 at the small one grows with the country.
Both countries are served at once and each page's requests alternate between them, so that the
machine's changing speed (other work on a shared host) falls on both scales alike.

Pages are served by gunicorn with the production settings; their server time is read from the
`Server-Timing` header (driehoek.core.middleware.ServerTimingMiddleware: from the first middleware to
the response, without the network and the client). Exports, figures, upload validation and the
importer are timed in this process against the same database. See docs/performance.md.
"""

import contextlib
import csv
import io
import json
import os
import platform
import resource
import secrets
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
SCALE = float(os.environ.get("BENCH_SCALE", "1.0"))
SMALL_SCALE = float(os.environ.get("BENCH_SMALL_SCALE", "0.1"))  # the second country: pages only
SEED = int(os.environ.get("BENCH_SEED", "2026"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))  # per page, after warming up (docs/performance.md)
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))  # per throughput measurement
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))
PG_PORT = os.environ.get("BENCH_PGPORT", "54342")
PORTS = {"sqlite": 8201, "postgresql": 8202}
SMALL_PORT_OFFSET = 100  # the small country's gunicorn, served beside the full one
UPLOAD_ROWS = 200_000
BENCH_DIR = ROOT / "var" / "bench"

GOALS = {
    "page_p95_ms": 50,
    "throughput_ratio": 0.40,
    "national_overview_p95_ms": 150,
    "evaluation_pdf_s": 3,
    "figures_s": 3,
    "upload_rows_per_s": 100_000,
    "importer_ms_per_page": 50,
    "growth_ratio": 1.5,  # a page's p95 at SCALE over its p95 at SMALL_SCALE
    "similar_index_build_s": 600,
    "similar_query_p95_ms": 50,
}
# Machines here differ up to three times in speed, so the time goals are also judged as multiples of
# the minimal view's service time in the same run: on the reference machine the minimal view takes
# 4 ms, so 50 ms is 12.5 times and 150 ms 37.5 times.
REFERENCE_MINIMAL_MS = 4.0


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def var_dir(label: str) -> Path:
    """Uploads and reports of this run; static/ exists so that WhiteNoise does not warn."""
    path = BENCH_DIR / f"var-{label}"
    (path / "static").mkdir(parents=True, exist_ok=True)
    return path


BENCH_KEY = secrets.token_urlsafe(50)


def environment(label: str, database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "driehoek.conf.production",
        "SECRET_KEY": BENCH_KEY,  # random: production refuses a key that is in the repository
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SERVER_TIMING": "true",  # off in production; the benchmark reads it
        "DRIEHOEK_VAR_DIR": str(var_dir(label)),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT / "src"),
    }


# --- orchestration (plain Python, no Django) --------------------------------------------------


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    mem = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "memory_gib": round(int(mem) / 1024 / 1024, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "os": platform.platform(),
    }


MANAGE = [PY, str(ROOT / "manage.py")]


def has_command(env: dict, name: str) -> bool:
    return subprocess.run(MANAGE + ["help", name], env=env, capture_output=True).returncode == 0


def prepare(env: dict, fresh: bool, scale: float, summaries: Path | None = None) -> float | None:
    """Migrate and generate; the generation time in seconds, or None when the data was there.
    A kept database (`summaries` marks it) that predates the summaries gets them rebuilt once, when
    this code has the command (issue 18 item 1)."""
    for command in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_reference_data"]):
        subprocess.run(MANAGE + command, env=env, check=True, stdout=subprocess.DEVNULL)
    if not fresh:
        if summaries and not summaries.exists() and has_command(env, "rebuild_summaries"):
            log("rebuilding the summaries of a kept database")
            subprocess.run(MANAGE + ["rebuild_summaries"], env=env, check=True, stdout=sys.stderr)
            summaries.touch()
        return None
    start = time.monotonic()
    generate = MANAGE + ["generate_national", "--scale", str(scale), "--seed", str(SEED)]
    subprocess.run(generate, env=env, check=True, stdout=sys.stderr)  # stdout carries only the JSON
    if summaries and has_command(env, "rebuild_summaries"):
        summaries.touch()  # the generator builds them
    return round(time.monotonic() - start, 1)


def sqlite_database(scale: float, label: str = "sqlite") -> tuple[dict, float | None, Path]:
    """(environment, generation seconds or None when kept, file) of the SQLite country at `scale`."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    db = BENCH_DIR / f"national-scale{scale}-seed{SEED}.sqlite3"
    done = db.with_suffix(".ready")
    fresh = not done.exists()
    if fresh:  # a half-made database from an interrupted run is made again
        for path in (db, done, db.with_suffix(".summaries")):
            path.unlink(missing_ok=True)
    env = {**environment(label, f"sqlite:///{db}"), "BENCH_SCALE": str(scale)}
    log(f"SQLite: {'generating' if fresh else 'reusing'} {db.name}")
    generation = prepare(env, fresh, scale, summaries=db.with_suffix(".summaries"))
    done.touch()
    return env, generation, db


def run_sqlite(small: float | None) -> dict:
    env, generation, db = sqlite_database(SCALE)
    with small_country("sqlite", sqlite_database(small, "sqlite-small")[0] if small else None) as paired:
        result = measure_in_subprocess("sqlite", env, paired)
    result["generation_s"] = generation
    result["database_mb"] = round(db.stat().st_size / 1e6)
    return result


def run_postgresql() -> dict:
    """In a throwaway cluster (scripts/with-postgres.sh): generated anew each run."""
    out = BENCH_DIR / "postgresql.json"
    out.unlink(missing_ok=True)
    command = [str(ROOT / "scripts" / "with-postgres.sh"), PY, __file__, "postgresql-inside", str(out)]
    env = {**os.environ, "PGPORT_TEST": PG_PORT}
    subprocess.run(command, env=env, check=True, stdout=sys.stderr)
    return json.loads(out.read_text())


def postgresql_database(env: dict, scale: float) -> float | None:
    log(f"PostgreSQL: generating (scale {scale})")
    generation = prepare(env, True, scale)
    # Right after a bulk load autovacuum works through millions of new rows while the pages are
    # timed: on 2 cores it doubled the national overview's time at scale 1.0 and not at 0.1, which
    # read as growth with the country. A database in use has settled; so does this one first.
    log("PostgreSQL: VACUUM ANALYZE after the load")
    settle = "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')"
    subprocess.run(MANAGE + ["shell", "-c", settle], env=env, check=True, stdout=subprocess.DEVNULL)
    return generation


def postgresql_inside(out: str) -> None:
    """Both countries in the one throwaway cluster: the full one in its database, the small one in
    a second database beside it."""
    env = environment("postgresql", os.environ["DATABASE_URL"])
    generation = postgresql_database(env, SCALE)
    small_env = None
    if small_scale():
        create = "from django.db import connection; connection.cursor().execute('CREATE DATABASE small OWNER app')"
        subprocess.run(MANAGE + ["shell", "-c", create], env=env, check=True, stdout=subprocess.DEVNULL)
        url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/small"
        small_env = {**environment("postgresql-small", url), "BENCH_SCALE": str(small_scale())}
        postgresql_database(small_env, small_scale())
    with small_country("postgresql", small_env) as paired:
        result = measure_in_subprocess("postgresql", env, paired)
    result["generation_s"] = generation
    Path(out).write_text(json.dumps(result))


def small_scale() -> float | None:
    return SMALL_SCALE if SMALL_SCALE < SCALE else None


@contextlib.contextmanager
def small_country(label: str, env: dict | None):
    """The small country served (`bench.py serve`) while the full one is measured: yields the file
    with its pages' addresses and cookies, or None without a small country."""
    if env is None:
        yield None
        return
    command = [PY, __file__, "serve", label]
    server = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if not line:
            raise RuntimeError(f"{label}: the small country was not served")
        path = BENCH_DIR / f"small-{label}.json"
        path.write_text(line)
        yield str(path)
    finally:
        server.stdin.close()  # `serve` stops its gunicorn when its input ends
        server.wait(timeout=60)


def measure_in_subprocess(label: str, env: dict, paired: str | None) -> dict:
    command = [PY, __file__, "measure", label]
    env = {**env, "BENCH_PAIRED": paired or ""}
    done = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(done)


def growth(large: dict, small: dict) -> dict:
    """Per page: p95 at the full scale, at the small one, and their ratio (goal: at most 1.5)."""
    result = {}
    for name, page in large.get("pages", {}).items():
        other = small.get("pages", {}).get(name)
        if other:
            ratio = round(page["server_p95_ms"] / other["server_p95_ms"], 2) if other["server_p95_ms"] else None
            result[name] = {"p95_ms": page["server_p95_ms"], "p95_small_ms": other["server_p95_ms"], "ratio": ratio}
    return result


def verdict(results: dict, growths: dict) -> dict:
    """Per goal and database: the measured value, the goal and whether it is met. The growth goal
    names the pages over it (`pages_over`): a page whose time grows with the country fails."""
    checks = {}
    for label, r in results.items():
        if not isinstance(r, dict) or "pages" not in r:
            continue
        pages = r["pages"]
        main = [v for k, v in pages.items() if not k.startswith("landelijk")]
        national = [v for k, v in pages.items() if k.startswith("landelijk")]
        upload, exports, figures = r["upload"], r["exports"], r["figures"]
        if any("error" in part for part in (upload, exports, figures)):
            checks[label] = {"error": "a measurement failed; see its entry"}
            continue
        # (measured wall-clock value, the same in processor time of the Django process, lower is better)
        values = {
            "page_p95_ms": (
                max(v["server_p95_ms"] for v in main),
                max(v["server_cpu_p95_ms"] for v in main),
                True,
            ),
            "throughput_ratio": (r["throughput"]["ratio"], None, False),
            "national_overview_p95_ms": (
                max(v["server_p95_ms"] for v in national),
                max(v["server_cpu_p95_ms"] for v in national),
                True,
            ),
            "evaluation_pdf_s": (exports["evaluation_pdf_s"], exports["evaluation_pdf_cpu_s"], True),
            "figures_s": (figures["seconds"], figures["cpu_seconds_this_process"], True),
            "upload_rows_per_s": (upload["rows_per_s"], upload["rows_per_cpu_s"], False),
            "importer_ms_per_page": (r["importer"].get("ms_per_page"), None, True),
            "growth_ratio": (
                max((g["ratio"] or 0 for g in growths.get(label, {}).values()), default=None),
                None,
                True,
            ),
            "similar_index_build_s": (r.get("similar", {}).get("build_s"), None, True),
            "similar_query_p95_ms": (r.get("similar", {}).get("query_p95_ms"), None, True),
        }
        checks[label] = {}
        for key, (value, cpu, lower) in values.items():
            goal = GOALS[key]

            def met(v, goal=goal, lower=lower):
                return None if v is None else (v <= goal if lower else v >= goal)

            checks[label][key] = {"value": value, "met": met(value), "cpu": cpu, "met_on_cpu": met(cpu), "goal": goal}
        for key, national_page in (("page_p95_ms", False), ("national_overview_p95_ms", True)):
            group = {k: v for k, v in pages.items() if k.startswith("landelijk") == national_page}
            slowest = max(group, key=lambda k: group[k].get("p95_x_minimal") or 0, default=None)
            multiple = group[slowest].get("p95_x_minimal") if slowest else None
            goal_multiple = GOALS[key] / REFERENCE_MINIMAL_MS
            checks[label][key].update(
                multiple=multiple,
                goal_multiple=goal_multiple,
                met_on_multiple=None if multiple is None else multiple <= goal_multiple,
                slowest_by_multiple=slowest,
            )
        over = [name for name, g in growths.get(label, {}).items() if g["ratio"] and g["ratio"] > GOALS["growth_ratio"]]
        checks[label]["growth_ratio"]["pages_over"] = over
    return checks


def main() -> None:
    started = time.monotonic()
    report = {"scale": SCALE, "seed": SEED, "machine": machine(), "goals": GOALS}
    small = small_scale()
    report["small_scale"] = {"scale": small} if small else {"skipped": f"BENCH_SMALL_SCALE is not below {SCALE}"}
    report["sqlite"] = run_sqlite(small)
    if os.environ.get("BENCH_POSTGRESQL", "1") == "0":
        report["postgresql"] = {"skipped": "BENCH_POSTGRESQL=0"}
    elif not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        report["postgresql"] = {"skipped": "PostgreSQL is not installed (apt-get install postgresql)"}
    else:
        report["postgresql"] = run_postgresql()
    for label in ("sqlite", "postgresql"):
        if small and "small_scale" in report[label]:
            report["small_scale"][label] = report[label].pop("small_scale")
    growths = {
        label: growth(report[label], report["small_scale"][label])
        for label in ("sqlite", "postgresql")
        if label in report["small_scale"]
    }
    report["growth"] = growths or {"skipped": "one scale only"}
    report["verdict"] = verdict({k: report[k] for k in ("sqlite", "postgresql")}, growths)
    report["total_s"] = round(time.monotonic() - started)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    (BENCH_DIR / "latest.json").write_text(text + "\n")
    print(text)


# --- measuring (Django set up against the database in DATABASE_URL) -------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 2)


def server_timing(header: str) -> dict:
    """{"app": 12.3, "db": 4.1, "db_desc": "13", "cache_desc": "hit"} from
    "app;dur=12.3, db;dur=4.1;desc=13, cache;desc=hit"."""
    result = {}
    for part in header.split(","):
        name, *params = part.strip().split(";")
        for param in params:
            key, _sep, value = param.partition("=")
            if key == "dur":
                result[name] = float(value)
            elif key == "desc":
                result[f"{name}_desc"] = value.strip('"')
    return result


def fetch(url: str, cookie: str = "") -> tuple[int, dict[str, float], float, int]:
    """(status, server durations in ms from Server-Timing, client ms, bytes)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        status, timing = response.status, response.headers.get("Server-Timing", "")
        if response.url != url:  # urllib follows redirects: a log-in or code page is not the page asked for
            raise RuntimeError(f"{url}: redirected to {response.url}")
    return status, server_timing(timing), (time.perf_counter() - start) * 1000, len(body)


def time_pages(targets: list[tuple[str, str]]) -> list[dict]:
    """p50/p95 of each (url, cookie) after three requests to warm up, their requests taken in turn
    (the same page in two countries: a slower minute of the machine falls on both). A page with a
    cached part says how often the cache served it (`cache`), and what its first request took and
    whether that one was served from it."""
    firsts = [fetch(url, cookie)[1] for url, cookie in targets]
    for _i in range(2):
        for url, cookie in targets:
            fetch(url, cookie)
    samples = [{"server": [], "cpu": [], "db": [], "client": [], "caches": {}} for _t in targets]
    for _i in range(REQUESTS):
        for (url, cookie), sample in zip(targets, samples, strict=True):
            status, timing, c, size = fetch(url, cookie)
            if status != 200:
                raise RuntimeError(f"{url}: HTTP {status}")
            sample["server"].append(timing["app"])
            sample["cpu"].append(timing["cpu"])
            sample["db"].append(timing.get("db", 0.0))
            sample["client"].append(c)
            sample.update(size=size, queries=int(timing.get("db_desc", "0")))
            if "cache_desc" in timing:
                sample["caches"][timing["cache_desc"]] = sample["caches"].get(timing["cache_desc"], 0) + 1
    results = []
    for first, sample in zip(firsts, samples, strict=True):
        result = {
            "server_p50_ms": percentile(sample["server"], 50),
            "server_p95_ms": percentile(sample["server"], 95),
            "server_cpu_p50_ms": percentile(sample["cpu"], 50),
            "server_cpu_p95_ms": percentile(sample["cpu"], 95),
            "server_db_p50_ms": percentile(sample["db"], 50),  # waiting on the database's answers
            "queries": sample["queries"],
            "client_p50_ms": percentile(sample["client"], 50),
            "bytes": sample["size"],
        }
        if sample["caches"]:
            result["cache"] = sample["caches"]
            result["first_request"] = {"server_ms": first["app"], "cache": first.get("cache_desc")}
        results.append(result)
    return results


def throughput(url: str, cookie: str) -> float:
    """Requests per second with CLIENTS concurrent clients for SECONDS."""
    stop = time.monotonic() + SECONDS
    counts = [0] * CLIENTS

    def client(index: int) -> None:
        while time.monotonic() < stop:
            fetch(url, cookie)
            counts[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return round(sum(counts) / SECONDS, 1)


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return round(time.perf_counter() - start, 3), result


def cpu_timed(function, *args) -> tuple[float, float, object]:
    """(wall seconds, processor seconds of this process, result)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return round(time.perf_counter() - start, 3), round(time.process_time() - cpu, 3), result


def session_cookie(user) -> str:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from driehoek.accounts import twofactor

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "driehoek.accounts.backends.UserBackend"  # as a log-in with a password
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if twofactor.is_required(user):
        # As after typing the app's code (django_otp.login): the session names the verified device.
        device, _new = TOTPDevice.objects.get_or_create(user=user, name="app", defaults={"confirmed": True})
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def subjects() -> dict:
    """The largest framework set, its richest agreement and the users to look with."""
    from django.db.models import Count

    from driehoek.accounts.models import Partij, User
    from driehoek.core.synthetic import CURRENT
    from driehoek.register.models import Afsprakenset

    largest = (
        Afsprakenset.objects.filter(gemeente__fictief=True, soort="kaderafspraken")
        .annotate(n=Count("afspraken"))
        .order_by("-n", "pk")
        .first()
    )
    afspraak = largest.afspraken.annotate(n=Count("indicatoren")).order_by("-n", "volgorde").first()
    gemeente = Partij.objects.get(naam=f"Gemeente {largest.gemeente.naam}")
    secretaris, _new = User.objects.get_or_create(
        username="bench-secretaris", defaults={"partij": gemeente, "rol": User.Rol.SECRETARIS}
    )
    beheerder, _new = User.objects.get_or_create(
        username="bench-beheerder", defaults={"rol": User.Rol.BEHEERDER, "is_superuser": True}
    )
    return {
        "set": largest,
        "afspraak": afspraak,
        "jaar": CURRENT,
        "published": largest.publicaties.order_by("-jaar").first().jaar,
        "secretaris": secretaris,
        "beheerder": beheerder,
    }


@contextlib.contextmanager
def gunicorn(port: int):
    """Driehoek served by gunicorn with the production settings on `port`; yields its base address."""
    from django.urls import reverse

    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "driehoek.conf.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS), "--log-level", "warning"],
        env=os.environ.copy(),
    )
    try:
        for _i in range(100):
            try:
                fetch(base + reverse("gezond"))
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def page_paths(s: dict) -> dict:
    """{name: (path, cookie)}: the minimal view and the main pages, as whom they are looked at."""
    from django.urls import reverse

    slug, jaar, nummer = s["set"].slug, s["jaar"], s["afspraak"].nummer
    member, admin = session_cookie(s["secretaris"]), session_cookie(s["beheerder"])
    return {
        "minimal_view": (reverse("gezond"), member),
        "monitoringstabel": (reverse("monitoring:tabel", args=[slug, jaar]), member),
        "dashboard": (reverse("monitoring:dashboard", args=[slug, jaar]), member),
        "afspraak": (reverse("register:afspraak", args=[slug, nummer]), member),
        "beoordeling": (reverse("monitoring:beoordeling", args=[slug, jaar, nummer]), member),
        "set": (reverse("register:set", args=[slug]), member),
        "openbaar": (reverse("reports:openbaar", args=[slug, s["published"]]), ""),
        "landelijk": (reverse("reports:landelijk"), admin),
        "landelijk_openbaar": (reverse("reports:landelijk_openbaar"), ""),
    }


def serve(label: str) -> None:
    """`bench.py serve`: the small country served until this process's input ends; first prints
    one JSON line with its base address and its pages' paths and cookies."""
    import django

    django.setup()
    with gunicorn(PORTS[label] + SMALL_PORT_OFFSET) as base:
        print(json.dumps({"base": base, "pages": page_paths(subjects())}), flush=True)
        sys.stdin.read()


def with_multiples(timings: dict) -> dict:
    """Each page's time also as a multiple of the minimal view's service time in the same run."""
    minimal_view = timings.pop("minimal_view")
    for timing in timings.values():
        for p in ("p50", "p95"):
            timing[f"{p}_x_minimal"] = round(timing[f"server_{p}_ms"] / max(minimal_view[f"server_{p}_ms"], 0.01), 1)
    return {"minimal_view": minimal_view, "pages": timings}


def serve_and_measure(label: str, s: dict) -> dict:
    """The pages timed (beside the small country's when BENCH_PAIRED names it), then throughput."""
    paired = json.loads(Path(os.environ["BENCH_PAIRED"]).read_text()) if os.environ.get("BENCH_PAIRED") else None
    with gunicorn(PORTS[label]) as base:
        pages = page_paths(s)
        timings, small = {}, {}
        for name, (path, cookie) in pages.items():
            log(f"{label}: {name}" + (" (beside the small country)" if paired else ""))
            targets = [(base + path, cookie)]
            if paired:
                small_path, small_cookie = paired["pages"][name]
                targets.append((paired["base"] + small_path, small_cookie))
            timings[name], *rest = time_pages(targets)
            if rest:
                small[name] = rest[0]
        log(f"{label}: throughput")
        minimal = throughput(base + pages["minimal_view"][0], pages["minimal_view"][1])
        table = throughput(base + pages["monitoringstabel"][0], pages["monitoringstabel"][1])
    result = with_multiples(timings)
    if small:
        result["small_scale"] = {**with_multiples(small), "timed": "alternating with the full scale"}
    return {
        **result,
        "throughput": {
            "minimal_view_rps": minimal,
            "monitoringstabel_rps": table,
            "ratio": round(table / minimal, 3) if minimal else None,
            "clients": CLIENTS,
            "workers": WORKERS,
            "seconds": SECONDS,
        },
    }


def exports(s: dict) -> dict:
    from driehoek.reports import evaluation
    from driehoek.reports import exports as tabel

    afsprakenset, adopted = s["set"], s["published"]
    xlsx_s, xlsx_cpu, xlsx = cpu_timed(tabel.xlsx_bytes, afsprakenset, s["jaar"])
    pdf_s, pdf_cpu, pdf = cpu_timed(tabel.pdf_bytes, afsprakenset, s["jaar"])
    eval_pdf_s, eval_pdf_cpu, eval_pdf = cpu_timed(evaluation.pdf, afsprakenset, adopted)
    eval_xlsx_s, eval_xlsx_cpu, _x = cpu_timed(evaluation.xlsx, afsprakenset, adopted)
    return {
        "set": afsprakenset.slug,
        "agreements": afsprakenset.afspraken.count(),
        "monitoringstabel_xlsx_s": xlsx_s,
        "monitoringstabel_xlsx_cpu_s": xlsx_cpu,
        "monitoringstabel_pdf_s": pdf_s,
        "monitoringstabel_pdf_cpu_s": pdf_cpu,
        "evaluation_pdf_s": eval_pdf_s,
        "evaluation_pdf_cpu_s": eval_pdf_cpu,
        "evaluation_xlsx_s": eval_xlsx_s,
        "evaluation_xlsx_cpu_s": eval_xlsx_cpu,
        "evaluation_year": adopted,
        "evaluation_pdf_kb": len(eval_pdf) // 1024,
        "monitoringstabel_pdf_kb": len(pdf) // 1024,
        "monitoringstabel_xlsx_kb": len(xlsx) // 1024,
    }


def figures() -> dict:
    """Rent bands and remaining E/F/G labels of every corporation in every municipality."""
    from driehoek.figures import queries
    from driehoek.register.models import Gemeente

    start, cpu = time.perf_counter(), time.process_time()
    homes = 0
    for gemeente in Gemeente.objects.filter(fictief=True):
        homes += sum(r.homes for r in queries.rents(gemeente))
    return {
        "homes": homes,
        "seconds": round(time.perf_counter() - start, 3),
        "cpu_seconds_this_process": round(time.process_time() - cpu, 3),
    }


def upload() -> dict:
    """Checking a woningregister upload of UPLOAD_ROWS rows, as a corporation's CSV arrives."""
    import random

    from driehoek.figures import uploads

    r = random.Random(SEED)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["eigen_id", "kern", "type", "kale_huur", "energielabel", "nultredenwoning", "bestemming"])
    for i in range(UPLOAD_ROWS):
        rent = f"{r.uniform(300, 1200):.2f}".replace(".", ",")
        writer.writerow([f"W-{i:07d}", "Kern", "eengezinswoning", rent, r.choice("ABCDEFG"), "nee", "doorexploiteren"])
    content = out.getvalue().encode()
    start, cpu = time.perf_counter(), time.process_time()
    records = uploads.validate("woningregister", uploads.read_table("register.csv", content))
    problems = uploads.check_rows("woningregister", records)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert len(records) == UPLOAD_ROWS and not problems
    return {
        "rows": UPLOAD_ROWS,
        "seconds": round(seconds, 3),
        "rows_per_s": round(UPLOAD_ROWS / seconds),
        "cpu_seconds": round(cpu, 3),
        "rows_per_cpu_s": round(UPLOAD_ROWS / cpu),
    }


def importer() -> dict:
    """The importer on the Kaderafspraken made into a real PDF (WeasyPrint, as `make importer-eval`
    does): the time from PDF bytes to a proposed set, per page of that PDF."""
    import logging

    from driehoek.importer.evaluation import text_to_pdf
    from driehoek.importer.proposal import propose

    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)

    text = (ROOT / "data" / "aa-en-hunze" / "bron" / "kaderafspraken-2026-2031.txt").read_text(encoding="utf-8")
    pdf = text_to_pdf(text)
    propose("kaderafspraken.pdf", pdf)  # warm up: imports and compiled patterns
    seconds, proposal = timed(propose, "kaderafspraken.pdf", pdf)
    return {"pages": proposal.pages, "seconds": seconds, "ms_per_page": round(seconds * 1000 / proposal.pages, 1)}


def similar() -> dict:
    """The index of similar agreements at this scale: its build time and size, and the time of a
    similar-agreements query and a national search (as the system: every set is a candidate)."""
    import random

    from driehoek.register.models import Afspraak
    from driehoek.vergelijken import queries, services

    build_s, built = timed(services.build_index)
    rng = random.Random(2026)
    pks = list(Afspraak.objects.values_list("pk", flat=True))
    afspraken = Afspraak.objects.select_related("afsprakenset").in_bulk(rng.sample(pks, min(60, len(pks))))
    words = ["doorstroming senioren", "urgentie", "energielabel verbeteren", "leefbaarheid wijk", "flexwonen"]
    queries.similar(queries.SYSTEM, next(iter(afspraken.values())))  # warm up: loads the index
    times = [timed(queries.similar, queries.SYSTEM, a)[0] * 1000 for a in afspraken.values()]
    times += [timed(queries.search, queries.SYSTEM, w)[0] * 1000 for w in words * 4]
    return {
        "agreements": built.aantal_afspraken,
        "build_s": round(build_s, 1),
        "size_mb": round(built.grootte / 1_000_000, 1),
        "queries": len(times),
        "query_p50_ms": round(percentile(times, 50), 1),
        "query_p95_ms": round(percentile(times, 95), 1),
    }


def explain(label: str, s: dict) -> dict:
    """EXPLAIN (ANALYZE, BUFFERS) of the two slowest queries behind each main page, on PostgreSQL,
    written to var/bench/explain-postgresql.txt (docs/performance.md quotes it)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from driehoek.figures import queries as figure_queries
    from driehoek.monitoring import jaarstand
    from driehoek.monitoring import queries as monitoring_queries
    from driehoek.register.models import Afsprakenset
    from driehoek.reports import national

    if connection.vendor != "postgresql":
        return {"skipped": "recorded on PostgreSQL"}
    afsprakenset, jaar, user = s["set"], s["jaar"], s["secretaris"]
    work = {
        "monitoringstabel": lambda: monitoring_queries.monitoringstabel(afsprakenset, jaar),
        "dashboard": lambda: (
            jaarstand.dashboard(afsprakenset, jaar),
            jaarstand.inbox(user, afsprakenset, jaar),
        ),
        "landelijk": lambda: national.overview(Afsprakenset.objects.all()),
        "landelijk_openbaar": lambda: national.overview(
            Afsprakenset.objects.filter(publicaties__isnull=False), public=True
        ),
        "cijfers (huren en labels)": lambda: figure_queries.rents(afsprakenset.gemeente),
        "zichtbare sets": lambda: list(Afsprakenset.objects.visible_to(user)),
    }
    parts = []
    for name, function in work.items():
        with CaptureQueriesContext(connection) as captured:
            function()
        for query in sorted(captured.captured_queries, key=lambda q: float(q["time"]), reverse=True)[:2]:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            parts.append(f"-- {name}\n{query['sql']}\n\n{plan}\n")
    path = BENCH_DIR / f"explain-{label}.txt"
    path.write_text("\n".join(parts))
    return {"file": str(path.relative_to(ROOT)), "plans": len(parts)}


def render_cost(s: dict) -> dict:
    """Where an uncached monitoringstabel's time goes, in this process (processor ms, p50 of 20):
    its queries, and the rendering of its rows (the part that is cached)."""
    from driehoek.monitoring import queries, tabelcache

    afsprakenset, jaar = s["set"], s["jaar"]
    query_ms, all_ms = [], []
    for _i in range(20):
        cpu = time.process_time()
        rows = queries.monitoringstabel(afsprakenset, jaar)
        middle = time.process_time()
        tabelcache.render(afsprakenset, jaar)  # the rows again, and their HTML
        query_ms.append((middle - cpu) * 1000)
        all_ms.append((time.process_time() - middle) * 1000)
    render_ms = [b - a for a, b in zip(query_ms, all_ms, strict=True)]
    return {
        "rows": len(rows),
        "queries_cpu_p50_ms": percentile(query_ms, 50),
        "render_cpu_p50_ms": percentile(render_ms, 50),
    }


def measure(label: str) -> None:
    import django

    django.setup()
    s = subjects()
    result = {"database": label, "largest_set": s["set"].slug, "agreements_in_largest_set": s["set"].n}
    result.update(serve_and_measure(label, s))
    result["monitoringstabel_uncached"] = render_cost(s)
    for name, function in (("exports", lambda: exports(s)), ("figures", figures), ("upload", upload)):
        log(f"{label}: {name}")
        try:
            result[name] = function()
        except Exception as e:  # e.g. WeasyPrint without Pango: say so, keep the other measurements
            result[name] = {"error": repr(e)}
    result["importer"] = importer()
    log(f"{label}: similar agreements")
    try:
        result["similar"] = similar()
    except Exception as e:  # reported, and the verdict then has no value for it
        result["similar"] = {"error": repr(e)}
    try:
        result["explain"] = explain(label, s)
    except Exception as e:  # the plans are documentation; a failure must not lose the measurements
        result["explain"] = {"error": repr(e)}
    result["peak_memory_mb"] = {
        "bench_process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "largest_gunicorn_process": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        measure(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "postgresql-inside":
        postgresql_inside(sys.argv[2])
    else:
        main()
