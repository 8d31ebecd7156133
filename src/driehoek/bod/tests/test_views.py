"""The bod's pages through the test client: the edit form submitted unchanged changes nothing,
uploads are checked by content and leave as attachments, other municipalities see nothing."""

import re

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.bod import services
from driehoek.bod.models import Bod, Bodbijlage, Bodcijfer
from driehoek.register.models import Afsprakenset, Deelname, Gemeente

pytestmark = pytest.mark.django_db


def form_data(html: str) -> dict:
    """What the browser would send back for the bod form: every input and textarea as drawn."""
    form = html[html.index('value="bod"') :]
    form = form[: form.index("</form>")]
    data = {"form": "bod"}
    for tag in re.findall(r"<input[^>]*>", form):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if attrs.get("name", "").startswith("bod-"):
            data[attrs["name"]] = attrs.get("value", "")
    for name, value in re.findall(r'<textarea[^>]*name="(bod-[^"]+)"[^>]*>\n?(.*?)</textarea>', form, re.S):
        data[name] = value
    return data


def test_the_edit_form_submitted_unchanged_changes_nothing(client, people, bod_2027):
    client.force_login(people["woonborg"])
    url = reverse("bod:bewerken", args=[bod_2027.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<th scope="col" class="numeric" id="jaar-{bod_2027.jaar}">' in html
    data = form_data(html)
    assert data[f"bod-c_nieuwbouw_sociaal_{bod_2027.jaar}"] == "12"
    before = (Bod.history.count(), Bodcijfer.history.count(), bod_2027.versie)
    assert client.post(url, data).status_code == 302
    bod_2027.refresh_from_db()
    assert (Bod.history.count(), Bodcijfer.history.count(), bod_2027.versie) == before


def test_a_changed_number_is_saved_and_a_stale_form_is_refused(client, people, bod_2027):
    client.force_login(people["woonborg"])
    url = reverse("bod:bewerken", args=[bod_2027.pk])
    data = form_data(client.get(url).content.decode())
    data[f"bod-c_sloop_{bod_2027.jaar}"] = "2"
    assert client.post(url, data).status_code == 302
    assert bod_2027.cijfers.get(onderwerp="sloop").waarde == 2
    data[f"bod-c_sloop_{bod_2027.jaar}"] = "5"  # the same old version again
    response = client.post(url, data)
    assert response.status_code == 400 and "intussen gewijzigd" in response.content.decode()
    assert bod_2027.cijfers.get(onderwerp="sloop").waarde == 2


def test_a_past_deadline_in_the_form_is_refused_with_its_message(client, people, bod_2027):
    client.force_login(people["woonborg"])
    url = reverse("bod:bewerken", args=[bod_2027.pk])
    data = form_data(client.get(url).content.decode())
    data["bod-reacties_uiterlijk"] = "2020-01-01"
    response = client.post(url, data)
    assert response.status_code == 400 and "ligt in het verleden" in response.content.decode()


def test_attachments_by_content_stored_under_media_and_downloaded(client, people, bod_2027, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    client.force_login(people["woonborg"])
    url = reverse("bod:bewerken", args=[bod_2027.pk])
    fake = SimpleUploadedFile("bod.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(url, {"form": "bijlage", "bijlage-bestand": fake})
    assert response.status_code == 400 and "Alleen pdf, xlsx, png en jpg" in response.content.decode()
    settings.UPLOAD_MAX_MB = {**settings.UPLOAD_MAX_MB, "attachment": 1}
    big = SimpleUploadedFile("groot.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 1))
    assert "groter dan 1 MB" in client.post(url, {"form": "bijlage", "bijlage-bestand": big}).content.decode()
    assert not Bodbijlage.objects.exists()
    pdf = SimpleUploadedFile('../bod "2027".pdf', b"%PDF-1.7\n%test\n", content_type="text/html")
    assert client.post(url, {"form": "bijlage", "bijlage-bestand": pdf}).status_code == 302
    bijlage = Bodbijlage.objects.get()
    assert str(tmp_path) in bijlage.bestand.path
    response = client.get(reverse("bod:bijlage", args=[bod_2027.pk, bijlage.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("bod:bijlage", args=[bod_2027.pk, bijlage.pk])).status_code == 404


def test_another_municipality_never_sees_a_bod(client, people, bod_2027, user_factory):
    elders = Gemeente.objects.create(naam="Zuiderstrand")
    partij = Partij.objects.create(naam="Gemeente Zuiderstrand", korte_naam="Zuiderstrand", soort="gemeente")
    s = Afsprakenset.objects.create(
        gemeente=elders, slug="zs", soort="kaderafspraken", titel="K", eerste_jaar=2026, laatste_jaar=2030
    )
    Deelname.objects.create(afsprakenset=s, partij=partij)
    client.force_login(user_factory(username="zs", partij=partij, rol="secretaris"))
    for url in (
        reverse("bod:lijst", args=[bod_2027.gemeente_id]),
        bod_2027.get_absolute_url(),
        reverse("bod:bewerken", args=[bod_2027.pk]),
    ):
        assert client.get(url).status_code == 404
    index = client.get(reverse("bod:index")).content.decode()
    assert "Aa en Hunze" not in index and "Zuiderstrand" in index


def test_a_reader_reads_but_gets_no_form(client, people, bod_2027):
    services.submit_bod(people["woonborg"], bod_2027, bod_2027.versie)
    client.force_login(people["lezer"])
    page = client.get(bod_2027.get_absolute_url()).content.decode()
    assert "Activiteitenoverzicht van Woonborg" in page and 'name="form" value="reactie"' not in page
    response = client.post(bod_2027.get_absolute_url(), {"form": "reactie", "reactie-tekst": "x"})
    assert response.status_code == 403


def test_a_bo_records_that_no_bod_came_in(people, kader):
    from django.core.exceptions import ValidationError

    from driehoek.cycle import services as cycle
    from driehoek.cycle.models import Besluit

    bo = cycle.plan_meeting(people["secretaris"], kader, soort="bo", titel="BO najaar")
    besluit, _rest = cycle.record_decision(
        people["secretaris"], bo, soort=Besluit.Soort.GEEN_BOD, tekst="Van Woonzorg Nederland is geen bod ontvangen."
    )
    assert besluit.get_soort_display() == "geen bod of activiteitenoverzicht ontvangen"
    ao = cycle.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO")
    with pytest.raises(ValidationError, match="bestuurlijk overleg"):
        cycle.record_decision(people["secretaris"], ao, soort=Besluit.Soort.GEEN_BOD, tekst="Geen bod.")
