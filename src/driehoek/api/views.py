from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy

from .models import ApiToken


@login_required
def tokens(request):
    """A user of a party makes and revokes the keys of their party's systems."""
    if not policy.can(request.user, policy.MANAGE_API_KEYS, None):
        raise PermissionDenied
    secret = None
    if request.method == "POST":
        if request.POST.get("form") == "nieuw":
            naam = request.POST.get("naam", "").strip()[:120]
            if not naam:
                messages.error(request, _("Geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt."))
            else:
                _token, secret = ApiToken.issue(request.user, naam)
        elif request.POST.get("form") == "intrekken":
            token = get_object_or_404(
                ApiToken, pk=request.POST.get("token"), gebruiker__partij_id=request.user.partij_id
            )
            token.ingetrokken_op = timezone.now()
            token._history_user = request.user
            token.save()
            messages.success(request, _("De sleutel is ingetrokken."))
            return redirect("api_tokens")
    party_tokens = ApiToken.objects.filter(gebruiker__partij_id=request.user.partij_id).select_related("gebruiker")
    return render(request, "api/tokens.html", {"tokens": party_tokens, "secret": secret})
