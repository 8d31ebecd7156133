import copy
import json
from datetime import date
from decimal import Decimal

import pytest

from driehoek.jaarprogramma import adopt, services
from driehoek.register.models import Jaardoel
from driehoek.register.opendata import RegisterFormatError, export_sets, import_sets

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme_set(kader, people):
    programma = services.start(
        people["secretaris"], kader, 2027, reacties_uiterlijk=date(2026, 12, 1), today=date(2026, 11, 1)
    )
    return adopt.adopt(people["secretaris"], programma, datum=date(2026, 12, 10), orgaan="BO")


def test_yearly_targets_go_out_and_come_back(kader, programme_set):
    data = json.loads(json.dumps(export_sets([kader, programme_set])))
    assert "yearly_targets" not in data["sets"][0]  # the framework states none itself
    targets = data["sets"][1]["yearly_targets"]
    first = next(t for t in targets if t["agreement"] == "1" and t["indicator"] == 0)
    assert (first["set"], first["year"], first["value"], first["comparator"]) == (kader.slug, 2027, 20, "ten_minste")
    stored = {(d.indicator_id, d.jaar, d.waarde) for d in programme_set.jaardoelen.all()}
    programme_set.jaardoelen.all().delete()
    import_sets(data)
    assert {(d.indicator_id, d.jaar, d.waarde) for d in programme_set.jaardoelen.all()} == stored
    assert import_sets(data)["wijzigingen"] == 0  # reading it again changes nothing

    changed = copy.deepcopy(data)
    changed["sets"][1]["yearly_targets"] = [dict(first, value=30)]
    import_sets(changed)
    assert list(programme_set.jaardoelen.values_list("waarde", flat=True)) == [Decimal(30)]


def test_a_yearly_target_must_point_at_this_set_or_its_parent_and_at_an_existing_indicator(kader, programme_set):
    data = export_sets([kader, programme_set])
    wrong_set = copy.deepcopy(data)
    wrong_set["sets"][1]["yearly_targets"][0]["set"] = "aa-en-hunze-prestatieafspraken-2022"
    with pytest.raises(RegisterFormatError, match="bovenliggende set"):
        import_sets(wrong_set)
    wrong_indicator = copy.deepcopy(data)
    wrong_indicator["sets"][1]["yearly_targets"][0]["indicator"] = 9
    before = Jaardoel.objects.count()
    with pytest.raises(RegisterFormatError, match="bestaat niet"):
        import_sets(wrong_indicator)
    assert Jaardoel.objects.count() == before  # all or nothing
