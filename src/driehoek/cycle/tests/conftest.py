"""Fixtures shared by the cycle's tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from driehoek.cycle import services as cycle
from driehoek.cycle.models import Overlegsoort


@pytest.fixture
def meeting(kader, people):
    """A bestuurlijk overleg of the kader set on 30 November 2026, planned by the secretary."""
    return cycle.plan_meeting(
        people["secretaris"],
        kader,
        soort=Overlegsoort.BO,
        titel="BO",
        datum=datetime(2026, 11, 30, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
