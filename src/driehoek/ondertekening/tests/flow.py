"""Driving a set through signing with the services, for the tests."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from driehoek.accounts.tests.twofactor import app_of, next_code
from driehoek.ondertekening import services

from .helpers import ORGAAN, decision_pdf, signing_data

FINAL = date(2026, 11, 20)


def upload(name="besluit.pdf", content=None):
    return SimpleUploadedFile(name, content if content is not None else decision_pdf(), content_type="application/pdf")


def approve(user, s, day=FINAL):
    return services.approve(user, s, orgaan=ORGAAN[user.partij.soort], datum=day, besluit=upload())


def sign(user, s, day=FINAL):
    app_of(user)
    return services.sign(user, s, code=next_code(user), **signing_data(user.username, day))


def to_akkoord(secretaris, s):
    services.mark_text_final(secretaris, s, date(2026, 12, 15), today=date(2026, 11, 30))
    s.refresh_from_db()


def to_signed(secretaris, s, signers):
    to_akkoord(secretaris, s)
    for user in signers.values():
        approve(user, s)
        sign(user, s)
    s.refresh_from_db()
