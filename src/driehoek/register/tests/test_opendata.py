import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from driehoek.accounts.models import Partij
from driehoek.register.models import Afspraak, Afsprakenset, Gemeente
from driehoek.register.opendata import RegisterFormatError, export_sets, import_sets
from driehoek.register.seeds import aa_en_hunze_files

pytestmark = pytest.mark.django_db


def _history_rows() -> int:
    return sum(m.objects.count() for m in apps.get_models() if m.__name__.startswith("Historical"))


def _export() -> dict:
    return export_sets(Afsprakenset.objects.order_by("slug"))


def _wipe_register():
    from driehoek.figures.models import Aanlevering

    Aanlevering.objects.all().delete()  # figures hang on the municipality, not on the register
    Afsprakenset.objects.update(status="concept")  # a signed set is never deleted (register.guard)
    for s in Afsprakenset.objects.all():
        s.afspraken.all().delete()
        s.themas.all().delete()
        s.delete()
    Gemeente.objects.all().delete()


def test_export_holds_both_sets_in_the_documented_shape(capsys):
    call_command("export_register", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "driehoek-register" and data["version"] == 1
    by_slug = {s["slug"]: s for s in data["sets"]}
    agreements = {slug: [a for t in s["themes"] for a in t["agreements"]] for slug, s in by_slug.items()}
    assert len(agreements["aa-en-hunze-prestatieafspraken-2022"]) == 85
    assert len(agreements["aa-en-hunze-kaderafspraken-2026-2031"]) == 19
    first = agreements["aa-en-hunze-kaderafspraken-2026-2031"][0]
    assert set(first) >= {"number", "section", "kind", "text", "responsible", "indicators", "targets"}
    assert set(first["indicators"][0]) >= {"description", "kind", "years", "actiehouders"}
    assert set(first["targets"][0]) >= {"value", "value_max", "unit", "comparator", "year", "source_text"}
    assert sum(len(a["indicators"]) for a in agreements["aa-en-hunze-kaderafspraken-2026-2031"]) == 30


def test_export_of_one_set(capsys):
    call_command("export_register", "--set", "aa-en-hunze-kaderafspraken-2026-2031")
    assert [s["slug"] for s in json.loads(capsys.readouterr().out)["sets"]] == ["aa-en-hunze-kaderafspraken-2026-2031"]
    with pytest.raises(CommandError, match="geen set"):
        call_command("export_register", "--set", "bestaat-niet")


def test_export_equals_the_data_files():
    exported = {s["slug"]: s for s in _export()["sets"]}
    for path in aa_en_hunze_files():
        for s in json.loads(path.read_text(encoding="utf-8"))["sets"]:
            assert {key: exported[s["slug"]][key] for key in s} == s


def test_round_trip_into_an_empty_register_loses_nothing(tmp_path):
    before = _export()
    path = tmp_path / "register.json"
    path.write_text(json.dumps(before, ensure_ascii=False), encoding="utf-8")
    _wipe_register()
    assert not Afspraak.objects.exists()
    call_command("import_register", str(path))
    assert _export() == before


def test_importing_the_same_file_again_changes_nothing():
    data = _export()
    rows, history = Afspraak.objects.count(), _history_rows()
    ids = list(Afspraak.objects.order_by("pk").values_list("pk", flat=True))
    result = import_sets(data)
    assert result["wijzigingen"] == 0 and result["ongewijzigd"] == 2
    assert Afspraak.objects.count() == rows and _history_rows() == history
    assert list(Afspraak.objects.order_by("pk").values_list("pk", flat=True)) == ids


def test_skip_existing_leaves_corrections_alone():
    Afsprakenset.objects.filter(slug="aa-en-hunze-prestatieafspraken-2022").update(status="concept")  # a draft
    afspraak = Afspraak.objects.get(afsprakenset__slug="aa-en-hunze-prestatieafspraken-2022", nummer="12")
    afspraak.titel = "Correctie van de secretaris"
    afspraak.save()
    result = import_sets(_export_from_files(), skip_existing=True)
    assert result["overgeslagen"] == 2
    afspraak.refresh_from_db()
    assert afspraak.titel == "Correctie van de secretaris"


def _export_from_files() -> dict:
    sets = []
    for path in aa_en_hunze_files():
        sets += json.loads(path.read_text(encoding="utf-8"))["sets"]
    return {"format": "driehoek-register", "version": 1, "sets": sets}


def test_a_changed_agreement_is_updated_with_history():
    # In a draft set; a signed one refuses the file (test_signed_set.py).
    Afsprakenset.objects.update(status="concept")
    data = _export()
    agreement = data["sets"][0]["themes"][0]["agreements"][0]
    old_text = agreement["text"]
    agreement["text"] = old_text + " Aangevuld."
    result = import_sets(data)
    assert result["gewijzigd"] == 1
    afspraak = Afspraak.objects.get(afsprakenset__slug=data["sets"][0]["slug"], nummer=agreement["number"])
    assert afspraak.tekst.endswith("Aangevuld.")
    last = afspraak.history.first()
    assert last.history_change_reason == "import_register"
    assert last.diff_against(last.prev_record).changed_fields == ["tekst", "versie"]  # versie: open forms are refused


def test_a_bad_file_stores_nothing_and_names_every_problem(tmp_path):
    data = _export()
    broken = copy.deepcopy(data)
    s = broken["sets"][0]
    s["slug"] = "nieuwe-set"
    s["themes"][0]["agreements"][0]["responsible"] = ["Onbekende Partij"]
    s["themes"][0]["agreements"][1]["kind"] = "verzonnen"
    s["themes"][1]["agreements"][0]["indicators"] = [
        {"description": "x", "kind": "aantal", "years": "volgend jaar", "actiehouders": []}
    ]
    s["themes"][1]["agreements"][0]["targets"] = [
        {"value": "veel", "unit": "%", "comparator": "tussen", "source_text": "x"}
    ]
    sets_before, history = Afsprakenset.objects.count(), _history_rows()
    with pytest.raises(RegisterFormatError) as error:
        import_sets(broken)
    problems = "\n".join(error.value.problems)
    assert "verantwoordelijke “Onbekende Partij” neemt niet deel aan de set" in problems
    assert "“verzonnen” is geen geldige waarde voor “kind”" in problems
    assert "Jaren moeten de vorm 2026 of 2026-2031 hebben" in problems
    assert "“value” is geen getal" in problems
    assert "een bereik (“tussen”) heeft een bovengrens nodig" in problems
    assert "sets[0] (nieuwe-set).themes[0].agreements[0]" in problems
    assert Afsprakenset.objects.count() == sets_before and _history_rows() == history

    path = tmp_path / "kapot.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("import_register", str(path))
    path.write_text("{ dit is geen json", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("import_register", str(path))


def test_a_failure_while_storing_rolls_everything_back(monkeypatch):
    data = _export()
    data["sets"][1]["slug"] = "tweede-kopie"
    data["sets"][0]["slug"] = "eerste-kopie"
    calls = {"n": 0}
    original = Afspraak.save

    def failing_save(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 50:
            raise RuntimeError("schijf vol")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Afspraak, "save", failing_save)
    with pytest.raises(RuntimeError):
        import_sets(data)
    assert not Afsprakenset.objects.filter(slug__in=["eerste-kopie", "tweede-kopie"]).exists()


def test_not_a_register():
    with pytest.raises(RegisterFormatError, match="geen Driehoek-register"):
        import_sets({"sets": []})


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=60)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=texts,
    agreement_texts=st.lists(texts, min_size=1, max_size=4),
    value=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    years=st.tuples(st.integers(2000, 2040), st.integers(0, 10)),
)
def test_round_trip_of_arbitrary_sets(title, agreement_texts, value, years):
    first, span = years
    number = float(value) if value != value.to_integral_value() else int(value)
    partij = {"name": "Fictieve Gemeente", "short_name": "Fictief", "kind": "gemeente"}
    s = {
        "slug": "fictieve-set",
        "municipality": "Fictief",
        "municipality_cbs_code": "",
        "municipality_province": "",
        "kind": "kaderafspraken",
        "title": title,
        "first_year": first,
        "last_year": first + span,
        "status": "concept",
        "parent": None,
        "source_document": {"title": "", "filename": "", "date": None},
        "parties": [partij],
        "signatories": [],
        "themes": [
            {
                "number": "1",
                "title": title,
                "doel": "",
                "richtingen_label": "Uitgangspunten",
                "richtingen": agreement_texts,
                "agreements": [
                    {
                        "number": str(i + 1),
                        "title": "",
                        "section": "Afspraken",
                        "kind": "gezamenlijk",
                        "text": text,
                        "responsible": [partij["name"]],
                        "references": [],
                        "source_location": "",
                        "indicators": [
                            {
                                "description": text,
                                "kind": "aantal",
                                "years": f"{first}-{first + span}" if span else str(first),
                                "actiehouders": [partij["name"]],
                                "actiehouders_label": "gemeente",
                            }
                        ],
                        "targets": [
                            {
                                "value": number,
                                "value_max": None,
                                "unit": "woningen",
                                "comparator": "ten_minste",
                                "year": first + span,
                                "subject": "",
                                "indicator": 0,
                                "source_text": text,
                            }
                        ],
                    }
                    for i, text in enumerate(agreement_texts)
                ],
                "lopende_afspraken": agreement_texts,
                "targets": [],
            }
        ],
        "extra": {},
    }
    data = {"format": "driehoek-register", "version": 1, "sets": [s]}
    import_sets(data)
    assert export_sets(Afsprakenset.objects.filter(slug="fictieve-set")) == data
    assert Partij.objects.filter(naam="Fictieve Gemeente").count() == 1
