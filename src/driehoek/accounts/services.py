"""Changes to a user's own log-in: setting up and removing two-factor verification.

The device tables are django-otp's and keep no history; the change is recorded on the user's
history (django-simple-history) in the same transaction, with the reason.
"""

from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.db import transaction

from driehoek.core import audit

from .models import User

BACKUP_CODES = 10


def pending_device(user: User) -> TOTPDevice:
    """The unconfirmed authenticator-app key the user is setting up (made once, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="app", confirmed=False)


@transaction.atomic
def confirm_app(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the new app with a code it shows; replaces any older app and backup codes.

    Returns the new backup codes (shown once), or None when the code is wrong.
    """
    user = request.user
    if device.user_id != user.pk or device.confirmed or not device.verify_token("".join(code.split())):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
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
