import hashlib
from datetime import date, timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from driehoek.accounts.tests.twofactor import app_of, next_code
from driehoek.ondertekening import services
from driehoek.ondertekening.models import Goedkeuring, Handtekening, Indieningspakket
from driehoek.ondertekening.queries import open_ondertekening_taken
from driehoek.register.models import Afsprakenset

from .flow import FINAL, approve, sign, to_akkoord, to_signed, upload

pytestmark = pytest.mark.django_db
S = Afsprakenset.Status


def page(s):
    return reverse("ondertekening:set", args=[s.slug])


def test_a_deadline_in_the_past_is_refused_on_the_page(client, programma, people):
    client.force_login(people["secretaris"])
    response = client.post(page(programma), {"form": "definitief", "definitief-uiterlijk": "2020-12-15"})
    assert response.status_code == 200
    assert "Een termijn in het verleden kan niet" in response.content.decode()
    programma.refresh_from_db()
    assert programma.status == S.CONCEPT


def test_approve_and_sign_on_the_page(client, programma, people, signers):
    to_akkoord(people["secretaris"], programma)
    woonborg = signers["dir-woonborg"]
    app_of(woonborg)
    client.force_login(woonborg)
    response = client.get(page(programma))
    assert "Goedkeuring van Woonborg vastleggen" in response.content.decode()
    assert 'value="college"' not in response.content.decode()  # a corporation's bodies only
    data = {
        "form": "goedkeuring",
        "goedkeuring-orgaan": "raad_van_commissarissen",
        "goedkeuring-datum": "2026-11-18",
        "goedkeuring-besluit": upload("RvC besluit.pdf"),
    }
    assert client.post(page(programma), data).status_code == 302
    g = Goedkeuring.objects.get(afsprakenset=programma, partij=woonborg.partij)
    sign_data = {
        "form": "handtekening",
        "handtekening-naam": "B. Bestuurder",
        "handtekening-functie": "directeur-bestuurder",
        "handtekening-datum": "2026-11-19",
        "handtekening-plaats": "Vries",
        "handtekening-code": "000000",
    }
    response = client.post(page(programma), sign_data)
    assert "Deze code klopt niet" in response.content.decode()
    assert client.post(page(programma), {**sign_data, "handtekening-code": next_code(woonborg)}).status_code == 302
    h = Handtekening.objects.get(afsprakenset=programma, partij=woonborg.partij)
    assert (h.naam, h.plaats, h.tweede_factor_geverifieerd) == ("B. Bestuurder", "Vries", True)
    # The decision document leaves as an attachment, to the parties of the set only.
    download = client.get(reverse("ondertekening:besluit", args=[programma.slug, g.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    client.force_login(people["buitenstaander"])
    assert client.get(reverse("ondertekening:besluit", args=[programma.slug, g.pk])).status_code == 404
    assert client.get(page(programma)).status_code == 404


def test_package_download_submission_and_the_public_page(client, programma, people, signers):
    to_signed(people["secretaris"], programma, signers)
    public = reverse("ondertekening:openbaar", args=[programma.slug])
    assert client.get(public).status_code == 404  # signed, not yet submitted
    assert client.get(f"/api/v1/sets/{programma.slug}").status_code == 404
    client.force_login(people["secretaris"])
    assert client.post(page(programma), {"form": "pakket"}).status_code == 302
    pakket = Indieningspakket.objects.get(afsprakenset=programma)
    download = client.get(reverse("ondertekening:pakket", args=[programma.slug, pakket.pk]))
    content = b"".join(download.streaming_content)
    assert download["Content-Disposition"].startswith("attachment")
    assert hashlib.sha256(content).hexdigest() == pakket.sha256
    assert pakket.sha256 in client.get(page(programma)).content.decode()
    day = timezone.localdate().isoformat()
    assert client.post(page(programma), {"form": "indiening", "indiening-datum": day}).status_code == 302
    programma.refresh_from_db()
    assert programma.status == S.INGEDIEND
    client.logout()
    html = client.get(public).content.decode()
    afspraak = programma.afspraken.get(nummer="1")
    assert afspraak.tekst.split("\n")[0][:80] in html
    assert "A. de Wethouder" in html and "wethouder wonen" in html
    assert "@" not in html.split("<main", 1)[-1].split("</main>")[0]  # no e-mail addresses
    data = client.get(f"/api/v1/sets/{programma.slug}").json()
    assert data["status"] == "ingediend"
    assert {s["person"] for s in data["signatories"]} >= {"A. de Wethouder", "F. Voorzitter"}
    assert [a["text"] for t in data["themes"] for a in t["agreements"] if a["number"] == "1"] == [afspraak.tekst]
    assert programma in Afsprakenset.objects.published()
    national = client.get(reverse("reports:landelijk_openbaar"))
    assert national.status_code == 200 and "Aa en Hunze" in national.content.decode()


def test_open_tasks_with_the_deadline_on_the_start_page_and_in_the_reminders(client, programma, people, signers):
    services.mark_text_final(people["secretaris"], programma, timezone.localdate() + timedelta(days=5))
    wethouder = signers["wethouder"]
    tasks = open_ondertekening_taken(wethouder)
    assert [t.title for t in tasks] == ["Goedkeuring van Gemeente Aa en Hunze vastleggen: Jaarprogramma 2027"]
    assert tasks[0].url == page(programma) and tasks[0].deadline == timezone.localdate() + timedelta(days=5)
    assert open_ondertekening_taken(people["lezer"]) == []
    approve(wethouder, programma, day=timezone.localdate())
    assert [t.title for t in open_ondertekening_taken(wethouder)] == [
        "Ondertekenen namens Gemeente Aa en Hunze: Jaarprogramma 2027"
    ]
    client.force_login(people["secretaris"])
    html = client.get(reverse("start")).content.decode()
    assert "Goedkeuren en ondertekenen" in html and "nog niet ondertekend door" in html and "Woonborg" in html
    from driehoek.cycle.tasks import send_reminders

    send_reminders.call()
    to_wethouder = [m for m in mail.outbox if m.to == [wethouder.email]]
    assert to_wethouder and "Ondertekenen namens Gemeente Aa en Hunze" in to_wethouder[0].body


def test_withdrawn_steps_stay_visible_with_their_reason(client, programma, people, signers):
    to_akkoord(people["secretaris"], programma)
    ahwoon = signers["vz-ahwoon"]
    approve(ahwoon, programma)
    services.withdraw_approval(
        ahwoon, Goedkeuring.objects.get(afsprakenset=programma, partij=ahwoon.partij), "Verkeerd besluit geüpload."
    )
    approve(ahwoon, programma, day=date(2026, 11, 21))
    sign(ahwoon, programma, day=FINAL + timedelta(days=2))
    client.force_login(people["gemeente"])
    html = client.get(page(programma)).content.decode()
    assert "Verkeerd besluit geüpload." in html and "Ingetrokken" in html
