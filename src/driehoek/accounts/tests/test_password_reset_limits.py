"""Password reset tells nobody which addresses exist and cannot be used to flood (issue 15,
finding 8): the request does the same work for a known and an unknown address (the lookup and the
mail happen on the background queue), production sends no Server-Timing, and there is a limit
per address and per client with the same Dutch answer whether the address exists or not."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from driehoek.accounts.password_reset import PER_ADDRESS, PER_CLIENT

pytestmark = pytest.mark.django_db

LIMITED = "Er is voor dit adres of vanaf deze verbinding al vaak om een nieuw wachtwoord gevraagd"


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


RESET = "driehoek.accounts.password_reset.send_reset"  # other rooms queue work of their own too


def _run_queue() -> None:
    """What the worker (manage.py db_worker) does with each queued task."""
    for row in DBTaskResult.objects.ready().filter(task_path=RESET):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()


def _ask(client, email, addr="192.0.2.1"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=addr)


def test_the_request_only_queues_the_same_task_for_known_and_unknown_addresses(user_factory):
    user_factory(username="vera", email="vera@example.org")
    client = Client()
    known, unknown = _ask(client, "vera@example.org"), _ask(client, "niemand@example.org")
    assert known.status_code == unknown.status_code == 302 and known.url == unknown.url
    assert mail.outbox == []  # nothing is looked up or sent in the request
    assert [r.task_path for r in DBTaskResult.objects.filter(task_path=RESET)] == [RESET] * 2
    _run_queue()
    assert [m.to for m in mail.outbox] == [["vera@example.org"]]
    assert "/wachtwoord-vergeten/" in mail.outbox[0].body


def test_no_server_timing_when_switched_off(settings):
    settings.SERVER_TIMING = False
    response = Client().post(reverse("password_reset"), {"email": "a@example.org"})
    assert "Server-Timing" not in response.headers
    settings.SERVER_TIMING = True
    assert "Server-Timing" in Client().get("/gezond/").headers


def test_a_limit_per_address_with_the_same_answer_for_known_and_unknown(user_factory):
    user_factory(username="vera", email="vera@example.org")
    for email in ("vera@example.org", "niemand@example.org"):
        for i in range(PER_ADDRESS):
            assert _ask(Client(), email.upper() if i else email, addr=f"192.0.2.{i + 10}").status_code == 302
        refused = _ask(Client(), email, addr="192.0.2.99")
        assert refused.status_code == 429 and LIMITED in refused.content.decode()
    assert DBTaskResult.objects.filter(task_path=RESET).count() == 2 * PER_ADDRESS


def test_a_limit_per_client(user_factory):
    client = Client()
    for i in range(PER_CLIENT):
        assert _ask(client, f"iemand{i}@example.org").status_code == 302
    refused = _ask(client, "nog-een@example.org")
    assert refused.status_code == 429 and LIMITED in refused.content.decode()
    assert _ask(client, "nog-een@example.org", addr="198.51.100.7").status_code == 302


def test_production_sends_no_server_timing():
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DRIEHOEK_ENVIRONMENT", "SERVER_TIMING"}}
    code = "import django; django.setup(); from django.conf import settings; print(settings.SERVER_TIMING)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "driehoek.conf.production",
            "PYTHONPATH": str(settings.SRC_DIR.parent),
            "SECRET_KEY": "k7#Vq" * 12,
            "ALLOWED_HOSTS": "driehoek.example",
        },
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "False", result.stderr[-500:]
