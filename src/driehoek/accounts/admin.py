from simple_history.admin import SimpleHistoryAdmin

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Partij, User


@admin.register(Partij)
class PartijAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "korte_naam", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam", "korte_naam"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "email", "first_name", "last_name", "partij", "rol", "is_active"]
    list_filter = ["rol", "partij", "is_active"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Driehoek"), {"fields": ["partij", "rol"]}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Driehoek"), {"fields": ["email", "partij", "rol"]}),)
