"""The attempts for the signing rows of the permissions table; accounts/tests/test_permission_table.py
imports them, so that every cell of these rows is tried against the real pages too."""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from driehoek.accounts.tests.twofactor import app_of, next_code
from driehoek.ondertekening.models import Goedkeuring, Handtekening, Indiening, Indieningspakket
from driehoek.register.models import Afsprakenset

from .flow import to_akkoord
from .helpers import ORGAAN, decision_pdf, make_jaarprogramma

__all__ = [
    "attempt_approve_for_party",
    "attempt_sign_for_party",
    "attempt_manage_signing",
    "attempt_view_signed_public",
]


def _attempt(*args, **kwargs):
    from driehoek.accounts.tests.test_permission_table import Attempt

    return Attempt(*args, **kwargs)


def _in_akkoord(w) -> Afsprakenset:
    s = make_jaarprogramma(w.kader)
    to_akkoord(w.people["secretaris"], s)
    return s


def attempt_approve_for_party(w):
    s = _in_akkoord(w)
    soort = w.user.partij.soort if w.user and w.user.partij_id else "gemeente"
    url = reverse("ondertekening:set", args=[s.slug])

    def request(c):
        besluit = SimpleUploadedFile("besluit.pdf", decision_pdf(), content_type="application/pdf")
        data = {
            "form": "goedkeuring",
            "goedkeuring-orgaan": ORGAAN.get(soort, "bestuur"),
            "goedkeuring-datum": "2026-11-20",
            "goedkeuring-besluit": besluit,
        }
        return c.post(url, data)

    return _attempt([request], lambda: Goedkeuring.objects.filter(afsprakenset=s).exists())


def attempt_sign_for_party(w):
    s = _in_akkoord(w)
    user = w.user
    if user is not None and user.partij_id:
        # The party's approval is there (set up directly: this row is about signing).
        Goedkeuring.objects.create(
            afsprakenset=s,
            partij=user.partij,
            orgaan="bestuur",
            datum=date(2026, 11, 20),
            besluit="x.pdf",
            besluit_naam="x.pdf",
            besluit_soort="pdf",
        )
    url = reverse("ondertekening:set", args=[s.slug])

    def request(c):
        code = "000000"
        if user is not None and user.is_active:
            app_of(user)
            c.force_login(user)  # now with the app: the session's second step, as a person would
            code = next_code(user)
        data = {
            "form": "handtekening",
            "handtekening-naam": "T. Ondertekenaar",
            "handtekening-functie": "bestuurder",
            "handtekening-datum": "2026-11-21",
            "handtekening-plaats": "Gieten",
            "handtekening-code": code,
        }
        return c.post(url, data)

    return _attempt([request], lambda: Handtekening.objects.filter(afsprakenset=s).exists())


def attempt_manage_signing(w):
    s = make_jaarprogramma(w.kader)
    url = reverse("ondertekening:set", args=[s.slug])
    day = (date.today() + timedelta(days=10)).isoformat()
    return _attempt(
        [lambda c: c.post(url, {"form": "definitief", "definitief-uiterlijk": day})],
        lambda: Afsprakenset.objects.get(pk=s.pk).status == Afsprakenset.Status.AKKOORD,
    )


def attempt_view_signed_public(w):
    s = make_jaarprogramma(w.kader)
    # Submitted (set up directly: this row is about who reads it; the services are tested elsewhere).
    Afsprakenset.objects.filter(pk=s.pk).update(status=Afsprakenset.Status.INGEDIEND)
    pakket = Indieningspakket.objects.create(afsprakenset=s, bestand="p.pdf", sha256="0" * 64, grootte=1)
    Indiening.objects.create(
        afsprakenset=s, pakket=pakket, datum=date(2026, 12, 1), ingediend_door=w.people["secretaris"]
    )
    return _attempt(
        [
            lambda c: c.get(reverse("ondertekening:openbaar", args=[s.slug])),
            lambda c: c.get(f"/api/v1/sets/{s.slug}"),
        ]
    )
