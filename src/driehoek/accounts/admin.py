from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

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
    filter_horizontal = ["gemeenten"]  # where the party works: its figures rights (docs/authorization.md)


@admin.register(User)
class UserAdmin(ManagedByAdministrator, BaseUserAdmin, ReadOnlyHistoryAdmin):
    list_display = ["username", "email", "first_name", "last_name", "partij", "rol", "is_active"]
    list_filter = ["rol", "partij", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Driehoek"), {"fields": ["partij", "rol"]}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Driehoek"), {"fields": ["email", "partij", "rol"]}),)
