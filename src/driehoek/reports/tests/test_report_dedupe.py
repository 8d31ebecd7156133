"""Clicking "make the report" twice queues one build, not two (issue 15, finding 11)."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.urls import reverse

from driehoek.reports.models import Rapport

pytestmark = pytest.mark.django_db


def test_a_running_request_is_not_queued_again(client, kader, people, year_2026):
    client.force_login(people["woonborg"])
    url = reverse("reports:rapport_aanvragen", args=[kader.slug, 2026])
    first = client.post(url, {"formaat": "pdf"})
    second = client.post(url, {"formaat": "pdf"})
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Rapport.objects.filter(afsprakenset=kader, jaar=2026, formaat="pdf").count() == 1
    assert DBTaskResult.objects.filter(task_path="driehoek.reports.tasks.build_report").count() == 1
    # Another format is another report; a finished one may be made again.
    client.post(url, {"formaat": "xlsx"})
    Rapport.objects.filter(formaat="pdf").update(stand=Rapport.Stand.KLAAR)
    client.post(url, {"formaat": "pdf"})
    assert Rapport.objects.filter(afsprakenset=kader, jaar=2026).count() == 3
    assert DBTaskResult.objects.filter(task_path="driehoek.reports.tasks.build_report").count() == 3
