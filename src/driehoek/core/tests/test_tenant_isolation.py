"""One municipality's users never reach another's data, by any road (issue 15, "And in general").

Two municipalities: Aa en Hunze (the seed) and Zuiderstrand, whose every text carries a marker word.
As each kind of user of Aa en Hunze (four roles × three kinds of party, accounts/permissions_table):

- every URL pattern of the site, enumerated from the URL resolver (the API's routes included), is
  called with Zuiderstrand's ids and slugs, by GET and by POST (the API: its own method): the
  answer is 403, 404 or 405, or a page without the marker. A pattern with an object parameter this
  test cannot fill fails it with a message; patterns without one are on a reviewed list and are
  opened to check that their lists hold no row of Zuiderstrand;
- every admin page (the index, and per registered model its list, add, change, delete and history
  pages, its filters, and the autocomplete) is closed to them: the admin is the administrator's tool
  (docs/adr/0085), so every page answers 403, and every POST to it changes nothing;
- the administrator, who is national, sees both municipalities in the admin: that is right.

New pages and admin models are covered without anyone writing a test for them.
"""

import re
from datetime import date, timedelta

import pytest

from django.contrib import admin
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from driehoek.accounts import permissions_table as table
from driehoek.accounts.models import Partij, User
from driehoek.api.models import ApiToken
from driehoek.bod import services as bod_services
from driehoek.cycle import services as cycle
from driehoek.cycle.models import Agendatoken, Planitem
from driehoek.figures import services as figures
from driehoek.importer import services as importer
from driehoek.importer.tests.helpers import text
from driehoek.jaarprogramma import services as jaarprogramma
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Bijlage, Indicatorwaarde
from driehoek.ondertekening.models import Goedkeuring, Indieningspakket
from driehoek.register.models import Afspraak, Afsprakenset, Deelname, Gemeente, Indicator, Thema
from driehoek.reports.models import Rapport
from driehoek.vergelijken import services as vergelijken

pytestmark = pytest.mark.django_db

MARK = "Zeekraalvonder"
AEH = {
    "gemeente": "Gemeente Aa en Hunze",
    "corporatie": "Woonborg",
    "huurdersorganisatie": "Algemene Huurdersvereniging WOON",
}
KINDS = [k for k in table.KINDS if k.key in table.INSIDERS and k.partij in AEH]

# Patterns without an object parameter, reviewed: opened with GET, and their page must not show
# the marker (lists, counts, the national overview, the log-in pages).
NO_OBJECT = {
    "start", "login", "logout", "tweestaps_instellen", "tweestaps_controle", "tweestaps_reservecodes",
    "password_reset", "password_reset_done", "password_reset_complete", "oidc_authentication_init",
    "oidc_authentication_callback", "set_language", "help", "help_rol", "cycle:mijn_agenda",
    "figures:sjabloon", "reports:landelijk", "reports:landelijk_openbaar", "importer:lijst",
    "api-v1:openapi-json", "api-v1:list_sets", "api-v1:api-root", "api_tokens", "gebruikers_geschiedenis",
    "gezond",
    "bod:index",  # the user's own biedingen and the municipalities of their own sets
    "vergelijken:zoeken",  # searches the agreements of the user's own municipality only (?q=)
    "vergelijken:toets",  # checks a text typed by the user against their own municipality's agreements
}  # fmt: skip
# Pages that change the session or the person when POSTed to, not an object: only opened with GET.
GET_ONLY = {"logout", "set_language", "login", "password_reset", "tweestaps_instellen", "tweestaps_controle",
            "tweestaps_reservecodes", "api_tokens"}  # fmt: skip
# Patterns whose parameter is a secret key, not an id (a reset link, a personal calendar feed): called
# with Zuiderstrand's user and a wrong key, or the user's own key; the page must not show the marker.
SECRET_KEYED = {"password_reset_confirm", "cycle:feed"}
REFUSED = (403, 404, 405)


@pytest.fixture
def zuid(user_factory, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    gemeente = Gemeente.objects.create(naam=f"Zuiderstrand {MARK}", provincie="Zeeland")
    partij = Partij.objects.create(naam=f"Gemeente Zuiderstrand {MARK}", korte_naam=MARK, soort="gemeente")
    corporatie = Partij.objects.create(naam=f"Woonstichting {MARK}", korte_naam=f"WS {MARK}", soort="corporatie")
    s = Afsprakenset.objects.create(
        gemeente=gemeente, slug=f"zuiderstrand-{MARK.lower()}", soort="prestatieafspraken",
        titel=f"Afspraken {MARK}", eerste_jaar=2026, laatste_jaar=2027,
    )  # fmt: skip
    Deelname.objects.create(afsprakenset=s, partij=partij, volgorde=1)
    Deelname.objects.create(afsprakenset=s, partij=corporatie, volgorde=2)
    thema = Thema.objects.create(afsprakenset=s, nummer="1", titel=f"Thema {MARK}")
    afspraak = Afspraak.objects.create(
        afsprakenset=s, thema=thema, nummer="1", titel=f"Woningen {MARK}", tekst=f"Wij bouwen {MARK}.",
        soort="gezamenlijk",
    )  # fmt: skip
    indicator = Indicator.objects.create(
        afspraak=afspraak, omschrijving=f"Aantal {MARK}", soort="aantal", jaar_van=2026, jaar_tot=2027
    )
    indicator.actiehouders.add(corporatie)
    secretaris = user_factory(username="zuid-secretaris", partij=partij, rol=User.Rol.SECRETARIS)
    corp_user = user_factory(username="zuid-corporatie", partij=corporatie, rol=User.Rol.INVULLER)
    monitoring.start_year(secretaris, s, 2026)
    monitoring.save_value(corp_user, indicator, 2026, waarde=None, eenheid="", oordeel=f"Oordeel {MARK}", bron="")
    waarde = Indicatorwaarde.objects.get(indicator=indicator, jaar=2026)
    bijlage = Bijlage.objects.create(
        indicatorwaarde=waarde, bestand=ContentFile(f"{MARK}".encode(), name="b.txt"), naam=f"{MARK}.txt",
        soort="txt", grootte=len(MARK),
    )  # fmt: skip
    overleg = cycle.plan_meeting(secretaris, s, soort="ao", titel=f"Overleg {MARK}", datum=timezone.now())
    planitem = Planitem.objects.create(afsprakenset=s, jaar=2026, soort="deadline", titel=f"Deadline {MARK}")
    geschil = cycle.report_dispute(corp_user, s, onderwerp=f"Geschil {MARK}", omschrijving="Oneens.")
    rapport = Rapport.objects.create(afsprakenset=s, jaar=2026, formaat="pdf", aangevraagd_door=secretaris)
    records = [{"naam": f"Plan {MARK}", "kern": MARK, "status": "hard", "bruto": 10, "sloop": 0,
                "jaar": (2027, False), "opleverdatum": None}]  # fmt: skip
    figures.store(corp_user, gemeente, corporatie, "plannen", date(2026, 12, 31), records, bestandsnaam="p.csv")
    document = importer.upload(secretaris, f"{MARK}.txt", text("zilverveen").replace(b"Zilverveen", MARK.encode()))
    # The rooms of issue 14: a bod with an attachment, a framework with a 2027 programme and a proposal,
    # an approval with its decision and a submission package, each through its room's service where the
    # room has one for it (the signing steps need a second factor and a whole flow: rows made directly).
    today = date.today()
    bod = bod_services.start_bod(corp_user, gemeente, today.year + 1, uiterlijk=today + timedelta(days=30))
    bodbijlage = bod_services.add_attachment(corp_user, bod, ContentFile(MARK.encode(), name=f"{MARK}.txt"), "txt")
    kader = Afsprakenset.objects.create(
        gemeente=gemeente, slug=f"zuiderstrand-kader-{MARK.lower()}", soort="kaderafspraken",
        titel=f"Kaderafspraken {MARK}", eerste_jaar=2026, laatste_jaar=2030,
    )  # fmt: skip
    Deelname.objects.create(afsprakenset=kader, partij=partij, volgorde=1)
    Deelname.objects.create(afsprakenset=kader, partij=corporatie, volgorde=2)
    kader_thema = Thema.objects.create(afsprakenset=kader, nummer="1", titel=f"Thema {MARK}")
    Afspraak.objects.create(
        afsprakenset=kader, thema=kader_thema, nummer="1", titel=f"Kader {MARK}",
        tekst=f"Wij kaderen {MARK} met strandpalen.", soort="gezamenlijk",
    )  # fmt: skip
    programma = jaarprogramma.start(secretaris, kader, 2027, reacties_uiterlijk=today + timedelta(days=30))
    voorstel = jaarprogramma.propose(
        corp_user, programma, "tekst", onderdeel=programma.onderdelen.get(), tekst=f"Wij bouwen meer {MARK}."
    )
    goedkeuring = Goedkeuring.objects.create(
        afsprakenset=s, partij=partij, orgaan="college", datum=date(2026, 1, 5), besluit=ContentFile(
            MARK.encode(), name="besluit.pdf"), besluit_naam=f"{MARK}.pdf", besluit_soort="pdf",
        vastgelegd_door=secretaris,
    )  # fmt: skip
    pakket = Indieningspakket.objects.create(
        afsprakenset=s, bestand=ContentFile(MARK.encode(), name="pakket.pdf"), sha256="0" * 64, grootte=len(MARK),
        gemaakt_door=secretaris,
    )  # fmt: skip
    vergelijken.build_index()  # the national search's index holds Zuiderstrand's agreements
    return {
        "set": s, "gemeente": gemeente, "secretaris": secretaris, "indicator": indicator, "bijlage": bijlage,
        "overleg": overleg, "planitem": planitem, "geschil": geschil, "rapport": rapport, "document": document,
        "bod": bod, "bodbijlage": bodbijlage, "kader": kader, "voorstel": voorstel, "goedkeuring": goedkeuring,
        "pakket": pakket,
    }  # fmt: skip


def _patterns(patterns=None, prefix="", namespace=None):
    """Every URL pattern of the site: (route, name, pattern), the admin's apart (tested through
    admin.site below), the API's as the resolver holds them."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if getattr(p, "app_name", None) == "admin" or p.namespace == "admin":
                continue
            yield from _patterns(p.url_patterns, prefix + str(p.pattern), p.namespace or namespace)
        elif isinstance(p, URLPattern):
            name = (f"{namespace}:" if namespace else "") + (p.name or "")
            yield prefix + str(p.pattern), name, p


def _object_values(z, own_token: str) -> dict[tuple[str, str], object]:
    """(pattern name or "*", parameter) -> Zuiderstrand's value for it."""
    pk_of = {
        "monitoring:bijlage": z["bijlage"].pk, "cycle:planitem_done": z["planitem"].pk,
        "cycle:overleg": z["overleg"].pk, "cycle:overleg_ics": z["overleg"].pk, "cycle:geschil": z["geschil"].pk,
        "figures:overzicht": z["gemeente"].pk, "figures:aanleveren": z["gemeente"].pk,
        "figures:invoeren": z["gemeente"].pk, "reports:rapport": z["rapport"].pk,
        "reports:rapport_download": z["rapport"].pk, "importer:document": z["document"].pk,
        "importer:bewerken": z["document"].pk, "importer:aanvaarden": z["document"].pk,
        "importer:bestand": z["document"].pk, "bod:lijst": z["gemeente"].pk, "bod:detail": z["bod"].pk,
        "bod:bewerken": z["bod"].pk, "bod:bijlage": z["bod"].pk, "jaarprogramma:voorstel": z["voorstel"].pk,
        "ondertekening:besluit": z["goedkeuring"].pk, "ondertekening:pakket": z["pakket"].pk,
    }  # fmt: skip
    values = {("*", "slug"): z["set"].slug, ("*", "nummer"): "1", ("*", "jaar"): 2026,
              ("*", "indicator_pk"): z["indicator"].pk, ("*", "indicator_id"): z["indicator"].pk,
              ("*", "gemeente_id"): z["gemeente"].pk, ("*", "soort"): "plannen", ("*", "fmt"): "csv",
              ("figures:sjabloon", "ext"): "csv", ("help_rol", "rol"): "secretaris",
              # The feed's key is a secret of its person: the user's own key must not show Zuiderstrand.
              ("cycle:feed", "token"): own_token,
              ("password_reset_confirm", "uidb64"): urlsafe_base64_encode(force_bytes(z["secretaris"].pk)),
              ("password_reset_confirm", "token"): "set-password"}  # fmt: skip
    values |= {(name, "pk"): pk for name, pk in pk_of.items()}
    values[("bod:bijlage", "bijlage")] = z["bodbijlage"].pk
    # The programme lives under the framework, for the year after the evaluation.
    for name in ("index", "concept", "onderdeel", "voorstel"):
        values |= {(f"jaarprogramma:{name}", "slug"): z["kader"].slug, (f"jaarprogramma:{name}", "jaar"): 2027}
    # The period evaluation is a framework's.
    values |= {("reports:periode", "slug"): z["kader"].slug, ("reports:periode_bestand", "slug"): z["kader"].slug,
               ("reports:periode_bestand", "fmt"): "xlsx"}  # fmt: skip
    return values


def _fill(route: str, name: str, values: dict) -> str:
    def value(match):
        param = match.group("param")
        for key in ((name, param), ("*", param)):
            if key in values:
                return str(values[key])
        pytest.fail(f"URL pattern {name} ({route}): no value of Zuiderstrand for <{param}>; add one to this test")

    return "/" + re.sub(r"<(?:\w+:)?(?P<param>\w+)>", value, route).replace("^", "").replace("$", "")


def _api_method(pattern) -> str:
    view = pattern.callback
    operations = getattr(getattr(view, "__self__", None), "operations", None) or []
    methods = {m for op in operations for m in op.methods}
    return next(iter(methods - {"GET"}), "GET")


def _closed_or_clean(response, url: str) -> None:
    status = response.status_code
    if status in REFUSED:
        return
    assert status < 500, (url, status)
    location = response.headers.get("Location", "")
    assert status != 302 or "zuiderstrand" not in location.lower(), (url, location)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert MARK.encode() not in body and MARK.lower().encode() not in body, (url, status)


def _admin_urls(z) -> list[str]:
    """The admin index, the autocomplete, and per registered model its list (with a filter on
    Zuiderstrand), add, change, delete and history pages for a row of Zuiderstrand where there is one."""
    urls = [
        reverse("admin:index"),
        reverse("admin:autocomplete") + "?term=Zee&app_label=register&model_name=afspraak&field_name=verwijzingen",
    ]
    rows = {Afsprakenset: z["set"], Gemeente: z["gemeente"], Afspraak: Afspraak.objects.get(afsprakenset=z["set"]),
            Thema: Thema.objects.get(afsprakenset=z["set"]), Indicator: z["indicator"],
            User: z["secretaris"], Partij: Partij.objects.get(korte_naam=MARK)}  # fmt: skip
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls.append(reverse("admin:{}_{}_changelist".format(*info)) + f"?q={MARK}")
        urls.append(reverse("admin:{}_{}_add".format(*info)))
        pk = rows[model].pk if model in rows else model.objects.values_list("pk", flat=True).first()
        if pk is not None:
            for page in ("change", "delete", "history"):
                urls.append(reverse("admin:{}_{}_{}".format(*info, page), args=[pk]))
    return urls


COUNTS: dict[str, int] = {}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_no_road_leads_into_another_municipality(kind, zuid, client, user_factory):
    # With a staff flag, as secretaries had when the admin was theirs: it must open nothing now.
    partij = Partij.objects.get(naam=AEH[kind.partij])
    user = user_factory(username=f"grens-{kind.key}", partij=partij, rol=kind.rol, is_staff=True)
    client.force_login(user)
    own_token = "eigen-agenda-" + kind.key
    Agendatoken.objects.create(user=user, sleutel_hash=Agendatoken.hash(own_token))
    api_auth = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'grens')[1]}"}
    values = _object_values(zuid, own_token)
    snapshot = _snapshot(zuid)

    patterns = list(_patterns())
    names = {name for _r, name, _p in patterns}
    assert not (NO_OBJECT - names), f"reviewed patterns that no longer exist: {NO_OBJECT - names}"
    requests = 0
    for route, name, pattern in patterns:
        has_param = "<" in route and name not in NO_OBJECT and name not in SECRET_KEYED
        url = _fill(route, name, values)
        extra = api_auth if route.startswith("api/") else {}
        if route.startswith("api/"):
            method = _api_method(pattern)
            response = getattr(client, method.lower())(url, **extra) if method != "GET" else client.get(url, **extra)
            requests += 1
            if has_param:
                assert response.status_code in (401, *REFUSED) or response.status_code == 422, (
                    url,
                    response.status_code,
                )
            _closed_or_clean(response, url)
            continue
        response = client.get(url)
        requests += 1
        if has_param:
            assert response.status_code in REFUSED, (url, response.status_code)
        _closed_or_clean(response, url)
        if name not in GET_ONLY:
            response = client.post(url, {"bewerking": "edit_set", "versie": 1})
            requests += 1
            if has_param:
                assert response.status_code in REFUSED, ("POST", url, response.status_code)
            _closed_or_clean(response, url)
        if name == "logout":
            client.force_login(user)

    # The national search and the text check, asked for the marker itself.
    for response in _searches(client):
        requests += 1
        _closed_or_clean(response, "vergelijken")

    # The admin: closed to every one of them, lists, forms, filters and autocomplete alike.
    admin_urls = _admin_urls(zuid)
    for url in admin_urls:
        for method in ("get", "post"):
            response = getattr(client, method)(
                url, {"post": "yes", "titel": "Overgenomen"} if method == "post" else None
            )
            requests += 1
            assert response.status_code == 403, (method, url, response.status_code)
    assert _snapshot(zuid) == snapshot, "a request changed Zuiderstrand's data"
    COUNTS[kind.key] = requests
    print(f"\n{kind.key}: {len(patterns)} URL patterns, {len(admin_urls)} admin pages, {requests} requests")


def _searches(client) -> list:
    return [
        # Words of Zuiderstrand's framework, not the marker: the page repeats the question asked.
        client.get(reverse("vergelijken:zoeken"), {"q": "strandpalen kaderen"}),
        client.post(reverse("vergelijken:toets"), {"tekst": "Wij kaderen met strandpalen."}),
    ]


# Pages that show Zuiderstrand's own people nothing either in this fixture: the public pages of a set
# not published, and a report whose file was never made.
NOT_FOR_ZUIDERSTRAND_EITHER = {"reports:openbaar", "ondertekening:openbaar", "reports:rapport_download"}


def test_the_values_are_zuiderstrands_own(zuid, client):
    """The ids above are real: Zuiderstrand's own secretary or corporation opens each page (a 403 of
    the role, a 405 of a POST-only page are answers about the object; a 404 would make the test above
    pass for the wrong reason)."""
    values = _object_values(zuid, "geen-sleutel")
    people = [User.objects.get(username=name) for name in ("zuid-secretaris", "zuid-corporatie")]
    checked = 0
    for route, name, _p in _patterns():
        if "<" not in route or name in NO_OBJECT | SECRET_KEYED | NOT_FOR_ZUIDERSTRAND_EITHER:
            continue
        url = _fill(route, name, values)
        statuses = set()
        for person in people:
            extra = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(person, 'eigen')[1]}"}
            client.force_login(person)
            statuses.add(client.get(url, **extra).status_code)
        assert statuses - {404}, (name, url, statuses)
        checked += 1
    assert checked > 50
    client.force_login(people[0])
    # The search finds Zuiderstrand's own framework for its secretary (the text check offers only
    # published agreements of other municipalities, so it has no such control).
    assert MARK in _searches(client)[0].content.decode(), "the search does not find Zuiderstrand for itself"


def test_the_administrator_is_national_in_the_admin(zuid, people, client):
    client.force_login(people["beheerder"])
    page = client.get(reverse("admin:register_afsprakenset_changelist"))
    assert page.status_code == 200
    assert MARK in page.content.decode() and "Kaderafspraken" in page.content.decode()
    closed = 0
    for url in _admin_urls(zuid):
        response = client.get(url)
        assert response.status_code in (200, 302, 403), (url, response.status_code)
        closed += response.status_code != 200
    # Only the pages that are nobody's (history is read-only, deliveries are not added by hand) close.
    assert closed < len(_admin_urls(zuid)) // 2


def _snapshot(z) -> tuple:
    s = Afsprakenset.objects.get(pk=z["set"].pk)
    document = type(z["document"]).objects.get(pk=z["document"].pk)
    return (
        (s.titel, s.gemeente_id, s.status, s.deelnames.count(), s.afspraken.count()),
        list(s.afspraken.values_list("tekst", "thema_id")),
        Indicator.objects.filter(afspraak__afsprakenset=s).count(),
        (document.status, document.voorstel),
        Planitem.objects.get(pk=z["planitem"].pk).afgerond,
        type(z["bod"]).objects.filter(pk=z["bod"].pk).values_list("status", "versie").get(),
        z["bod"].bijlagen.count(),
        type(z["voorstel"]).objects.filter(pk=z["voorstel"].pk).values_list("status", "tekst", "versie").get(),
        Goedkeuring.objects.filter(afsprakenset=z["set"], ingetrokken_op__isnull=True).count(),
        Indieningspakket.objects.filter(afsprakenset=z["set"]).count(),
    )
