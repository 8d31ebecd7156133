"""Changes to a user's own log-in: setting up and removing two-factor verification.

The device tables are django-otp's and keep no history; the change is recorded on the user's
history (django-simple-history) in the same transaction, with the reason.
"""

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from django.core import signing
from django.db import transaction

from driehoek.core import audit

from .models import User

BACKUP_CODES = 10
KEY_SALT = "tweestaps-sleutel"
KEY_MAX_AGE = 60 * 60  # seconds: a key shown an hour ago is offered anew


def new_app_key() -> str:
    """A fresh key for an authenticator app, not stored: the page shows it and carries it, signed,
    to the confirming post, which stores the device (a page view never writes; issue 20)."""
    return default_key()


def sign_key(user: User, key: str) -> str:
    return signing.dumps(key, salt=f"{KEY_SALT}:{user.pk}")


def unsign_key(user: User, signed: str) -> str | None:
    """The key the page showed this user, or None when it was not signed for them or is too old."""
    try:
        return signing.loads(signed, salt=f"{KEY_SALT}:{user.pk}", max_age=KEY_MAX_AGE)
    except signing.BadSignature:
        return None


@transaction.atomic
def confirm_app(request, key: str, code: str) -> list[str] | None:
    """Confirm the new app with a code it shows; only then is it stored, replacing any older app
    and backup codes. Returns the new backup codes (shown once), or None when the code is wrong."""
    user = request.user
    device = TOTPDevice(user=user, name="app", key=key, confirmed=False)
    with transaction.atomic():
        verified = device.verify_token("".join(code.split()))
        if not verified:
            transaction.set_rollback(True)  # a wrong code leaves nothing behind
    if not verified:
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    codes = _new_backup_codes(user)
    otp_login(request, device)
    audit.save(user, user, "tweestapsverificatie ingesteld")
    return codes


def _new_backup_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="reservecodes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


@transaction.atomic
def new_backup_codes(user: User) -> list[str]:
    """Replace the backup codes (the old ones stop working)."""
    codes = _new_backup_codes(user)
    audit.save(user, user, "nieuwe reservecodes")
    return codes
