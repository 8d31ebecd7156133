"""Who may do what: the one place every view, export and template asks.

The rules in prose are in docs/authorization.md. Row-level visibility lives in
`Afsprakenset.objects.visible_to(user)`, which `can` uses for sets.
"""

from typing import Any

VIEW_SET = "view_set"
CHANGE_REGISTER = "change_register"

ACTIONS = (VIEW_SET, CHANGE_REGISTER)


def is_beheerder(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.rol == user.Rol.BEHEERDER))


def can(user, action: str, obj: Any) -> bool:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not user.is_authenticated or not user.is_active:
        return False
    afsprakenset = getattr(obj, "afsprakenset", obj)
    if action == VIEW_SET:
        return type(afsprakenset).objects.visible_to(user).filter(pk=afsprakenset.pk).exists()
    if action == CHANGE_REGISTER:
        # The municipality's secretary keeps the register of its own sets; the administrator all.
        if is_beheerder(user):
            return True
        return (
            user.rol == user.Rol.SECRETARIS
            and user.partij_id is not None
            and afsprakenset.deelnames.filter(partij_id=user.partij_id).exists()
            and user.partij.soort == user.partij.Soort.GEMEENTE
        )
    return False
