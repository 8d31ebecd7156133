"""Loading the signed-in user on every request (docs/adr/0165)."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from .models import User


def with_what_every_page_asks(users):
    """The users with their party (the header names it; the policy asks its kind) and whether they
    set up an authenticator app (`has_app`, which twofactor.must_verify asks on every page): one
    query instead of three."""
    app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return users.select_related("partij").annotate(has_app=Exists(app))


class UserBackend(ModelBackend):
    """Django's ModelBackend; the user of a session comes with_what_every_page_asks."""

    def get_user(self, user_id):
        try:
            user = with_what_every_page_asks(User._default_manager).get(pk=user_id)
        except User.DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        user.policy_answers = {}  # this request's answers of the policy (accounts/policy._answer)
        return user
