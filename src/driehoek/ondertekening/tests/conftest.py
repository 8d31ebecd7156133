from datetime import date

import pytest

from .helpers import make_jaarprogramma, make_signers

TODAY = date(2026, 11, 30)


@pytest.fixture
def programma(kader):
    return make_jaarprogramma(kader)


@pytest.fixture
def signers(user_factory):
    return make_signers(user_factory)
