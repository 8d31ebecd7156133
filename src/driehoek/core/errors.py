"""Error pages."""

import sys

from django.db import InterfaceError, OperationalError
from django.views import defaults

from .middleware import database_unavailable


def server_error(request):
    """Django's 500 page, or the 503 page when the database failed outside a view (for example while
    saving the session after it)."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable(request)
    return defaults.server_error(request)
