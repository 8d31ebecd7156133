"""Reading in, editing and accepting: permissions, all or nothing, and the register built exactly as
the open-data import builds it."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from driehoek.accounts import policy
from driehoek.importer import bewerken, services
from driehoek.importer.extract import DocumentError
from driehoek.importer.models import Brondocument
from driehoek.register.models import Afsprakenset

from .helpers import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def zilverveen_secretaris(user_factory):
    from driehoek.accounts.models import Partij, User
    from driehoek.register.models import Gemeente

    partij = Partij.objects.create(naam="Gemeente Zilverveen", korte_naam="Gemeente", soort="gemeente")
    partij.gemeenten.add(Gemeente.objects.create(naam="Zilverveen"))
    return user_factory(username="zilver", partij=partij, rol=User.Rol.SECRETARIS)


def test_who_may_read_in_documents(people, zilverveen_secretaris):
    allowed = {name for name, user in people.items() if policy.can(user, policy.IMPORT_DOCUMENT, None)}
    assert allowed == {"secretaris", "beheerder"}
    document = services.upload(zilverveen_secretaris, "zilverveen.txt", text("zilverveen"))
    assert not policy.can(people["secretaris"], policy.IMPORT_DOCUMENT, document)  # another municipality's draft
    assert policy.can(people["beheerder"], policy.IMPORT_DOCUMENT, document)
    with pytest.raises(PermissionDenied):
        services.upload(people["woonborg"], "zilverveen.txt", text("zilverveen"))


def test_nothing_enters_the_register_before_acceptance(zilverveen_secretaris):
    sets_before = Afsprakenset.objects.count()
    document = services.upload(zilverveen_secretaris, "zilverveen.txt", text("zilverveen"))
    assert Afsprakenset.objects.count() == sets_before
    assert document.history.count() == 1

    services.edit(
        zilverveen_secretaris,
        document,
        "edit_agreement",
        number="1.3",
        values={"text": "De gemeente belt binnen 10 werkdagen.", "responsible": ["Gemeente Zilverveen"]},
    )
    afsprakenset = services.accept(zilverveen_secretaris, Brondocument.objects.get(pk=document.pk))

    assert afsprakenset.status == Afsprakenset.Status.CONCEPT
    assert afsprakenset.gemeente.naam == "Zilverveen"
    assert afsprakenset.brondocumenten.get() == document
    afspraak = afsprakenset.afspraken.get(nummer="1.3")
    assert afspraak.tekst == "De gemeente belt binnen 10 werkdagen."
    assert [p.naam for p in afspraak.verantwoordelijken_lijst] == ["Gemeente Zilverveen"]
    assert afsprakenset.afspraken.count() == 8
    assert Afsprakenset.objects.visible_to(zilverveen_secretaris).filter(pk=afsprakenset.pk).exists()
    document.refresh_from_db()
    assert document.status == Brondocument.Status.AANVAARD
    assert [h.history_change_reason for h in document.history.order_by("history_id")] == [
        "ingelezen",
        "edit_agreement",
        "aanvaard",
    ]


def test_a_document_already_in_the_register_becomes_a_new_draft_set(people):
    from django.conf import settings

    seed = (settings.BASE_DIR / "data" / "aa-en-hunze" / "bron" / "kaderafspraken-2026-2031.txt").read_bytes()
    existing = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    status_before = existing.status
    document = services.upload(people["secretaris"], "kaderafspraken-2026-2031.txt", seed)
    services.edit(
        people["secretaris"],
        document,
        "edit_party",
        name="Woningstichting De Volmacht",
        new_name="Woningstichting De Volmacht",
        short_name="Volmacht",
        kind="overig",
    )
    afsprakenset = services.accept(people["secretaris"], Brondocument.objects.get(pk=document.pk))
    volmacht = afsprakenset.partijen.get(naam="Woningstichting De Volmacht")
    assert (volmacht.korte_naam, volmacht.soort) == ("De Volmacht", "corporatie")  # an import does not redefine it
    assert afsprakenset.slug == "aa-en-hunze-kaderafspraken-2026-2031-concept-2"
    existing.refresh_from_db()
    assert existing.status == status_before and existing.afspraken.count() == 19


def test_an_invalid_draft_is_not_accepted_and_nothing_is_stored(zilverveen_secretaris):
    document = services.upload(zilverveen_secretaris, "zilverveen.txt", text("zilverveen"))
    document.set["themes"][0]["agreements"][0]["kind"] = "onbekend"  # a broken draft, as a bad edit could leave
    document.save()
    sets_before = Afsprakenset.objects.count()
    with pytest.raises(services.AanvaardFout) as e:
        services.accept(zilverveen_secretaris, document)
    assert "onbekend" in e.value.problems[0]
    assert Afsprakenset.objects.count() == sets_before
    assert Brondocument.objects.get(pk=document.pk).status == Brondocument.Status.IN_BEOORDELING


def test_the_secretary_must_be_a_party_of_the_accepted_set(people):
    document = services.upload(people["secretaris"], "zilverveen.txt", text("zilverveen"))
    services.edit(
        people["secretaris"], document, "edit_set", title="Zilverveen", kind="kaderafspraken",
        first_year=document.set["first_year"], last_year=document.set["last_year"], municipality="Aa en Hunze",
    )  # fmt: skip
    with pytest.raises(services.AanvaardFout, match="staat niet bij de partijen"):
        services.accept(people["secretaris"], Brondocument.objects.get(pk=document.pk))
    services.edit(
        people["secretaris"],
        document,
        "edit_party",
        name="Gemeente Zilverveen",
        new_name="Gemeente Aa en Hunze",
        short_name="Gemeente",
        kind="gemeente",
    )
    assert services.accept(people["secretaris"], Brondocument.objects.get(pk=document.pk)).afspraken.count() == 8


def test_a_secretary_makes_sets_only_in_their_own_municipality(people, zilverveen_secretaris):
    """Issue 15, finding 1: a document read in with another municipality's name is not accepted, by
    the upload's hint or by an edit of the draft; the administrator may."""
    before = Afsprakenset.objects.count()
    document = services.upload(people["secretaris"], "zilverveen.txt", text("zilverveen"), municipality="Zilverveen")
    services.edit(
        people["secretaris"], document, "edit_party", name="Gemeente Zilverveen", new_name="Gemeente Aa en Hunze",
        short_name="Gemeente", kind="gemeente",
    )  # fmt: skip
    with pytest.raises(services.AanvaardFout, match="hoort bij gemeente Zilverveen"):
        services.accept(people["secretaris"], Brondocument.objects.get(pk=document.pk))
    assert Afsprakenset.objects.count() == before
    assert not Afsprakenset.objects.filter(gemeente__naam="Zilverveen").exists()
    # Nor into a municipality the importer would make up.
    document = services.upload(people["secretaris"], "zilverveen.txt", text("zilverveen"), municipality="Nergensland")
    with pytest.raises(services.AanvaardFout, match="hoort bij gemeente Nergensland"):
        services.accept(people["secretaris"], Brondocument.objects.get(pk=document.pk))
    assert not Afsprakenset.objects.filter(gemeente__naam="Nergensland").exists()
    # The administrator is national.
    assert services.accept(people["beheerder"], Brondocument.objects.get(pk=document.pk)).gemeente.naam == "Nergensland"


def test_a_refused_edit_changes_nothing(zilverveen_secretaris):
    document = services.upload(zilverveen_secretaris, "zilverveen.txt", text("zilverveen"))
    with pytest.raises(bewerken.BewerkingFout, match="bestaat al"):
        services.edit(zilverveen_secretaris, document, "edit_agreement", number="1.1", values={"number": "1.2"})
    assert Brondocument.objects.get(pk=document.pk).voorstel == document.voorstel
    assert document.history.count() == 1


def test_review_screen_upload_edit_and_accept(client, zilverveen_secretaris):
    client.force_login(zilverveen_secretaris)
    page = client.get(reverse("importer:lijst"))
    assert page.status_code == 200 and "Afsprakendocument inlezen" in page.content.decode()

    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("importer:lijst"), {"bestand": SimpleUploadedFile("zilverveen.txt", text("zilverveen"))}
    )
    document = Brondocument.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    review = client.get(document.get_absolute_url()).content.decode()
    assert review.count("<h1") == 1
    assert "Gematigde huurverhoging" in review and 'id="regel-1"' in review

    client.post(
        reverse("importer:bewerken", args=[document.pk]),
        {"bewerking": "renumber", "sleutel": "3", "h3-start": "1", "h3-prefix": "D"},
    )
    assert [a["number"] for a in Brondocument.objects.get().set["themes"][2]["agreements"]] == ["D.1", "D.2"]
    assert "Doelstelling 70 weghalen" in client.get(document.get_absolute_url()).content.decode()
    client.post(
        reverse("importer:bewerken", args=[document.pk]),
        {"bewerking": "remove_target", "sleutel": "1.2", "index": "0", "anker": "1.2"},
    )
    assert Brondocument.objects.get().set["themes"][0]["agreements"][1]["targets"] == []
    client.post(
        reverse("importer:bewerken", args=[document.pk]),
        {
            "bewerking": "edit_set",
            "set-title": "Prestatieafspraken Zilverveen 2027-2030",
            "set-kind": "prestatieafspraken",
            "set-first_year": "2027",
            "set-last_year": "2030",
            "set-municipality": "Zilverveen",
        },
    )
    assert Brondocument.objects.get().set["title"] == "Prestatieafspraken Zilverveen 2027-2030"
    response = client.post(reverse("importer:aanvaarden", args=[document.pk]))
    afsprakenset = Afsprakenset.objects.get(brondocumenten=document)
    assert response["Location"] == afsprakenset.get_absolute_url()
    assert afsprakenset.titel == "Prestatieafspraken Zilverveen 2027-2030"


def test_upload_of_bad_input_shows_the_reason(client, zilverveen_secretaris):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(zilverveen_secretaris)
    response = client.post(reverse("importer:lijst"), {"bestand": SimpleUploadedFile("leeg.pdf", b"%PDF-1.4 kapot")})
    assert response.status_code == 400
    assert "beschadigd" in response.content.decode()
    assert not Brondocument.objects.exists()


def test_others_do_not_see_a_draft(client, people, zilverveen_secretaris):
    document = services.upload(zilverveen_secretaris, "zilverveen.txt", text("zilverveen"))
    client.force_login(people["secretaris"])
    assert client.get(document.get_absolute_url()).status_code == 404
    client.force_login(people["woonborg"])
    assert client.get(reverse("importer:lijst")).status_code == 403


def test_upload_refuses_what_it_cannot_read(zilverveen_secretaris):
    with pytest.raises(DocumentError):
        services.upload(zilverveen_secretaris, "leeg.txt", b"")
    assert not Brondocument.objects.exists()


def test_the_command_saves_and_accepts(people, tmp_path, capsys):
    from django.core.management import call_command

    path = tmp_path / "heidebroek.txt"
    path.write_bytes(text("heidebroek"))
    call_command("import_agreements", str(path), "--save", "--accept", "--as", "beheerder")
    afsprakenset = Afsprakenset.objects.get(slug="heidebroek-prestatieafspraken-2029")
    assert afsprakenset.status == Afsprakenset.Status.CONCEPT
    assert afsprakenset.afspraken.count() == 7
    assert afsprakenset.brondocumenten.get().bestandsnaam == "heidebroek.txt"
