"""`make run` serves where PORT= and HOST= say and prints that address (issue 16 item 12); the
test dependencies' apt-get waits for another apt-get's lock (item 13)."""

import re
import shutil
import subprocess

import pytest

from django.conf import settings


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_takes_port_and_host_and_prints_the_address():
    out = subprocess.run(
        ["make", "-n", "run", "PORT=8123", "HOST=127.0.0.2"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "runserver 127.0.0.2:8123" in out and "http://127.0.0.2:8123/" in out
    default = subprocess.run(["make", "-n", "run"], cwd=settings.BASE_DIR, capture_output=True, text=True).stdout
    assert "runserver 127.0.0.1:8000" in default
    assert "PORT=" in (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")


def test_every_apt_get_waits_for_the_lock():
    script = (settings.BASE_DIR / "scripts" / "install-test-deps.sh").read_text(encoding="utf-8")
    calls = [line for line in script.splitlines() if re.search(r"^\s*apt-get\b", line)]
    assert calls and all("lock[@]" in line or "DPkg::Lock::Timeout" in line for line in calls), calls
    assert "DPkg::Lock::Timeout=600" in script
