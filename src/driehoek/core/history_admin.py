"""The admin shows history but never changes it: no revert, no edit, no delete of a historical record.

django-simple-history's admin can revert an object to an old version from its history page (a POST
to the version's form). History is the record of who changed what; nobody, the administrator
included, rewrites it through the application (docs/authorization.md, docs/adr/0041).
"""

from simple_history.admin import SimpleHistoryAdmin

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    # Dutch titles: django-simple-history's own ("View history: …") have no Dutch translation.
    def history_view_title(self, request, obj) -> str:
        return _("Historie van %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj) -> str:
        return _("Eerdere versie van %(object)s") % {"object": obj}

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def has_change_history_permission(self, request, obj=None) -> bool:
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
