import re

import pytest

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from driehoek.core.help import PAGES, page_for


@pytest.mark.django_db
def test_help_pages_are_public_and_in_plain_dutch(client):
    index = client.get(reverse("help")).content.decode()
    for page in PAGES:
        assert reverse("help_rol", args=[page.slug]) in index
        html = client.get(reverse("help_rol", args=[page.slug])).content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1
        # B1: short sentences. No sentence in the help text is longer than 25 words.
        body = re.sub(r"<[^>]+>", " ", html.split('class="help-text"')[1].split("Andere helppagina")[0])
        for sentence in re.split(r"[.?!:]\s", body):
            assert len(sentence.split()) <= 25, sentence
    assert client.get(reverse("help_rol", args=["onbekend"])).status_code == 404


@pytest.mark.django_db
def test_the_help_page_that_fits_the_user(client, people):
    assert page_for(people["ahwoon"]).slug == "huurdersorganisatie"
    assert page_for(people["woonborg"]).slug == "corporatie"
    assert page_for(people["secretaris"]).slug == "gemeente"
    assert page_for(people["bestuurder"]).slug == "bestuurder"
    assert page_for(people["beheerder"]).slug == "beheerder"
    client.force_login(people["woonborg"])
    assert reverse("help_rol", args=["corporatie"]) in client.get(reverse("help")).content.decode().split("Kies wie")[0]


class ExampleForm(forms.Form):
    jaar = forms.IntegerField(label="Jaar", help_text="Het jaar van de monitoring.")
    soort = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")])
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)


def test_field_shows_its_error_at_the_field_and_links_it():
    form = ExampleForm(data={"jaar": "geen jaar", "soort": "a"})
    assert not form.is_valid()
    html = render_to_string("components/field.html", {"field": form["jaar"]})
    assert 'id="id_jaar_helptext"' in html and 'id="id_jaar_error"' in html
    assert 'aria-describedby="id_jaar_helptext id_jaar_error"' in html
    assert 'aria-invalid="true"' in html
    assert "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid" in html
    select = render_to_string("components/field.html", {"field": form["soort"]})
    assert "utrecht-select utrecht-select--html-select" in select and "aria-invalid" not in select
    textarea = render_to_string("components/field.html", {"field": form["toelichting"]})
    assert "utrecht-textarea" in textarea


def test_error_summary_at_the_top_links_to_each_field():
    form = ExampleForm(data={"jaar": "", "soort": "x"})
    assert not form.is_valid()
    html = render_to_string("components/form_errors.html", {"form": form})
    assert 'role="alert"' in html
    assert 'href="#id_jaar"' in html and 'href="#id_soort"' in html
    assert render_to_string("components/form_errors.html", {"form": ExampleForm()}).strip() == ""


def test_an_empty_select_speaks_dutch():
    from django import forms
    from django.utils import translation

    from driehoek.register.models import Thema

    class F(forms.Form):
        thema = forms.ModelChoiceField(queryset=Thema.objects.none())

    with translation.override("nl"):
        html = str(F()["thema"])
    assert "- Kies een optie -" in html and "Select" not in html
