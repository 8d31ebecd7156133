"""Two-factor log-in rules: who must use it, which devices a user has, and checking a code.

The rule has no switch: secretaris, beheerder and every staff or superuser account must verify a
second factor in each session; anyone else who set it up must use it too (docs/adr/0031).
"""

import io

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User

REQUIRED_ROLES = {User.Rol.SECRETARIS, User.Rol.BEHEERDER}


def is_required(user: User) -> bool:
    """Whether this user may not work without a second factor."""
    return user.rol in REQUIRED_ROLES or user.is_staff or user.is_superuser


def app_device(user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user: User) -> bool:
    """Whether this session still needs a second factor before any other page."""
    if not user.is_authenticated or user.is_verified():
        return False
    if is_required(user):
        return True
    # A user of this request's session was loaded with it (accounts/backends.py): no query per page.
    has_app = getattr(user, "has_app", None)
    return has_second_factor(user) if has_app is None else has_app


def verify(request, code: str) -> bool:
    """Check a code from the app or a backup code; on success the session counts as verified."""
    code = "".join(code.split()).lower()  # backup codes are lower case; people may type capitals
    user = request.user
    devices = [*TOTPDevice.objects.filter(user=user, confirmed=True)]
    devices += StaticDevice.objects.filter(user=user, confirmed=True)
    for device in devices:
        if device.verify_token(code):
            otp_login(request, device)
            return True
    return False


def qr_svg(uri: str) -> str:
    """The otpauth URI as an SVG QR code (no Pillow needed), ready to place in the page."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for people who type it instead of scanning."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
