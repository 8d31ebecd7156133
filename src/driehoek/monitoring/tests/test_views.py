from decimal import Decimal

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from driehoek.monitoring import services
from driehoek.monitoring.models import Beoordeling, Bijlage, Indicatorwaarde

pytestmark = pytest.mark.django_db


def _url(kader, name, *args):
    return reverse(f"monitoring:{name}", args=[kader.slug, 2026, *args])


def test_secretary_starts_a_year_from_the_page(client, kader, people):
    client.force_login(people["secretaris"])
    response = client.post(reverse("monitoring:index", args=[kader.slug]), {"start-jaar": 2026})
    assert response.status_code == 302 and response.url == _url(kader, "dashboard")
    assert Beoordeling.objects.filter(afspraak__afsprakenset=kader, jaar=2026).count() == 19
    html = client.get(reverse("monitoring:index", args=[kader.slug])).content.decode()
    assert '<option value="2026"' not in html and '<option value="2027"' in html


def test_value_voorzet_and_reaction_through_the_pages(client, kader, people, year_2026):
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    client.force_login(people["woonborg"])
    page = _url(kader, "beoordeling", "1")
    html = client.get(page).content.decode()
    assert "Waarde invullen" in html and "Voorzet maken" in html
    response = client.post(
        _url(kader, "waarde", "1", indicator.pk),
        {f"i{indicator.pk}-waarde": "12", f"i{indicator.pk}-eenheid": "woningen", f"i{indicator.pk}-versie": "0"},
    )
    assert response.status_code == 302
    assert Indicatorwaarde.objects.get(indicator=indicator, jaar=2026).waarde == Decimal(12)
    html = client.get(page).content.decode()
    assert "Suggestie uit de cijfers" in html and "verwacht: 20" in html
    assert "Opgeteld t/m 2026: 12 van 120 (10%)" in html

    b = Beoordeling.objects.get(afspraak__nummer="1", afspraak__afsprakenset=kader, jaar=2026)
    response = client.post(
        page,
        {
            "form": "voorzet",
            "voorzet-kleur": "oranje",
            "voorzet-reden": "",
            "voorzet-toelichting": "",
            "voorzet-versie": b.versie,
        },
    )
    html = response.content.decode()
    assert (
        response.status_code == 400 and "Er is iets niet goed ingevuld" in html and "Kies bij oranje een reden" in html
    )
    response = client.post(
        page,
        {
            "form": "voorzet",
            "voorzet-kleur": "oranje",
            "voorzet-reden": "a",
            "voorzet-toelichting": "Twee projecten later.",
            "voorzet-versie": b.versie,
        },
    )
    assert response.status_code == 302

    client.force_login(people["ahwoon"])
    html = client.get(page).content.decode()
    assert "Voorzet maken" not in html and "Voorzet wijzigen" not in html and "Reageren namens" in html
    revisie = Beoordeling.objects.get(pk=b.pk).revisie
    reactie = {"form": "reactie", "reactie-soort": "niet_akkoord", "reactie-revisie": revisie}
    response = client.post(page, {**reactie, "reactie-toelichting": ""})
    assert response.status_code == 400 and "Geef de reden" in response.content.decode()
    client.post(page, {**reactie, "reactie-toelichting": "Te rooskleurig."})
    html = client.get(_url(kader, "tabel")).content.decode()
    assert "oranje (a): vertraagde uitvoering" in html and "Twee projecten later." in html
    assert "Afspraak 1" in client.get(_url(kader, "focus")).content.decode()


def test_a_stale_form_shows_the_other_change(client, kader, people, year_2026):
    b = Beoordeling.objects.get(afspraak__nummer="5", afspraak__afsprakenset=kader, jaar=2026)
    stale_version = b.versie
    services.make_voorzet(people["volmacht"], b, kleur="groen", toelichting="Loopt volgens plan.")
    client.force_login(people["woonborg"])
    mine = {
        "form": "voorzet",
        "voorzet-kleur": "rood",
        "voorzet-reden": "a",
        "voorzet-toelichting": "Mijn eigen toelichting.",
        "voorzet-versie": stale_version,
    }
    response = client.post(_url(kader, "beoordeling", "5"), mine)
    html = response.content.decode()
    conflict = html[html.index('<div class="conflict"') :]
    conflict = conflict[: conflict.index("</div>")]
    # Who, when and what: the other change, and the person's own text is still in the form.
    volmacht = people["volmacht"]
    assert response.status_code == 400
    assert (
        f"{volmacht.get_full_name() or volmacht.username} ({volmacht.partij.korte_naam}) heeft dit intussen gewijzigd"
        in conflict
    )
    assert "groen — Loopt volgens plan." in conflict and "Nu opgeslagen" in conflict
    assert "Mijn eigen toelichting." in html and f'name="voorzet-versie" value="{stale_version + 1}"' in html
    b.refresh_from_db()
    assert (b.kleur, b.versie) == ("groen", stale_version + 1)
    # Saving again, having seen the other change, is a deliberate overwrite with the offered version.
    client.post(_url(kader, "beoordeling", "5"), {**mine, "voorzet-versie": stale_version + 1})
    b.refresh_from_db()
    assert (b.kleur, b.toelichting) == ("rood", "Mijn eigen toelichting.")


def test_attachments_are_checked_and_served_only_to_the_set(client, kader, people, year_2026, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    client.force_login(people["woonborg"])
    url = _url(kader, "waarde", "1", indicator.pk)
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        url, {f"i{indicator.pk}-waarde": "3", f"i{indicator.pk}-versie": "0", f"i{indicator.pk}-bijlage": fake}
    )
    assert response.status_code == 400 and "Alleen pdf, xlsx, png en jpg" in response.content.decode()
    assert not Indicatorwaarde.objects.filter(indicator=indicator).exists()
    pdf = SimpleUploadedFile("rapport.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    assert (
        client.post(
            url, {f"i{indicator.pk}-waarde": "3", f"i{indicator.pk}-versie": "0", f"i{indicator.pk}-bijlage": pdf}
        ).status_code
        == 302
    )
    bijlage = Bijlage.objects.get()
    assert str(tmp_path) in bijlage.bestand.path
    response = client.get(reverse("monitoring:bijlage", args=[bijlage.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("monitoring:bijlage", args=[bijlage.pk])).status_code == 404


def test_pages_use_a_fixed_number_of_queries(client, kader, people, year_2026, django_assert_max_num_queries):
    client.force_login(people["ahwoon"])
    for name in ("dashboard", "tabel", "focus"):
        with django_assert_max_num_queries(30):
            assert client.get(_url(kader, name)).status_code == 200


def test_agreement_page_shows_lights_over_the_years(client, kader, people, year_2026):
    b = Beoordeling.objects.get(afspraak__nummer="5", afspraak__afsprakenset=kader, jaar=2026)
    services.make_voorzet(people["woonborg"], b, kleur="groen")
    client.force_login(people["deelmacht"])
    html = client.get(reverse("register:afspraak", args=[kader.slug, "5"])).content.decode()
    assert "Beoordeling per jaar" in html and "groen" in html and _url(kader, "beoordeling", "5") in html


@pytest.mark.parametrize("form_url", ["waarde", "waarden"])
def test_a_value_and_its_attachment_are_saved_both_or_neither(
    client, kader, people, year_2026, settings, tmp_path, monkeypatch, form_url
):
    """The attachment refused after the value was stored (here: the file store refuses) leaves no
    value behind, from the one-value form and from the all-values form alike."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }

    def refused(*args, **kwargs):
        from django.core.exceptions import ValidationError

        raise ValidationError("De bijlage kon niet worden bewaard.")

    monkeypatch.setattr(services, "add_attachment", refused)
    indicator = kader.afspraken.get(nummer="1").indicatoren.order_by("volgorde")[0]
    client.force_login(people["woonborg"])
    pdf = SimpleUploadedFile("rapport.pdf", b"%PDF-1.7\n%test\n", content_type="application/pdf")
    url = _url(kader, "waarde", "1", indicator.pk) if form_url == "waarde" else _url(kader, "waarden", "1")
    response = client.post(
        url, {f"i{indicator.pk}-waarde": "3", f"i{indicator.pk}-versie": "0", f"i{indicator.pk}-bijlage": pdf}
    )
    assert response.status_code == 400 and "De bijlage kon niet worden bewaard." in response.content.decode()
    assert not Indicatorwaarde.objects.filter(indicator=indicator).exists()
    assert not Bijlage.objects.exists()
