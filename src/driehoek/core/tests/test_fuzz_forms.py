"""Property-based: every form of every app takes any input (random unicode, huge strings, script
and formula payloads, control characters) and answers with a valid result or a validation error,
never an exception."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from driehoek.bod import forms as bod_forms
from driehoek.bod.models import Bod
from driehoek.core.tests.strategies import hostile_text, huge_text
from driehoek.cycle import forms as cycle_forms
from driehoek.cycle.models import Geschil, Stemming, Stemoptie
from driehoek.figures import forms as figure_forms
from driehoek.importer import forms as importer_forms
from driehoek.jaarprogramma import forms as programme_forms
from driehoek.monitoring import forms as monitoring_forms
from driehoek.ondertekening import forms as signing_forms
from driehoek.register.forms import AfspraakFilterForm
from driehoek.reports.forms import LandelijkForm
from driehoek.vergelijken import forms as search_forms

pytestmark = pytest.mark.django_db
FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


def _forms(afsprakenset) -> list:
    """Every form, as a function of its data."""
    plain = [
        cycle_forms.OverlegForm,
        cycle_forms.AgendapuntForm,
        cycle_forms.VerslagForm,
        cycle_forms.CorrectieForm,
        cycle_forms.BeslisCorrectieForm,
        cycle_forms.GeschilForm,
        cycle_forms.ModeratorForm,
        cycle_forms.SessieForm,
        cycle_forms.StemmingForm,
        cycle_forms.ConsensusForm,
        cycle_forms.VersieForm,
        monitoring_forms.VoorzetForm,
        monitoring_forms.ReactieForm,
        monitoring_forms.VaststellenForm,
        monitoring_forms.HerzienForm,
        importer_forms.UploadForm,
        importer_forms.SplitsForm,
        importer_forms.HernummerForm,
        importer_forms.ThemaForm,
        importer_forms.PartijForm,
        importer_forms.SetForm,
        importer_forms.IndicatorenForm,
        cycle_forms.StemregelForm,
        bod_forms.StartForm,
        bod_forms.BijlageForm,
        bod_forms.ReactieForm,
        bod_forms.AntwoordForm,
        programme_forms.Form,
        programme_forms.TekstForm,
        programme_forms.JaardoelForm,
        programme_forms.SchrappenForm,
        programme_forms.ReactieForm,
        programme_forms.IntrekkenForm,
        programme_forms.OpmerkingForm,
        programme_forms.VaststellenForm,
        signing_forms.TekstDefinitiefForm,
        signing_forms.HandtekeningForm,
        signing_forms.IntrekkenForm,
        signing_forms.IndieningForm,
        signing_forms.StapForm,
        search_forms.ZoekForm,
        search_forms.ToetsForm,
    ]
    with_set = [
        cycle_forms.BesluitForm,
        cycle_forms.ActiepuntForm,
        cycle_forms.WijzigingForm,
        cycle_forms.OverlegBewerkenForm,
        cycle_forms.NieuweAfspraakForm,
        monitoring_forms.TabelFilterForm,
        AfspraakFilterForm,
        programme_forms.NieuwForm,
    ]
    geschil = Geschil.objects.create(
        afsprakenset=afsprakenset, onderwerp="Huur", omschrijving="Oneens.", gemeld_door=afsprakenset.partijen.first()
    )
    corporatie = afsprakenset.partijen.filter(soort="corporatie").first()
    bod = Bod.objects.get_or_create(
        gemeente=afsprakenset.gemeente, corporatie=corporatie, jaar=2027, defaults={"uiterlijk": date(2026, 7, 1)}
    )[0]
    stemming = Stemming.objects.create(geschil=geschil)
    for order, text in enumerate(["ja", "nee"]):
        Stemoptie.objects.create(stemming=stemming, tekst=text, volgorde=order)
    return [
        lambda data: cycle_forms.StemForm(stemming, data),
        *[lambda data, f=f: f(data) for f in plain],
        *[lambda data, f=f: f(afsprakenset, data) for f in with_set],
        lambda data: monitoring_forms.IndicatorwaardeForm(data, prefix="i1"),
        lambda data: monitoring_forms.DelegatieForm(list(afsprakenset.partijen.all()), data, prefix="d1"),
        lambda data: monitoring_forms.StartJaarForm([2026, 2027], data),
        lambda data: cycle_forms.JaarForm([2026, 2027], data),
        lambda data: figure_forms.AanleverForm(data, {}),
        *[lambda data, s=s: figure_forms.InvoerForm(s, data) for s in ("voorraad", "mutaties", "toewijzingen")],
        lambda data: LandelijkForm(data),
        # The importer's draft of one set, in the open-data shape its review screen edits.
        lambda data: importer_forms.AfspraakForm(_draft(), data),
        lambda data: bod_forms.BodForm(bod, data),
        lambda data: programme_forms.StartForm([2026, 2027], data),
        *[lambda data, k=k: signing_forms.GoedkeuringForm(k, data) for k in ("gemeente", "corporatie", "overig")],
    ]


def _draft() -> dict:
    return {"themes": [{"number": "1", "title": "Betaalbaarheid"}], "parties": [{"name": "Gemeente Zilverveen"}]}


def _data_for(form, values) -> dict:
    names = [form.add_prefix(name) for name in form.fields] + ["form"]
    return {name: values[i % len(values)] for i, name in enumerate(names)}


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(values=st.lists(st.one_of(hostile_text(), huge_text()), min_size=1, max_size=6))
def test_every_form_takes_any_input(kader, values):
    for make in _forms(kader):
        form = make({})
        bound = make(_data_for(form, values))
        if not bound.is_valid():
            assert bound.errors
            for errors in bound.errors.values():
                assert all(isinstance(str(e), str) and str(e) for e in errors)


def test_the_fuzz_covers_every_form_class(kader):
    """A new form must be added to the list above."""
    import inspect

    from django import forms

    modules = [
        cycle_forms, figure_forms, monitoring_forms, importer_forms, bod_forms, programme_forms, signing_forms,
        search_forms,
    ]  # fmt: skip
    declared = {
        cls
        for module in modules
        for _name, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, forms.Form) and cls.__module__ == module.__name__
    }
    covered = {type(make({})) for make in _forms(kader)}
    assert declared <= covered, declared - covered
