"""The admin is the administrator's tool (docs/adr/0085).

As django-otp's site, it asks for a verified second factor; and instead of Django's `is_staff` the
policy decides who gets in (`policy.USE_ADMIN`: the beheerder), so a staff flag left on a
secretary's account opens nothing. Every
other user is sent to the log-in page of the admin, which says they have no access, and none of its
pages (lists, forms, filters, autocomplete, history) answers them.
"""

from django_otp.admin import OTPAdminSite

from . import policy


class BeheerAdminSite(OTPAdminSite):
    def has_permission(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_verified() and policy.can(user, policy.USE_ADMIN, None)
