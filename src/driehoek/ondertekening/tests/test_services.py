import hashlib
from datetime import date

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from driehoek.accounts.tests.twofactor import app_of
from driehoek.ondertekening import services
from driehoek.ondertekening.models import Goedkeuring, Handtekening, Indiening
from driehoek.register.models import Afsprakenset

from .flow import FINAL, approve, sign, to_akkoord, to_signed, upload

pytestmark = pytest.mark.django_db
S = Afsprakenset.Status


def test_negotiation_then_text_final_with_a_deadline(programma, people):
    services.start_negotiation(people["secretaris"], programma)
    programma.refresh_from_db()
    assert programma.status == S.IN_ONDERHANDELING
    with pytest.raises(ValidationError) as e:
        services.mark_text_final(people["secretaris"], programma, date(2026, 11, 1), today=date(2026, 11, 30))
    assert "verleden" in str(e.value)
    programma.refresh_from_db()
    assert programma.status == S.IN_ONDERHANDELING  # nothing half-done
    ronde = services.mark_text_final(people["secretaris"], programma, date(2026, 12, 15), today=date(2026, 11, 30))
    programma.refresh_from_db()
    assert programma.status == S.AKKOORD and ronde.uiterlijk == date(2026, 12, 15)
    assert programma.history.first().history_change_reason == "tekst definitief"
    assert programma.history.first().history_user == people["secretaris"]


def test_only_the_municipal_secretary_marks_the_text_final(programma, people, signers):
    for user in (people["gemeente"], signers["dir-woonborg"], people["beheerder"]):
        with pytest.raises(PermissionDenied):
            services.mark_text_final(user, programma, date(2026, 12, 15), today=date(2026, 11, 30))


def test_a_party_approves_for_itself_with_a_body_of_its_kind_and_a_real_document(programma, people, signers):
    to_akkoord(people["secretaris"], programma)
    ahwoon = signers["vz-ahwoon"]
    with pytest.raises(ValidationError, match="Voor deze partij"):
        services.approve(ahwoon, programma, orgaan="college", datum=FINAL, besluit=upload())
    with pytest.raises(ValidationError, match="PDF, PNG of JPEG"):
        services.approve(ahwoon, programma, orgaan="bestuur", datum=FINAL, besluit=upload("b.pdf", b"MZ\x90 no pdf"))
    with pytest.raises(ValidationError, match="toekomst"):
        services.approve(ahwoon, programma, orgaan="bestuur", datum=date(2099, 1, 1), besluit=upload())
    for user in (people["lezer"], people["gemeente"], people["buitenstaander"], people["beheerder"]):
        with pytest.raises(PermissionDenied):
            services.approve(user, programma, orgaan="bestuur", datum=FINAL, besluit=upload())
    g = services.approve(ahwoon, programma, orgaan="ledenvergadering", datum=FINAL, besluit=upload())
    assert g.partij == ahwoon.partij and g.besluit_soort == "pdf"
    assert g.besluit.open("rb").read().startswith(b"%PDF-")
    with pytest.raises(ValidationError, match="al goedgekeurd"):
        approve(ahwoon, programma)
    assert Goedkeuring.objects.filter(afsprakenset=programma).count() == 1


def test_a_too_large_decision_is_refused(programma, people, signers, settings):
    settings.UPLOAD_MAX_MB = {**settings.UPLOAD_MAX_MB, "attachment": 0}
    to_akkoord(people["secretaris"], programma)
    with pytest.raises(ValidationError, match="groter dan 0 MB"):
        approve(signers["wethouder"], programma)


def test_approving_before_the_text_is_final_is_refused(programma, signers):
    with pytest.raises(ValidationError, match="status"):
        approve(signers["wethouder"], programma)


def test_signing_needs_the_approval_and_a_current_code(programma, people, signers):
    to_akkoord(people["secretaris"], programma)
    wethouder = signers["wethouder"]
    data = {"naam": "A. de Wethouder", "functie": "wethouder", "datum": FINAL, "plaats": "Gieten"}
    with pytest.raises(ValidationError, match="nog niet goedgekeurd"):
        services.sign(wethouder, programma, code="123456", **data)
    approve(wethouder, programma)
    with pytest.raises(ValidationError, match="authenticator-app"):
        services.sign(wethouder, programma, code="123456", **data)
    app_of(wethouder)
    with pytest.raises(ValidationError, match="klopt niet"):
        services.sign(wethouder, programma, code="000000", **data)
    assert not Handtekening.objects.filter(afsprakenset=programma).exists()
    with pytest.raises(PermissionDenied):  # an invuller of the same party does not sign
        services.sign(people["gemeente"], programma, code="000000", **data)
    h = sign(wethouder, programma)
    assert h.tweede_factor_geverifieerd and h.door == wethouder
    programma.refresh_from_db()
    assert programma.status == S.AKKOORD  # five parties to go


def test_the_last_signature_signs_the_set_and_fills_the_signatories(programma, people, signers):
    to_signed(people["secretaris"], programma, signers)
    assert programma.status == S.ONDERTEKEND and programma.is_ondertekend
    rows = list(programma.ondertekenaars.order_by("volgorde").values_list("persoon", "functie", "plaats"))
    assert len(rows) == 6 and ("A. de Wethouder", "wethouder wonen", "Gieten") in rows
    assert programma.history.first().history_change_reason == "alle partijen hebben ondertekend"


def test_withdrawal_before_submission_is_kept_and_reopens_the_set(programma, people, signers):
    to_signed(people["secretaris"], programma, signers)
    woonborg = signers["dir-woonborg"]
    own = Handtekening.objects.get(afsprakenset=programma, partij=woonborg.partij)
    with pytest.raises(PermissionDenied):  # not for another party
        services.withdraw_signature(signers["vz-ahwoon"], own, "niet van ons")
    with pytest.raises(ValidationError, match="trek eerst de handtekening in"):
        services.withdraw_approval(
            woonborg, Goedkeuring.objects.get(afsprakenset=programma, partij=woonborg.partij), "x"
        )
    with pytest.raises(ValidationError, match="reden"):
        services.withdraw_signature(woonborg, own, "  ")
    services.withdraw_signature(woonborg, own, "De RvC wil nog een wijziging.")
    programma.refresh_from_db()
    own.refresh_from_db()
    assert programma.status == S.AKKOORD and own.ingetrokken
    assert own.history.first().history_change_reason.startswith("ingetrokken")
    assert programma.ondertekenaars.count() == 5
    sign(woonborg, programma, day=date(2026, 11, 25))
    programma.refresh_from_db()
    assert programma.status == S.ONDERTEKEND
    assert Handtekening.objects.filter(afsprakenset=programma, partij=woonborg.partij).count() == 2


def test_package_sha256_is_over_the_stored_bytes_and_submission_is_final(programma, people, signers):
    to_signed(people["secretaris"], programma, signers)
    secretaris = people["secretaris"]
    with pytest.raises(PermissionDenied):
        services.build_package(signers["wethouder"], programma)
    pakket = services.build_package(secretaris, programma)
    stored = pakket.bestand.open("rb").read()
    assert stored.startswith(b"%PDF-") and pakket.sha256 == hashlib.sha256(stored).hexdigest()
    assert pakket.grootte == len(stored)
    with pytest.raises(ValidationError, match="toekomst"):
        services.record_submission(secretaris, programma, pakket=pakket, datum=date(2099, 1, 1))
    with pytest.raises(PermissionDenied):
        services.record_submission(signers["wethouder"], programma, pakket=pakket, datum=FINAL)
    indiening = services.record_submission(secretaris, programma, pakket=pakket, datum=FINAL)
    programma.refresh_from_db()
    assert programma.status == S.INGEDIEND and indiening.ingediend_door == secretaris
    woonborg = signers["dir-woonborg"]
    own = Handtekening.objects.get(afsprakenset=programma, partij=woonborg.partij)
    with pytest.raises(ValidationError, match="status"):
        services.withdraw_signature(woonborg, own, "te laat")
    with pytest.raises(ValidationError, match="status"):
        services.withdraw_approval(
            signers["vz-ahwoon"],
            Goedkeuring.objects.get(afsprakenset=programma, partij=signers["vz-ahwoon"].partij),
            "x",
        )
    own.refresh_from_db()
    assert not own.ingetrokken


def test_an_out_of_date_or_altered_package_is_not_submitted(programma, people, signers):
    to_signed(people["secretaris"], programma, signers)
    secretaris = people["secretaris"]
    old = services.build_package(secretaris, programma)
    woonborg = signers["dir-woonborg"]
    services.withdraw_signature(
        woonborg, Handtekening.objects.get(afsprakenset=programma, partij=woonborg.partij), "tikfout in functie"
    )
    sign(woonborg, programma)
    programma.refresh_from_db()
    with pytest.raises(ValidationError, match="opnieuw"):
        services.record_submission(secretaris, programma, pakket=old, datum=FINAL)
    fresh = services.build_package(secretaris, programma)
    with open(fresh.bestand.path, "ab") as f:  # someone changed the stored file
        f.write(b"%% appended")
    with pytest.raises(ValidationError, match="veranderd"):
        services.record_submission(secretaris, programma, pakket=fresh, datum=FINAL)
    programma.refresh_from_db()
    assert programma.status == S.ONDERTEKEND and not Indiening.objects.filter(afsprakenset=programma).exists()


def test_all_or_nothing_when_the_status_step_fails(programma, people, signers, monkeypatch):
    """A failure after the signature row was written leaves no signature and no status change."""
    from driehoek.ondertekening import rules

    to_akkoord(people["secretaris"], programma)
    users = list(signers.values())
    for user in users[:-1]:
        approve(user, programma)
        sign(user, programma)
    last = users[-1]
    approve(last, programma)

    def broken(current, target):
        raise ValidationError("stap mislukt")

    monkeypatch.setattr(rules, "check_transition", broken)
    with pytest.raises(ValidationError, match="stap mislukt"):
        sign(last, programma)
    programma.refresh_from_db()
    assert programma.status == S.AKKOORD
    assert not Handtekening.objects.filter(afsprakenset=programma, partij=last.partij).exists()
    assert programma.ondertekenaars.count() == 0


def test_a_set_signed_on_paper_has_no_package_to_make(kader, people):
    assert kader.status == S.ONDERTEKEND  # imported as signed in December 2025
    with pytest.raises(ValidationError, match="buiten Driehoek"):
        services.build_package(people["secretaris"], kader)


def test_the_text_reopens_only_while_nobody_approved(programma, people, signers):
    secretaris = people["secretaris"]
    to_akkoord(secretaris, programma)
    approve(signers["wethouder"], programma)
    with pytest.raises(ValidationError, match="al goedkeuringen"):
        services.reopen_text(secretaris, programma)
    services.withdraw_approval(
        signers["wethouder"], Goedkeuring.objects.get(afsprakenset=programma), "Tekst wordt nog aangepast."
    )
    services.reopen_text(secretaris, programma)
    programma.refresh_from_db()
    assert programma.status == S.IN_ONDERHANDELING
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.start_negotiation(secretaris, programma)  # already negotiating
