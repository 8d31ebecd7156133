"""What every service does around a change: ask the policy, and save with the acting user and the
reason, so that the history row (django-simple-history) is written in the same transaction."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from driehoek.accounts import policy


def require(user, action: str, obj) -> None:
    if not policy.can(user, action, obj):
        raise PermissionDenied(_("U mag dit niet doen namens uw partij."))


def save(obj, user, reason: str = "") -> None:
    obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()
