"""Shared fixtures. The Aa en Hunze data is loaded once per test session; each test runs in a
transaction that is rolled back, so every test sees the data as loaded."""

import gc
import os

import pytest

# live_server and the ORM share one process in the browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SECOND_SESSION = "browser or transactional"

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
    # Browser and transactional tests run in their own session (see scripts/test.sh) on databases
    # that are emptied after each test; they load the data themselves (fixture aa_en_hunze_loaded).
    if request.config.getoption("-m") != SECOND_SESSION:
        from django.core.management import call_command

        from driehoek.register.seeds import load_aa_en_hunze

        with django_db_blocker.unblock():
            load_aa_en_hunze()
            call_command("load_reference_data", verbosity=0)
            call_command("load_document_figures", verbosity=0)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def dutch_first():
    """Every test starts in Dutch. A request in English (a user's language, a cookie) leaves English
    active in the thread after the test client's response, and the next test's Dutch messages came
    out in English depending on which tests ran before it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def live_requests_done(request):
    """A browser test's database is emptied only after the live server has answered the requests
    still in flight (driehoek/core/tests/live.py): the browser is sent to a blank page first, so
    that it starts none."""
    if "live_server" not in request.fixturenames:
        yield
        return
    from driehoek.core.tests.live import IN_FLIGHT

    IN_FLIGHT.connect()
    # Asked for here, so that they are taken down after this fixture: the database is emptied last.
    request.getfixturevalue("transactional_db")
    page = request.getfixturevalue("page") if "page" in request.fixturenames else None
    yield
    if page is not None and not page.is_closed():
        page.goto("about:blank")
    if not IN_FLIGHT.wait(timeout=30):
        pytest.fail(f"{IN_FLIGHT.count} verzoek(en) aan de live server liepen na de test nog na 30 s")
    # A request thread's own connection outlives its thread until the cycle collector frees it, with
    # whatever statement it left unfinished; freed now, it cannot lock a table being emptied.
    gc.collect()


@pytest.fixture(autouse=True)
def no_csp_violations(request):
    """Every browser journey fails on a Content-Security-Policy violation that chromium reports."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield
    assert violations == [], violations


@pytest.fixture
def client():
    """Django's test client, whose force_login completes the two-factor step honestly (a real
    TOTP code on the real page) for those who need it; there is no switch that skips it."""
    from driehoek.accounts.tests.twofactor import Client

    return Client()


@pytest.fixture
def user_factory(db):
    from driehoek.accounts.tests.factories import UserFactory

    return UserFactory


# --- Aa en Hunze people and sets, for the monitoring and cycle tests -------------------------

KADER = "aa-en-hunze-kaderafspraken-2026-2031"


@pytest.fixture
def aa_en_hunze_loaded(transactional_db):
    from django.core.management import call_command

    from driehoek.register.seeds import load_aa_en_hunze

    load_aa_en_hunze()
    call_command("load_reference_data", verbosity=0)
    call_command("load_document_figures", verbosity=0)


@pytest.fixture
def kader(db):
    from driehoek.register.models import Afsprakenset

    return Afsprakenset.objects.get(slug=KADER)


@pytest.fixture
def people(db, user_factory):
    """One user per part a person can play in Aa en Hunze's monitoring and meetings."""
    from driehoek.accounts.models import Partij, User

    def party(name):
        return Partij.objects.get(naam=name)

    return {
        "secretaris": user_factory(
            username="secretaris", partij=party("Gemeente Aa en Hunze"), rol=User.Rol.SECRETARIS
        ),
        "gemeente": user_factory(username="gemeente", partij=party("Gemeente Aa en Hunze"), rol=User.Rol.INVULLER),
        "bestuurder": user_factory(username="wethouder", partij=party("Gemeente Aa en Hunze"), rol=User.Rol.BESTUURDER),
        "woonborg": user_factory(username="woonborg", partij=party("Woonborg"), rol=User.Rol.INVULLER),
        "volmacht": user_factory(
            username="volmacht", partij=party("Woningstichting De Volmacht"), rol=User.Rol.INVULLER
        ),
        "woonzorg": user_factory(username="woonzorg", partij=party("Woonzorg Nederland"), rol=User.Rol.INVULLER),
        "ahwoon": user_factory(
            username="ahwoon", partij=party("Algemene Huurdersvereniging WOON"), rol=User.Rol.INVULLER
        ),
        "deelmacht": user_factory(
            username="deelmacht", partij=party("Huurdersvereniging De Deelmacht"), rol=User.Rol.INVULLER
        ),
        "lezer": user_factory(username="lezer", partij=party("Algemene Huurdersvereniging WOON"), rol=User.Rol.LEZER),
        "beheerder": user_factory(username="beheerder", rol=User.Rol.BEHEERDER, is_superuser=True),
        "buitenstaander": user_factory(
            username="buiten",
            partij=Partij.objects.create(naam="Fictieve Woningstichting", korte_naam="FW", soort="corporatie"),
            rol=User.Rol.SECRETARIS,
        ),
    }


@pytest.fixture
def year_2026(kader, people):
    from driehoek.monitoring import services

    return services.start_year(people["secretaris"], kader, 2026)
