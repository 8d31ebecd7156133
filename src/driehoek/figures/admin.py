from django.contrib import admin
from django.db import models

from driehoek.accounts import policy
from driehoek.core.history_admin import ReadOnlyHistoryAdmin

from .models import Aanlevering, Koppeling, Referentiejaar


def _may_edit_reference_data(user) -> bool:
    return policy.can(user, policy.EDIT_REFERENCE_DATA, None)


@admin.register(Referentiejaar)
class ReferentiejaarAdmin(ReadOnlyHistoryAdmin):
    """The national limits per year: the administrator adds a year or fills in what became known
    (national data, so no municipality's secretary changes them; issue 15, finding 11)."""

    list_display = [
        "jaar",
        "kwaliteitskortingsgrens",
        "eerste_aftoppingsgrens",
        "tweede_aftoppingsgrens",
        "daeb_huurgrens",
    ]
    formfield_overrides = {models.DecimalField: {"localize": True}}  # 682,96 the Dutch way

    def has_module_permission(self, request):
        return _may_edit_reference_data(request.user)

    def has_view_permission(self, request, obj=None):
        return _may_edit_reference_data(request.user)

    has_change_permission = has_add_permission = has_view_permission

    def has_delete_permission(self, request, obj=None):
        return policy.is_beheerder(request.user)


@admin.register(Koppeling)
class KoppelingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["indicator", "berekening", "corporatie"]
    raw_id_fields = ["indicator"]

    def has_module_permission(self, request):
        return policy.is_beheerder(request.user)

    def has_view_permission(self, request, obj=None):
        return policy.is_beheerder(request.user)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


@admin.register(Aanlevering)
class AanleveringAdmin(ReadOnlyHistoryAdmin):
    """Read only: deliveries change by delivering again, so that nothing is lost."""

    list_display = ["soort", "corporatie", "gemeente", "peildatum", "rijen", "geleverd_op", "vervangen_door"]
    list_filter = ["soort", "gemeente", "corporatie"]

    def has_module_permission(self, request):
        return policy.is_beheerder(request.user)

    def has_view_permission(self, request, obj=None):
        return policy.is_beheerder(request.user)

    def has_add_permission(self, request):
        return False

    has_change_permission = has_delete_permission = lambda self, request, obj=None: False  # noqa: E731
