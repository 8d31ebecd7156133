"""The history of users, their roles, parties, groups and permissions: for the administrator."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from driehoek.core.history import entries

from . import policy
from .models import Partij, User

LIMIT = 300


@login_required
def gebruikers_geschiedenis(request):
    if not policy.can(request.user, policy.VIEW_USER_HISTORY, None):
        raise PermissionDenied
    sources = [(User, User.history.all()), (Partij, Partij.history.all())]
    history = entries(sources, limit=LIMIT)
    return render(request, "accounts/gebruikers_geschiedenis.html", {"history": history})
