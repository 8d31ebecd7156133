from ninja.security import HttpBearer

from django.utils import timezone

from .models import ApiToken

PUBLIC = "public"


class TokenAuth(HttpBearer):
    """Bearer token of a party's system; the request then acts as the user who made the token."""

    def authenticate(self, request, token: str):
        entry = (
            ApiToken.objects.select_related("gebruiker__partij")
            .filter(sleutel_hash=ApiToken.hash(token), ingetrokken_op__isnull=True, gebruiker__is_active=True)
            .first()
        )
        if entry is None:
            return None
        ApiToken.objects.filter(pk=entry.pk).update(laatst_gebruikt=timezone.now())
        request.user = entry.gebruiker
        return entry


class OptionalTokenAuth(TokenAuth):
    """Read endpoints: without a token the caller is the public and sees only published data."""

    def __call__(self, request):
        if not request.headers.get("Authorization"):
            from django.contrib.auth.models import AnonymousUser

            request.user = AnonymousUser()
            return PUBLIC
        return super().__call__(request)
