"""make backup and make restore: a back-up, then loss and changes, then the restore brings back the
register (export_register) and the monitoring (values, assessments) exactly as they were."""

import json
from decimal import Decimal
from io import StringIO

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from driehoek.monitoring import services
from driehoek.monitoring.models import Beoordeling, Indicatorwaarde, Monitoringsjaar
from driehoek.register.models import Afspraak

pytestmark = [pytest.mark.transactional, pytest.mark.django_db(transaction=True)]


def _snapshot() -> dict:
    out = StringIO()
    call_command("export_register", stdout=out)
    values = Indicatorwaarde.objects.order_by("indicator_id", "jaar").values_list(
        "indicator_id", "jaar", "waarde", "oordeel", "partij_id", "versie"
    )
    lights = Beoordeling.objects.order_by("afspraak_id", "jaar").values_list(
        "afspraak_id", "jaar", "status", "kleur", "reden", "toelichting", "voorzet_partij_id", "versie"
    )
    return {
        "register": json.loads(out.getvalue()),
        "waarden": [list(map(str, v)) for v in values],
        "beoordelingen": [list(map(str, b)) for b in lights],
        "jaren": list(Monitoringsjaar.objects.values_list("afsprakenset_id", "jaar")),
    }


def test_backup_then_restore_gives_back_register_and_monitoring(aa_en_hunze_loaded, kader, people, tmp_path, settings):
    media = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": media}},
    }
    services.start_year(people["secretaris"], kader, 2026)
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    services.save_value(people["woonborg"], indicator, 2026, waarde=Decimal(14), bron="jaarverslag")
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    services.make_voorzet(people["woonborg"], b, kleur="oranje", reden="a", toelichting="Vertraging in Gieten.")
    (media / "bijlagen").mkdir(parents=True)
    (media / "bijlagen" / "verslag.pdf").write_bytes(b"%PDF-1.4 bewijs")
    before = _snapshot()
    assert len(before["register"]) >= 2 and len(before["beoordelingen"]) >= 19 and before["waarden"]

    out = StringIO()
    call_command("backup", output=str(tmp_path / "backup"), stdout=out)
    assert "Back-up gemaakt in" in out.getvalue()

    # What a bad day looks like: a value lost, an assessment overwritten, an agreement text
    # changed, a year gone, an uploaded file deleted.
    Indicatorwaarde.objects.all().delete()
    Beoordeling.objects.filter(pk=b.pk).update(kleur="groen", reden="", toelichting="")
    Afspraak.objects.filter(afsprakenset=kader, nummer="2").update(tekst="Iets anders")
    Monitoringsjaar.objects.filter(afsprakenset=kader, jaar=2026).delete()
    (media / "bijlagen" / "verslag.pdf").unlink()
    assert _snapshot() != before

    call_command("restore", str(tmp_path / "backup"), "--noinput", stdout=StringIO())
    assert _snapshot() == before
    assert (media / "bijlagen" / "verslag.pdf").read_bytes() == b"%PDF-1.4 bewijs"
    print(
        f"backup/restore: {len(before['register'])} sets, {len(before['waarden'])} values, "
        f"{len(before['beoordelingen'])} assessments identical after restore"
    )


def test_restore_of_something_that_is_not_a_backup_says_so(tmp_path, db):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("restore", str(tmp_path / "nergens"), "--noinput")
    (tmp_path / "leeg").mkdir()
    with pytest.raises(CommandError, match="staat geen database"):
        call_command("restore", str(tmp_path / "leeg"), "--noinput")
