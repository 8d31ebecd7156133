"""Shared fixtures. The Aa en Hunze data is loaded once per test session; each test runs in a
transaction that is rolled back, so every test sees the data as loaded."""

import os

import pytest

# live_server and the ORM share one process in the browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    # Browser tests run in their own session (see scripts/test.sh) on transactional databases,
    # which are emptied after each test; they load the data themselves.
    if request.config.getoption("-m") != "browser":
        from driehoek.register.seeds import load_aa_en_hunze

        with django_db_blocker.unblock():
            load_aa_en_hunze()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture
def user_factory(db):
    from driehoek.accounts.tests.factories import UserFactory

    return UserFactory
