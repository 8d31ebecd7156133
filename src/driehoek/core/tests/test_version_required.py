"""The version check is not optional (issue 15, finding 10): every form that carries a version
requires it, and the API's writes require `version` or If-Match (428 without)."""

import importlib
import inspect
import json
import pkgutil

import pytest

from django import forms

import driehoek
from driehoek.api.models import ApiToken
from driehoek.monitoring.models import Indicatorwaarde

VERSION_FIELDS = {"versie", "revisie", "versies"}


def _form_classes():
    for app in pkgutil.iter_modules(driehoek.__path__):
        for name in ("forms", "admin"):
            try:
                module = importlib.import_module(f"driehoek.{app.name}.{name}")
            except ModuleNotFoundError:
                continue
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    yield cls


def test_every_form_with_a_version_field_requires_it():
    checked = []
    for cls in _form_classes():
        for name, field in cls.base_fields.items():
            if name in VERSION_FIELDS:
                assert field.required, f"{cls.__module__}.{cls.__name__}.{name} is optional"
                checked.append(f"{cls.__name__}.{name}")
    assert len(checked) >= 8, checked  # monitoring 5, cycle 3, the admin's agreement form


def test_a_form_without_its_version_says_to_reload_in_dutch():
    from driehoek.monitoring.forms import HerzienForm

    form = HerzienForm({"herzien-reden": "nieuwe cijfers"})
    assert not form.is_valid()
    assert "laad de pagina opnieuw" in " ".join(form.errors["versie"])


@pytest.mark.django_db
def test_the_api_requires_version_or_if_match(client, kader, people, year_2026):
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    _token, secret = ApiToken.issue(people["woonborg"], "versie")
    url = f"/api/v1/sets/{kader.slug}/indicatoren/{indicator.pk}/waarden/2026"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    def put(body, **headers):
        return client.put(url, json.dumps(body), content_type="application/json", **auth, **headers)

    missing = put({"value": "12"})
    assert missing.status_code == 428 and missing["Content-Type"] == "application/problem+json"
    assert "version" in missing.json()["detail"] and "If-Match" in missing.json()["detail"]
    assert not Indicatorwaarde.objects.filter(indicator=indicator, jaar=2026).exists()
    first = put({"value": "12"}, HTTP_IF_MATCH='"0"')
    assert first.status_code == 200 and first.json()["version"] == 1 and first["ETag"] == '"1"'
    assert put({"value": "13"}).status_code == 428
    assert put({"value": "13"}, HTTP_IF_MATCH='W/"0"').status_code == 409
    assert put({"value": "13", "version": 1}).status_code == 200
    assert put({"value": "14"}, HTTP_IF_MATCH="*").status_code == 428  # "*" names no version
    assert Indicatorwaarde.objects.get(indicator=indicator, jaar=2026).waarde == 13
