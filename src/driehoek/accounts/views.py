from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services, twofactor
from .forms import CodeForm


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@login_required
def instellen(request):
    """Set up an authenticator app: QR code and key, then one code from the app to confirm."""
    if twofactor.has_second_factor(request.user) and "opnieuw" not in request.GET and request.method == "GET":
        return render(request, "accounts/tweestaps_status.html", {"next": _next(request)})
    if twofactor.has_second_factor(request.user) and not request.user.is_verified():
        return redirect("tweestaps_controle")  # replacing the app needs the old one (or a backup code) first
    # The key travels signed in the page; nothing is stored until the code from the app confirms it.
    key = services.unsign_key(request.user, request.POST.get("sleutel", "")) if request.method == "POST" else None
    form = CodeForm(request.POST or None)
    form.fields["code"].help_text = _("De zes cijfers die de app nu toont.")
    if request.method == "POST" and key is None:
        form.add_error(None, _("Deze pagina is verlopen. Scan de nieuwe QR-code en vul de code opnieuw in."))
    elif request.method == "POST" and form.is_valid():
        codes = services.confirm_app(request, key, form.cleaned_data["code"])
        if codes is not None:
            return render(request, "accounts/tweestaps_reservecodes.html", {"codes": codes, "next": _next(request)})
        form.add_error(
            "code", _("Deze code klopt niet. Neem de code die de app nu toont; hij verandert elke 30 seconden.")
        )
    device = TOTPDevice(user=request.user, name="app", key=key or services.new_app_key())  # not saved
    context = {
        "form": form,
        "sleutel": services.sign_key(request.user, device.key),
        "uri": device.config_url,
        "qr": twofactor.qr_svg(device.config_url),
        "secret": twofactor.secret_for_typing(device),
        "required": twofactor.is_required(request.user),
        "next": _next(request),
    }
    return render(request, "accounts/tweestaps_instellen.html", context)


@login_required
def controle(request):
    """The second step of logging in: a code from the app or a backup code."""
    if not twofactor.has_second_factor(request.user):
        return redirect("tweestaps_instellen")
    if request.user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify(request, form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error(
            "code",
            _(
                "Deze code klopt niet of is al gebruikt. Wacht op de volgende code van de app; "
                "na meer foute pogingen duurt het telkens iets langer voordat u het opnieuw kunt proberen."
            ),
        )
    return render(request, "accounts/tweestaps_controle.html", {"form": form, "next": _next(request)})


@login_required
@require_POST
def reservecodes(request):
    """New backup codes; only for a verified session."""
    if not request.user.is_verified():
        return redirect("tweestaps_controle")
    codes = services.new_backup_codes(request.user)
    messages.success(request, _("Er zijn nieuwe reservecodes gemaakt; de oude werken niet meer."))
    return render(request, "accounts/tweestaps_reservecodes.html", {"codes": codes, "next": "/"})


class LoginView(auth_views.LoginView):
    """Django's log-in page, with the single sign-on button when OpenID Connect is configured."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_provider"] = settings.OIDC_PROVIDER_NAME if settings.OIDC_ENABLED else None
        return context


def vergrendeld(request, original_response=None, credentials=None):
    """django-axes' answer to a locked user name: when to try again, in plain Dutch."""
    until = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"until": until, "minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "registration/vergrendeld.html", context, status=429)
