from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from driehoek.core import audit
from driehoek.core.history_admin import ReadOnlyHistoryAdmin

from . import policy
from .models import Partij, User


class ManagedByAdministrator:
    """Parties and users are managed by the administrator alone (policy.MANAGE_USERS)."""

    def has_module_permission(self, request) -> bool:
        return policy.can(request.user, policy.MANAGE_USERS, None)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deactivate instead: deleting would take the name off every history row the user wrote.
        return False


@admin.register(Partij)
class PartijAdmin(ManagedByAdministrator, ReadOnlyHistoryAdmin):
    list_display = ["naam", "korte_naam", "soort"]
    list_filter = ["soort", "gemeenten"]
    search_fields = ["naam", "korte_naam"]
    # Where the party works, its figures rights (docs/authorization.md): a plain multiple select, since
    # the two-box widget's icons carry a prohibited aria-label (axe; issue 20).
    filter_horizontal = ()


@admin.register(User)
class UserAdmin(ManagedByAdministrator, BaseUserAdmin, ReadOnlyHistoryAdmin):
    list_display = ["username", "email", "first_name", "last_name", "partij", "rol", "is_active"]
    list_filter = ["rol", "partij", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Driehoek"), {"fields": ["partij", "rol"]}),)
    filter_horizontal = ()  # the two-box widget's icons carry a prohibited aria-label (axe; issue 20)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Driehoek"), {"fields": ["email", "partij", "rol"]}),)


# --- authenticator devices: the beheerder sees who has one and may remove it (a lost phone), but
# never a key, QR code or backup code: nobody but the user sees their secret (issue 20). django-otp's
# own admins (with their config/ and qrcode/ views and token inlines) are replaced.
import django_otp.plugins.otp_static.admin  # noqa: E402,F401  registers first, so that we replace it
import django_otp.plugins.otp_totp.admin  # noqa: E402,F401
from django_otp.plugins.otp_static.models import StaticDevice  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(ManagedByAdministrator, admin.ModelAdmin):
    list_display = ["gebruiker", "bevestigd", "ingesteld_op", "laatst_gebruikt"]
    search_fields = ["user__username"]
    fields = list_display
    readonly_fields = fields

    @admin.display(description=_("gebruiker"), ordering="user__username")
    def gebruiker(self, device) -> str:
        return str(device.user)

    @admin.display(description=_("bevestigd"), boolean=True)
    def bevestigd(self, device) -> bool:
        return device.confirmed

    @admin.display(description=_("ingesteld op"), ordering="created_at")
    def ingesteld_op(self, device):
        return device.created_at

    @admin.display(description=_("laatst gebruikt"), ordering="last_used_at")
    def laatst_gebruikt(self, device):
        return device.last_used_at

    def has_add_permission(self, request) -> bool:
        return False  # a user sets up their own app; a key made by someone else is known to them

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)  # removing it makes the user set up a new app

    @transaction.atomic
    def delete_model(self, request, obj) -> None:
        obj.delete()
        audit.save(obj.user, request.user, "tweestapsverificatie verwijderd door de beheerder")

    def delete_queryset(self, request, queryset) -> None:
        for device in queryset.select_related("user"):
            self.delete_model(request, device)
