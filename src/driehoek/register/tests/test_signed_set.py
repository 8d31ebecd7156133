"""Issue 14, item 6: a signed set changes only by a decision that names the change.

Aa en Hunze's Kaderafspraken are signed ("ondertekend"). Every road that writes the register is
tried on them: the models directly (every register model: a changed field, a new row, a deletion,
the references), every admin change, add and delete form (enumerated from admin.site._registry),
every API write, and every register service (the open-data import, the document importer, the
decision). Only `cycle.services.change_agreement_text` under a change decision gets through.
"""

import json
from datetime import date

import pytest

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from driehoek.api.models import ApiToken
from driehoek.cycle import services as cycle
from driehoek.cycle.models import Besluit
from driehoek.register import guard, opendata
from driehoek.register.models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Indicator,
    LopendeAfspraak,
    Ondertekenaar,
    Thema,
    Verantwoordelijke,
)
from driehoek.register.rules import is_signed

pytestmark = pytest.mark.django_db

PRESTATIE = "aa-en-hunze-prestatieafspraken-2022"  # signed too, with its signatories
REGISTER_MODELS = [
    Afsprakenset, Deelname, Ondertekenaar, Thema, Afspraak, Verantwoordelijke, LopendeAfspraak, Indicator,
    Actiehouder, Doelstelling,
]  # fmt: skip

# Admin models that hold no part of a set (their rights are tested in accounts/tests): reviewed list.
NOT_SET_CONTENT = {
    "accounts.partij", "accounts.user", "register.gemeente", "figures.referentiejaar", "figures.koppeling",
    "figures.aanlevering", "otp_totp.totpdevice", "otp_static.staticdevice", "auth.group",
    "django_tasks_database.dbtaskresult", "axes.accessattempt", "axes.accessfailurelog", "axes.accesslog",
}  # fmt: skip


def _snapshot(s: Afsprakenset) -> str:
    """The set as open data, and the other signed seed set's too (it has the signatories)."""
    sets = Afsprakenset.objects.filter(pk=s.pk) | Afsprakenset.objects.filter(slug=PRESTATIE)
    return json.dumps(opendata.export_sets(sets.order_by("pk")), sort_keys=True, default=str)


def _row_of(model, kader):
    paths = {
        Afsprakenset: "pk", Deelname: "afsprakenset", Ondertekenaar: "afsprakenset", Thema: "afsprakenset",
        Afspraak: "afsprakenset", Verantwoordelijke: "afspraak__afsprakenset",
        LopendeAfspraak: "thema__afsprakenset", Indicator: "afspraak__afsprakenset",
        Actiehouder: "indicator__afspraak__afsprakenset", Doelstelling: "afspraak__afsprakenset",
    }  # fmt: skip
    signed = [kader.pk, Afsprakenset.objects.get(slug=PRESTATIE).pk]
    row = model.objects.filter(**{f"{paths[model]}__in": signed}).order_by("pk").first()
    assert row is not None, f"the signed sets have no {model.__name__} to try"
    return row


def _a_change(row):
    """The same row with one field changed: text where there is text, else the order."""
    for name in ("tekst", "titel", "omschrijving", "persoon", "volgorde"):
        if hasattr(row, name):
            value = getattr(row, name)
            setattr(row, name, value + 1 if isinstance(value, int) else value + " (gewijzigd)")
            return row
    raise AssertionError(type(row))


def test_the_seed_sets_are_signed(kader):
    assert is_signed(kader.status) and is_signed("ingediend") and not is_signed("concept")


@pytest.mark.parametrize("model", REGISTER_MODELS, ids=lambda m: m.__name__)
def test_no_model_of_a_signed_set_changes_directly(model, kader):
    before = _snapshot(kader)
    row = _row_of(model, kader)
    model.objects.get(pk=row.pk).save()  # saving it unchanged is no change, and allowed
    with pytest.raises(guard.GetekendeSetFout):
        _a_change(model.objects.get(pk=row.pk)).save()
    with pytest.raises(ValidationError, match="ondertekend"):
        _a_change(model.objects.get(pk=row.pk)).full_clean()
    with pytest.raises((guard.GetekendeSetFout, ProtectedError)), transaction.atomic():
        model.objects.get(pk=row.pk).delete()  # (a set or theme with agreements is protected anyway)
    if model is not Afsprakenset:
        new = model.objects.get(pk=row.pk)
        new.pk = new.id = None
        if hasattr(new, "nummer"):
            new.nummer = "99"
        with pytest.raises(ValidationError):
            new.save()
    assert _snapshot(kader) == before


def test_references_and_status_of_a_signed_set(kader):
    before = _snapshot(kader)
    a1, a2 = kader.afspraken.get(nummer="1"), kader.afspraken.get(nummer="2")
    with pytest.raises(guard.GetekendeSetFout), transaction.atomic():
        a1.verwijzingen.add(a2)
    if a1.verwijzingen.exists():
        with pytest.raises(guard.GetekendeSetFout), transaction.atomic():
            a1.verwijzingen.clear()
    # The many-to-many managers with a through model write in bulk: guarded all the same.
    from driehoek.accounts.models import Partij

    buiten = Partij.objects.create(naam="Stichting Ergens", korte_naam="Ergens", soort="overig")
    indicator = a1.indicatoren.first()
    roads = [
        lambda: indicator.actiehouders.add(a1.verantwoordelijken.first()),
        lambda: indicator.actiehouders.clear(),
        lambda: a1.verantwoordelijken.remove(a1.verantwoordelijken.first()),
        lambda: kader.partijen.add(buiten),
        lambda: buiten.sets.add(kader),
        lambda: kader.partijen.first().indicatoren.clear(),
    ]
    for road in roads:
        with pytest.raises(guard.GetekendeSetFout), transaction.atomic():
            road()
    # Back to a draft: refused. On to submitted: allowed, and then it is just as closed.
    kader.status = "concept"
    with pytest.raises(guard.GetekendeSetFout):
        kader.save()
    kader.status = "ingediend"
    kader.save()
    with pytest.raises(guard.GetekendeSetFout):
        _a_change(kader.afspraken.get(nummer="1")).save()
    kader.refresh_from_db()
    assert kader.status == "ingediend"
    assert _snapshot(kader).replace('"status": "ingediend"', '"status": "ondertekend"') == before


def _bo_decision(people, kader, soort=Besluit.Soort.WIJZIGING):
    bo = cycle.plan_meeting(people["secretaris"], kader, soort="bo", titel="BO najaar", datum=timezone.now())
    besluit, _open = cycle.record_decision(people["secretaris"], bo, soort=soort, tekst="Afspraak 1 wordt gewijzigd.")
    return besluit


def test_a_decision_that_names_the_change_is_the_one_way(kader, people):
    afspraak = kader.afspraken.get(nummer="1")
    besluit = _bo_decision(people, kader)
    cycle.change_agreement_text(people["secretaris"], besluit, afspraak, "Nieuwe tekst bij besluit.", afspraak.versie)
    afspraak.refresh_from_db()
    assert afspraak.tekst == "Nieuwe tekst bij besluit." and besluit.afspraken.filter(pk=afspraak.pk).exists()
    assert "besluit" in afspraak.history.latest("history_date").history_change_reason

    # The decision opens its own set only, only inside its block, and only as a change decision.
    prestatie = Afsprakenset.objects.get(slug="aa-en-hunze-prestatieafspraken-2022")
    with guard.by_decision(besluit), pytest.raises(guard.GetekendeSetFout):
        _a_change(prestatie.afspraken.first()).save()
    with pytest.raises(guard.GetekendeSetFout):
        _a_change(kader.afspraken.get(nummer="2")).save()
    other = _bo_decision(people, kader, soort=Besluit.Soort.OVERIG)
    with pytest.raises(guard.GetekendeSetFout), guard.by_decision(other):
        pass
    with pytest.raises(ValidationError):
        cycle.change_agreement_text(people["secretaris"], other, afspraak, "Zonder wijzigingsbesluit.")


def test_the_open_data_import_refuses_to_change_a_signed_set(kader):
    before = _snapshot(kader)
    data = opendata.export_sets([kader])
    data["sets"][0]["themes"][0]["agreements"][0]["text"] += " Stilletjes aangepast."
    with pytest.raises(opendata.RegisterFormatError, match="ondertekend"):
        opendata.import_sets(data)
    assert _snapshot(kader) == before
    # The same file unchanged is read again without a write, and a new signed set is read whole.
    assert opendata.import_sets(opendata.export_sets([kader]))["wijzigingen"] == 0
    data = opendata.export_sets([kader])
    data["sets"][0]["slug"] = "kopie-ondertekend"
    opendata.import_sets(data)
    copy = Afsprakenset.objects.get(slug="kopie-ondertekend")
    assert copy.status == "ondertekend" and copy.afspraken.count() == kader.afspraken.count()


def test_the_document_importer_makes_a_new_concept_and_leaves_the_signed_set(kader, people):
    from django.conf import settings

    from driehoek.importer import services as importer
    from driehoek.importer.models import Brondocument

    before = _snapshot(kader)
    seed = (settings.BASE_DIR / "data" / "aa-en-hunze" / "bron" / "kaderafspraken-2026-2031.txt").read_bytes()
    document = importer.upload(people["secretaris"], "kaderafspraken-2026-2031.txt", seed)
    new = importer.accept(people["secretaris"], Brondocument.objects.get(pk=document.pk))
    assert new.pk != kader.pk and new.status == "concept"
    assert _snapshot(kader) == before


def test_every_api_write_leaves_a_signed_set_as_it_is(kader, people, year_2026, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = _snapshot(kader)
    secret = ApiToken.issue(people["woonborg"], "signed")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    url = f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026"
    put = client.put(
        url, json.dumps({"value": "12", "unit": "woningen", "version": 0}), content_type="application/json", **auth
    )
    assert put.status_code == 200  # monitoring a signed set is what it is for
    upload = SimpleUploadedFile("r.csv", b"eigen_id;kale_huur\nA1;650,00\n")
    post = client.post(
        f"/api/v1/gemeenten/{kader.gemeente_id}/aanleveringen",
        {"soort": "woningregister", "peildatum": "2025-12-31", "bestand": upload},
        **auth,
    )
    assert post.status_code == 201
    # Every write the API has is one of the two above: a new one fails here until it is tried too.
    from driehoek.api.api import api

    writes = {
        (path, method)
        for _prefix, router in api._routers
        for path, view in router.path_operations.items()
        for operation in view.operations
        for method in operation.methods
        if method != "GET"
    }
    assert writes == {
        ("/sets/{slug}/indicatoren/{indicator_id}/waarden/{jaar}", "PUT"),
        ("/gemeenten/{gemeente_id}/aanleveringen", "POST"),
    }
    assert _snapshot(kader) == before


def _post_data(obj) -> dict:
    data = {}
    for key, value in model_to_dict(obj).items():
        if key == "id":
            continue
        if isinstance(value, list) and value and hasattr(value[0], "pk"):
            data[key] = [v.pk for v in value]
        elif isinstance(value, (list, dict)):
            data[key] = json.dumps(value)
        elif value is None:
            data[key] = ""
        elif isinstance(value, date):
            data[key] = value.isoformat()
        else:
            data[key] = value
    return data


def _set_admins():
    found = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.label_lower in NOT_SET_CONTENT:
            continue
        assert model in REGISTER_MODELS, f"{model._meta.label_lower}: part of a set? add it to the test"
        found.append((model, model_admin))
    return found


def test_every_admin_form_leaves_a_signed_set_as_it_is(kader, people, client):
    """As the administrator, who may change a concept set in the admin: the signed set's change forms
    are read-only, their POSTs and deletions refused, and an add form that points into it too."""
    client.force_login(people["beheerder"])
    before = _snapshot(kader)
    admins = _set_admins()
    assert {m for m, _a in admins} == {Afsprakenset, Thema, Afspraak, Indicator}
    for model, _model_admin in admins:
        row = _row_of(model, kader)
        info = model._meta.app_label, model._meta.model_name
        change = reverse("admin:{}_{}_change".format(*info), args=[row.pk])
        page = client.get(change)
        assert page.status_code == 200 and page.context["has_change_permission"] is False, model
        data = _post_data(_a_change(model.objects.get(pk=row.pk)))
        assert client.post(change, data).status_code == 403, model
        delete = reverse("admin:{}_{}_delete".format(*info), args=[row.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403, model
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        response = client.post(changelist, {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"})
        # 403, or the admin's own "cannot delete: protected rows" page.
        assert response.status_code in (200, 403) and model.objects.filter(pk=row.pk).exists(), model
        if model is not Afsprakenset:
            add = reverse("admin:{}_{}_add".format(*info))
            data = _post_data(model.objects.get(pk=row.pk))
            data.update(nummer="99") if hasattr(row, "nummer") else None
            count = model.objects.count()
            response = client.post(add, data)
            assert response.status_code == 200 and "ondertekend" in response.content.decode(), model
            assert model.objects.count() == count, model
    assert _snapshot(kader) == before
