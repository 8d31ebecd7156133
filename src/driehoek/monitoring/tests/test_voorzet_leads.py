"""`voorzet_leads` (all agreements of a set at once, for the inbox) names the same party first as
`voorzet_holders` (one agreement, for its page)."""

import pytest

from driehoek.core.synthetic import Generator
from driehoek.monitoring.roles import voorzet_holders, voorzet_leads
from driehoek.register.models import Afsprakenset

pytestmark = pytest.mark.django_db


def test_the_inbox_and_the_agreement_page_agree_on_who_leads():
    Generator(scale=0.002, seed=5, progress=None).run()
    compared = 0
    for afsprakenset in Afsprakenset.objects.all():
        leads = voorzet_leads(afsprakenset)
        for afspraak in afsprakenset.afspraken.all():
            holders = voorzet_holders(afspraak)
            assert leads[afspraak.pk] == (holders[0].pk if holders else None), afspraak
            compared += 1
    assert compared > 100  # the Aa en Hunze sets and the generated ones
