"""The admin is the administrator's tool (docs/adr/0085).

As django-otp's site, it asks for a verified second factor; and instead of Django's `is_staff` the
policy decides who gets in (`policy.USE_ADMIN`: the beheerder), so a staff flag left on a
secretary's account opens nothing. A logged-in person the policy does not let in gets 403 from
every admin page (lists, forms, filters, autocomplete, history): sending them to the log-in page
would send them straight back, as they are logged in. Someone not logged in, or the administrator
before their second factor, is sent to log in as before.
"""

from functools import update_wrapper

from django_otp.admin import OTPAdminSite

from django.core.exceptions import PermissionDenied

from . import policy


class BeheerAdminSite(OTPAdminSite):
    def has_permission(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_verified() and policy.can(user, policy.USE_ADMIN, None)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def refuse_the_logged_in(request, *args, **kwargs):
            if request.user.is_authenticated and not policy.can(request.user, policy.USE_ADMIN, None):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return update_wrapper(refuse_the_logged_in, inner)
