"""Driehoek's JSON API, version 1, with its OpenAPI description at /api/v1/openapi.json.

The same policy as the pages decides; a token acts as the user who made it. Without a token the
caller is the public and sees only what a municipality published. Errors are problem details
(RFC 9457)."""

from datetime import date
from decimal import Decimal

from ninja import Field, File, Form, NinjaAPI, Schema
from ninja import Status as ninja_status
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.files import UploadedFile
from ninja.throttling import AnonRateThrottle, AuthRateThrottle
from pydantic import field_validator

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.figures import queries as figure_queries
from driehoek.figures import services as figure_services
from driehoek.figures.models import Aanlevering
from driehoek.figures.uploads import UploadError
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Status
from driehoek.monitoring.rules import describe_light
from driehoek.monitoring.services import ConflictError
from driehoek.register.models import Afsprakenset, Gemeente, Indicator
from driehoek.register.opendata import export_set

from .auth import PUBLIC, OptionalTokenAuth, TokenAuth


class PublicRateThrottle(AnonRateThrottle):
    """The public (no token) is limited per address; tokens have their own, higher limit."""

    def get_cache_key(self, request):
        if getattr(request, "auth", None) not in (None, PUBLIC):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRateThrottle(AuthRateThrottle):
    def get_cache_key(self, request):
        if getattr(request, "auth", None) in (None, PUBLIC):
            return None
        return super().get_cache_key(request)


api = NinjaAPI(
    title="Driehoek API",
    version="1",
    description="Prestatieafspraken: sets, afspraken, indicatoren, beoordelingen en cijfers.",
    urls_namespace="api-v1",
    docs_url=None,  # the interactive docs load scripts from elsewhere; the OpenAPI file is the reference
    auth=OptionalTokenAuth(),
    throttle=[PublicRateThrottle("60/m"), TokenRateThrottle("600/m")],
)


def _problem(request, status: int, title: str, detail: str = "", **extra) -> JsonResponse:
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        **extra,
    }
    return JsonResponse(body, status=status, content_type="application/problem+json")


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _problem(request, 404, _("Niet gevonden"), _("Dit bestaat niet, of u mag het niet zien."))


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _problem(request, 403, _("Niet toegestaan"), str(exc) or _("U mag dit niet doen namens uw partij."))


@api.exception_handler(AuthenticationError)
def _unauthorised(request, exc):
    return _problem(
        request, 401, _("Niet aangemeld"), _("Geef een geldige API-sleutel mee: Authorization: Bearer <sleutel>.")
    )


@api.exception_handler(Throttled)
def _throttled(request, exc):
    return _problem(request, 429, _("Te veel verzoeken"), _("Wacht even en probeer het opnieuw."))


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc):
    return _problem(request, 422, _("Ongeldige invoer"), _("De invoer klopt niet."), errors=exc.errors)


@api.exception_handler(DjangoValidationError)
def _refused(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return _problem(request, 422, _("Ongeldige invoer"), " ".join(exc.messages), errors=errors)


@api.exception_handler(UploadError)
def _upload(request, exc):
    return _problem(
        request, 422, _("Het bestand is niet opgeslagen"), exc.problems[0], errors=exc.problems, count=exc.total
    )


@api.exception_handler(ConflictError)
def _conflict(request, exc):
    return _problem(request, 409, _("Intussen gewijzigd"), exc.detail)


class VersionRequired(Exception):
    """A write without the version it is based on (docs/adr/0060)."""


@api.exception_handler(VersionRequired)
def _version_required(request, exc):
    return _problem(
        request,
        428,
        _("Versie ontbreekt"),
        _("Stuur de versie die u las mee, als “version” of in If-Match (0 voor een eerste waarde)."),
    )


@api.exception_handler(HttpError)
def _http(request, exc):
    return _problem(request, exc.status_code, str(exc))


def _visible_sets(request):
    if request.user.is_authenticated:
        return Afsprakenset.objects.visible_to(request.user)
    return Afsprakenset.objects.published()


class SetSummary(Schema):
    slug: str
    title: str
    municipality: str
    kind: str
    first_year: int
    last_year: int
    status: str


class AssessmentOut(Schema):
    agreement: str
    year: int
    light: str
    reason: str
    description: str
    status: str
    explanation: str
    adopted_on: date | None


class ValueIn(Schema):
    value: Decimal | None = None
    unit: str = Field("", max_length=60)
    judgement: str = Field("", max_length=10_000)
    source: str = Field("", max_length=300)
    version: int | None = None

    @field_validator("unit", "judgement", "source")
    @classmethod
    def _no_nul(cls, text: str) -> str:
        # PostgreSQL cannot store NUL in text; the pages' forms refuse it as well.
        if "\x00" in text:
            raise ValueError(_("Tekst mag geen NUL-teken bevatten."))
        return text


class ValueOut(Schema):
    indicator: int
    year: int
    value: Decimal | None
    unit: str
    judgement: str
    source: str
    version: int


class DeliveryOut(Schema):
    id: int
    kind: str
    reference_date: date
    rows: int


@api.get("/sets", response=list[SetSummary], tags=["register"])
def list_sets(request):
    return [
        SetSummary(
            slug=s.slug,
            title=s.titel,
            municipality=s.gemeente.naam,
            kind=s.soort,
            first_year=s.eerste_jaar,
            last_year=s.laatste_jaar,
            status=s.status,
        )
        for s in _visible_sets(request).select_related("gemeente").order_by("slug")
    ]


@api.get("/sets/{slug}", response=dict, tags=["register"])
def get_set(request, slug: str):
    """The whole register of a set, in Driehoek's open-data format."""
    return export_set(
        get_object_or_404(_visible_sets(request).select_related("gemeente", "bovenliggende_set"), slug=slug)
    )


@api.get("/sets/{slug}/beoordelingen", response=list[AssessmentOut], tags=["monitoring"])
def list_assessments(request, slug: str, jaar: int | None = None):
    afsprakenset = get_object_or_404(_visible_sets(request), slug=slug)
    assessments = Beoordeling.objects.filter(afspraak__afsprakenset=afsprakenset).select_related("afspraak")
    if not request.user.is_authenticated:
        assessments = assessments.filter(status=Status.VASTGESTELD, afspraak__afsprakenset__publicaties__jaar=F("jaar"))
    if jaar is not None:
        assessments = assessments.filter(jaar=jaar)
    return [
        AssessmentOut(
            agreement=b.afspraak.nummer,
            year=b.jaar,
            light=b.kleur,
            reason=b.reden,
            description=describe_light(b.kleur, b.reden),
            status=b.status,
            explanation=b.toelichting,
            adopted_on=b.vastgesteld_op,
        )
        for b in assessments.order_by("jaar", "afspraak__volgorde")
    ]


@api.put(
    "/sets/{slug}/indicatoren/{indicator_id}/waarden/{jaar}", response=ValueOut, auth=TokenAuth(), tags=["monitoring"]
)
def put_value(request, response: HttpResponse, slug: str, indicator_id: int, jaar: int, payload: ValueIn):
    """Enter an indicator value for a year, as the token's party (only its actiehouders may).

    The version read (`version`, or the ETag in If-Match; 0 for a first entry) is required: without
    it a write would overwrite what someone else saved (428)."""
    versie = payload.version if payload.version is not None else _if_match(request)
    if versie is None:
        raise VersionRequired
    indicator = get_object_or_404(
        Indicator, pk=indicator_id, afspraak__afsprakenset__in=_visible_sets(request).filter(slug=slug)
    )
    value = monitoring.save_value(
        request.user,
        indicator,
        jaar,
        waarde=payload.value,
        eenheid=payload.unit,
        oordeel=payload.judgement,
        bron=payload.source or _("via de API"),
        versie=versie,
    )
    response["ETag"] = f'"{value.versie}"'
    return ValueOut(
        indicator=indicator.pk,
        year=jaar,
        value=value.waarde,
        unit=value.eenheid,
        judgement=value.oordeel,
        source=value.bron,
        version=value.versie,
    )


def _if_match(request) -> int | None:
    """The version in an If-Match header: "3" or W/"3"; None when absent or not one version."""
    tag = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    return int(tag) if tag.isdigit() and len(tag) < 10 else None


@api.get("/gemeenten/{gemeente_id}/cijfers", response=dict, tags=["cijfers"])
def get_figures(request, gemeente_id: int):
    gemeente = get_object_or_404(Gemeente, pk=gemeente_id)
    visible = (
        policy.can(request.user, policy.VIEW_FIGURES, gemeente)
        if request.user.is_authenticated
        else Afsprakenset.objects.published().filter(gemeente=gemeente).exists()
    )
    if not visible:
        raise Http404
    additions = figure_queries.additions(gemeente, 2000, 2100)
    return {
        "municipality": gemeente.naam,
        "delivered_net_per_year": additions.net,  # delivered minus sold, as every page shows it
        "sold_per_year": additions.sold,
        "planned_hard_per_year": additions.planned_hard,
        "planned_soft_per_year": additions.planned_soft,
        "allocations": {
            year: {
                "total": r["totaal"],
                "urgent_share": float(r["aandeel_urgent"]),
                "outflow_share": float(r["aandeel_uitstroom"]),
            }
            for year, r in figure_queries.allocations(gemeente).items()
        },
    }


@api.post("/gemeenten/{gemeente_id}/aanleveringen", response={201: DeliveryOut}, auth=TokenAuth(), tags=["cijfers"])
def post_delivery(request, gemeente_id: int, soort: Form[str], peildatum: Form[date], bestand: File[UploadedFile]):
    """Deliver a CSV or XLSX file of the token's corporation; checked whole, stored all or nothing."""
    gemeente = get_object_or_404(Gemeente, pk=gemeente_id)
    if soort not in Aanlevering.Soort.values:
        raise DjangoValidationError({"soort": [_("Kies uit: %(c)s.") % {"c": ", ".join(Aanlevering.Soort.values)}]})
    aanlevering = figure_services.deliver(
        request.user, gemeente, soort, peildatum, filename=bestand.name, content=bestand.read()
    )
    return ninja_status(
        201,
        DeliveryOut(
            id=aanlevering.pk, kind=aanlevering.soort, reference_date=aanlevering.peildatum, rows=aanlevering.rijen
        ),
    )
