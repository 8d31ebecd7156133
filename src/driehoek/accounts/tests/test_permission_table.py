"""Every cell of the permissions table (accounts/permissions_table.py) against the real pages and API.

For each action there is an attempt: the request a user makes to do it and a check whether it took
effect. The table says per kind of user whether the attempt must work. Allowed: success (2xx or a
redirect after a POST) and the effect is there. Forbidden: 403 or 404 (anonymous and inactive
users: a redirect to the log-in page; the API: 401, 403 or 404) and no effect.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from django.urls import reverse

from driehoek.accounts import permissions_table as table
from driehoek.accounts.models import Partij, User
from driehoek.api.models import ApiToken
from driehoek.bod.tests import permission_attempts as bod_attempts
from driehoek.cycle import services as cycle
from driehoek.cycle.models import Correctie, Geschil, Overleg, Stem, Verslag
from driehoek.figures.models import Aanlevering
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Delegatie, Indicatorwaarde, Monitoringsjaar, Reactie, Status
from driehoek.ondertekening.tests.permission_attempts import *  # noqa: F403 (the signing rows' attempts)
from driehoek.register.models import Afspraak
from driehoek.reports import services as reports

pytestmark = pytest.mark.django_db

PARTIES = {
    "gemeente": "Gemeente Aa en Hunze",
    "corporatie": "Woonborg",
    "huurdersorganisatie": "Algemene Huurdersvereniging WOON",
}
LOGIN_PATHS = ("/inloggen/", "/beheer/login/")


@dataclass
class Attempt:
    requests: list[Callable]  # each takes the test client and returns a response
    happened: Callable[[], bool] | None = None  # None: a read, with nothing to take effect
    api: bool = False
    admin: bool = False
    facts: dict = field(default_factory=dict)  # for the conditions on the object


def make_user(kind: table.Kind, other_gemeente_party: Partij, user_factory) -> User | None:
    if kind.rol is None:
        return None
    if kind.partij in PARTIES:
        partij = Partij.objects.get(naam=PARTIES[kind.partij])
    elif kind.partij == "buiten":
        partij = Partij.objects.create(naam="Woningstichting Nergens", korte_naam="Nergens", soort="corporatie")
    elif kind.partij == "andere_gemeente":
        partij = other_gemeente_party
    else:
        partij = None
    return user_factory(
        username=f"tabel-{kind.key}",
        partij=partij,
        rol=kind.rol,
        is_active=kind.active,
        is_staff=kind.rol in ("secretaris", "beheerder"),
        is_superuser=kind.rol == "beheerder",
    )


def holds(condition: str, user: User | None, facts: dict) -> bool:
    """A cell's condition for this user and this attempt's object, from the data."""
    if condition == table.YES:
        return True
    if condition == table.NO or user is None:
        return False
    if condition == table.ACTIEHOUDER:
        return facts["indicator"].actiehouders.filter(pk=user.partij_id).exists()
    if condition == table.HOLDER:
        first = facts["afspraak"].indicatoren.order_by("volgorde").first()
        return first.actiehouders.filter(pk=user.partij_id).exists()
    if condition == table.LEAD:
        return facts["indicator"].actiehouderschappen.order_by("volgorde", "pk").first().partij_id == user.partij_id
    if condition == table.NOT_PROPOSER:
        v = facts["voorstel"]
        return user.partij_id != v.partij_id and v.afsprakenset.partijen.filter(pk=user.partij_id).exists()
    if condition == table.RESPONDER:
        b = facts["beoordeling"]
        return user.partij_id != b.voorzet_partij_id and b.afspraak.afsprakenset.partijen.filter(pk=user.partij_id)
    raise AssertionError(condition)


# --- the attempts, one per action ------------------------------------------------------------


def _voorzet(w) -> Beoordeling:
    monitoring.start_year(w.people["secretaris"], w.kader, 2026)
    b = Beoordeling.objects.get(afspraak__afsprakenset=w.kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(w.people["woonborg"], b, kleur="groen")
    b.refresh_from_db()
    return b


def _consensus(w) -> Beoordeling:
    b = _voorzet(w)
    for name in ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        monitoring.respond(w.people[name], b, soort="akkoord")
    b.refresh_from_db()
    assert b.status == Status.CONSENSUS
    return b


def _adopted(w) -> Beoordeling:
    b = _consensus(w)
    monitoring.adopt(w.people["secretaris"], b, datum=date(2027, 3, 1), orgaan="BO")
    b.refresh_from_db()
    return b


def _meeting(w) -> Overleg:
    return cycle.plan_meeting(w.people["secretaris"], w.kader, soort="ao", titel="AO voorjaar")


def _post(url, data, **extra):
    return lambda c: c.post(url, data, **extra)


def _get(url, **extra):
    return lambda c: c.get(url, **extra)


def attempt_view_set(w) -> Attempt:
    monitoring.start_year(w.people["secretaris"], w.kader, 2026)
    meeting = _meeting(w)
    slug = w.kader.slug
    urls = [
        reverse("register:set", args=[slug]),
        reverse("register:set", args=[slug]) + "?q=woningen",
        reverse("register:afspraak", args=[slug, "1"]),
        reverse("register:geschiedenis", args=[slug]),
        reverse("monitoring:dashboard", args=[slug, 2026]),
        reverse("monitoring:tabel", args=[slug, 2026]),
        reverse("reports:monitoringstabel", args=[slug, 2026, "csv"]),
        reverse("reports:monitoringstabel", args=[slug, 2026, "xlsx"]),
        # The PDF is the same view; it is tried in test_visibility.py (slow to make 17 times).
        reverse("cycle:index", args=[slug]),
        reverse("cycle:overleg_ics", args=[slug, meeting.pk]),
        reverse("jaarprogramma:index", args=[slug]),
        reverse("jaarprogramma:concept", args=[slug, _programme(w).jaar]),
        reverse("jaarprogramma:onderdeel", args=[slug, 2027, "1"]),
        reverse("reports:periode", args=[slug]),
    ]
    return Attempt([_get(u) for u in urls])


def attempt_view_public(w) -> Attempt:
    _adopted(w)
    reports.publish(w.people["secretaris"], w.kader, 2026)
    return Attempt(
        [
            _get(reverse("reports:openbaar", args=[w.kader.slug, 2026])),
            _get(reverse("reports:landelijk_openbaar")),
            _get(f"/api/v1/sets/{w.kader.slug}"),
        ]
    )


def attempt_api_read_set(w) -> Attempt:
    return Attempt([_get(f"/api/v1/sets/{w.kader.slug}", **w.auth)], api=True)


def attempt_change_register(w) -> Attempt:
    return Attempt([_get(reverse("admin:register_afsprakenset_change", args=[w.kader.pk]))], admin=True)


def attempt_use_admin(w) -> Attempt:
    return Attempt([_get(reverse("admin:index"))], admin=True)


def attempt_edit_reference_data(w) -> Attempt:
    from driehoek.figures.models import Referentiejaar

    jaar = Referentiejaar.objects.order_by("-jaar").first()
    url = reverse("admin:figures_referentiejaar_change", args=[jaar.pk])
    data = {f.name: getattr(jaar, f.name) for f in Referentiejaar._meta.fields if f.name != "id"}
    data["eerste_aftoppingsgrens"] = "1,00"
    data = {k: str(v).replace(".", ",") if v is not None and k != "bronnen" else (v or "") for k, v in data.items()}

    def changed():
        jaar.refresh_from_db()
        return str(jaar.eerste_aftoppingsgrens) == "1.00"

    return Attempt([_post(url, data)], changed, admin=True)


def attempt_manage_users(w) -> Attempt:
    return Attempt(
        [_get(reverse("admin:accounts_user_changelist")), _get(reverse("admin:accounts_partij_changelist"))],
        admin=True,
    )


def attempt_view_user_history(w) -> Attempt:
    return Attempt([_get(reverse("gebruikers_geschiedenis"))])


def attempt_start_year(w) -> Attempt:
    return Attempt(
        [_post(reverse("monitoring:index", args=[w.kader.slug]), {"start-jaar": 2027})],
        lambda: Monitoringsjaar.objects.filter(afsprakenset=w.kader, jaar=2027).exists(),
    )


def attempt_adopt(w) -> Attempt:
    b = _consensus(w)
    url = reverse("monitoring:beoordeling", args=[w.kader.slug, 2026, "1"])
    data = {"form": "vaststellen", "vaststellen-datum": "2027-03-01", "vaststellen-orgaan": "BO"}
    return Attempt(
        [_post(url, {**data, "vaststellen-versie": b.versie})],
        lambda: Beoordeling.objects.get(pk=b.pk).status == Status.VASTGESTELD,
    )


def _value_attempt(w, indicator, request) -> Attempt:
    return Attempt(
        [request],
        lambda: Indicatorwaarde.objects.filter(indicator=indicator, jaar=2026).exists(),
        facts={"indicator": indicator},
    )


def attempt_enter_value(w) -> Attempt:
    monitoring.start_year(w.people["secretaris"], w.kader, 2026)
    indicator = w.afspraak.indicatoren.order_by("volgorde")[1]  # the municipality, corporations and tenants
    url = reverse("monitoring:waarde", args=[w.kader.slug, 2026, "1", indicator.pk])
    return _value_attempt(w, indicator, _post(url, {f"i{indicator.pk}-waarde": "12", f"i{indicator.pk}-versie": 0}))


def attempt_api_enter_value(w) -> Attempt:
    monitoring.start_year(w.people["secretaris"], w.kader, 2026)
    indicator = w.afspraak.indicatoren.order_by("volgorde")[0]  # the corporations only
    url = f"/api/v1/sets/{w.kader.slug}/indicatoren/{indicator.pk}/waarden/2026"
    attempt = _value_attempt(
        w, indicator, lambda c: c.put(url, {"value": "7", "version": 0}, content_type="application/json", **w.auth)
    )
    attempt.api = True
    return attempt


def attempt_delegate(w) -> Attempt:
    monitoring.start_year(w.people["secretaris"], w.kader, 2026)
    indicator = w.afspraak.indicatoren.order_by("volgorde")[1]  # led by the municipality, with co-holders
    co_holder = indicator.actiehouderschappen.order_by("volgorde", "pk")[1].partij
    url = reverse("monitoring:delegeren", args=[w.kader.slug, 2026, "1", indicator.pk])
    return Attempt(
        [_post(url, {f"d{indicator.pk}-partij": co_holder.pk, f"d{indicator.pk}-versie": 0})],
        lambda: Delegatie.objects.filter(indicator=indicator, partij=co_holder).exists(),
        facts={"indicator": indicator},
    )


def attempt_make_voorzet(w) -> Attempt:
    monitoring.start_year(w.people["secretaris"], w.kader, 2026)
    b = Beoordeling.objects.get(afspraak=w.afspraak, jaar=2026)
    url = reverse("monitoring:beoordeling", args=[w.kader.slug, 2026, "1"])
    data = {"form": "voorzet", "voorzet-kleur": "groen", "voorzet-versie": b.versie, "voorzet-toelichting": "Op koers"}
    return Attempt(
        [_post(url, data)],
        lambda: Beoordeling.objects.get(pk=b.pk).status == Status.VOORZET,
        facts={"afspraak": w.afspraak},
    )


def attempt_respond(w) -> Attempt:
    b = _voorzet(w)
    url = reverse("monitoring:beoordeling", args=[w.kader.slug, 2026, "1"])
    return Attempt(
        [_post(url, {"form": "reactie", "reactie-soort": "akkoord", "reactie-revisie": b.revisie})],
        lambda: Reactie.objects.filter(beoordeling=b, door=w.user).exists(),
        facts={"beoordeling": b},
    )


def attempt_revise(w) -> Attempt:
    b = _adopted(w)
    url = reverse("monitoring:beoordeling", args=[w.kader.slug, 2026, "1"])
    data = {"form": "herzien", "herzien-reden": "Nieuwe cijfers", "herzien-versie": b.versie}
    return Attempt(
        [_post(url, data)],
        lambda: Beoordeling.objects.get(pk=b.pk).status != Status.VASTGESTELD,
        facts={"afspraak": w.afspraak},
    )


def attempt_manage_cycle(w) -> Attempt:
    url = reverse("cycle:plan", args=[w.kader.slug])
    return Attempt(
        [_post(url, {"overleg-soort": "ao", "overleg-titel": "Tabeloverleg"})],
        lambda: Overleg.objects.filter(afsprakenset=w.kader, titel="Tabeloverleg").exists(),
    )


def attempt_draft_minutes(w) -> Attempt:
    meeting = _meeting(w)
    url = reverse("cycle:overleg", args=[w.kader.slug, meeting.pk])
    return Attempt(
        [_post(url, {"form": "verslag", "verslag-tekst": "Aanwezig: allen.", "verslag-versie": 0})],
        lambda: Verslag.objects.filter(overleg=meeting).exists(),
    )


def attempt_correct_minutes(w) -> Attempt:
    meeting = _meeting(w)
    verslag = cycle.write_minutes(w.people["secretaris"], meeting, "Aanwezig: allen.")
    cycle.send_for_check(w.people["secretaris"], verslag)
    url = reverse("cycle:overleg", args=[w.kader.slug, meeting.pk])
    return Attempt(
        [_post(url, {"form": "correctie", "correctie-tekst": "Ook aanwezig: de huurders."})],
        lambda: Correctie.objects.filter(verslag=verslag).exists(),
    )


def attempt_add_agenda_item(w) -> Attempt:
    meeting = _meeting(w)
    url = reverse("cycle:overleg", args=[w.kader.slug, meeting.pk])
    return Attempt(
        [_post(url, {"form": "agendapunt", "agendapunt-titel": "Huurdersmanifest", "agendapunt-toelichting": ""})],
        lambda: meeting.agendapunten.filter(titel="Huurdersmanifest").exists(),
    )


def attempt_check_ongoing(w) -> Attempt:
    from driehoek.monitoring.models import Jaarcheck

    monitoring.start_year(w.people["secretaris"], w.kader, 2026)
    check = Jaarcheck.objects.filter(lopende_afspraak__thema__afsprakenset=w.kader, jaar=2026).first()
    check.lopende_afspraak.partijen.set([Partij.objects.get(naam="Woonborg")])
    url = reverse("monitoring:lopend", args=[w.kader.slug, 2026])
    data = {"form": f"c{check.pk}", f"c{check.pk}-stand": "loopt", f"c{check.pk}-versie": check.versie}
    return Attempt([_post(url, data)], lambda: Jaarcheck.objects.get(pk=check.pk).stand == "loopt")


def attempt_report_dispute(w) -> Attempt:
    url = reverse("cycle:geschillen", args=[w.kader.slug])
    data = {"geschil-onderwerp": "Huurverhoging", "geschil-omschrijving": "Geen overeenstemming."}
    return Attempt([_post(url, data)], lambda: Geschil.objects.filter(afsprakenset=w.kader).exists())


def attempt_vote(w) -> Attempt:
    geschil = cycle.report_dispute(w.people["ahwoon"], w.kader, onderwerp="Huur", omschrijving="Oneens.")
    cycle.appoint_moderator(
        w.people["secretaris"], geschil, moderator="M. Oderator", deadline=date.today() + timedelta(days=1)
    )
    stemming = cycle.open_vote(w.people["secretaris"], geschil, ["ja", "nee"], today=date.today() + timedelta(days=2))
    url = reverse("cycle:geschil", args=[w.kader.slug, geschil.pk])
    optie = stemming.opties.first()
    return Attempt(
        [_post(url, {"form": "stem", "stem-optie": optie.pk})],
        lambda: Stem.objects.filter(stemming=stemming).exists(),
    )


def attempt_view_figures(w) -> Attempt:
    return Attempt([_get(reverse("figures:overzicht", args=[w.kader.gemeente_id]))])


def attempt_upload_figures(w) -> Attempt:
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("figures:aanleveren", args=[w.kader.gemeente_id])

    def request(c):
        upload = SimpleUploadedFile("voorraad.csv", b"aantal\n1544\n", content_type="text/csv")
        data = {"aanlevering-soort": "voorraad", "aanlevering-peildatum": "2026-12-31", "aanlevering-bestand": upload}
        return c.post(url, data)

    return Attempt([request], lambda: Aanlevering.objects.filter(bestandsnaam="voorraad.csv").exists())


def attempt_manage_api_keys(w) -> Attempt:
    return Attempt(
        [_post(reverse("api_tokens"), {"form": "nieuw", "naam": "Tabelsysteem"})],
        lambda: ApiToken.objects.filter(naam="Tabelsysteem").exists(),
    )


def attempt_import_document(w) -> Attempt:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from driehoek.importer.models import Brondocument
    from driehoek.importer.tests.helpers import text

    def request(c):
        return c.post(reverse("importer:lijst"), {"bestand": SimpleUploadedFile("zilverveen.txt", text("zilverveen"))})

    return Attempt([request], lambda: Brondocument.objects.filter(bestandsnaam="zilverveen.txt").exists())


def attempt_review_import(w) -> Attempt:
    from driehoek.importer import services as importer
    from driehoek.importer.tests.helpers import text

    document = importer.upload(w.people["secretaris"], "kranenmeer.txt", text("kranenmeer"))
    return Attempt([_get(reverse("importer:document", args=[document.pk]))])


def attempt_change_history(w) -> Attempt:
    afspraak = w.afspraak
    record = afspraak.history.earliest("history_date")
    before = (afspraak.history.count(), afspraak.titel)
    url = reverse("admin:register_afspraak_simple_history", args=[afspraak.pk, record.history_id])
    data = {"titel": "Herschreven geschiedenis", "tekst": afspraak.tekst, "_change_history": "1"}

    def untouched():
        afspraak.refresh_from_db()
        return (afspraak.history.count(), afspraak.titel) == before

    return Attempt([_post(url, data)], lambda: not untouched(), admin=True)


def _programme(w):
    from driehoek.jaarprogramma import services as programmes

    return programmes.start(w.people["secretaris"], w.kader, 2027, reacties_uiterlijk=date.today() + timedelta(days=10))


def attempt_start_programme(w) -> Attempt:
    from driehoek.jaarprogramma.models import Jaarprogramma

    url = reverse("jaarprogramma:index", args=[w.kader.slug])
    data = {"start-jaar": 2027, "start-reacties_uiterlijk": (date.today() + timedelta(days=10)).isoformat()}
    return Attempt([_post(url, data)], lambda: Jaarprogramma.objects.filter(afsprakenset=w.kader).exists())


def attempt_propose(w) -> Attempt:
    from driehoek.jaarprogramma.models import Voorstel

    programma = _programme(w)
    url = reverse("jaarprogramma:onderdeel", args=[w.kader.slug, 2027, "19"])
    data = {"form": "schrappen", "schrappen-toelichting": "Het convenant is er al."}
    return Attempt([_post(url, data)], lambda: Voorstel.objects.filter(programma=programma, door=w.user).exists())


def attempt_react_proposal(w) -> Attempt:
    from driehoek.jaarprogramma import services as programmes
    from driehoek.jaarprogramma.models import Reactie as VoorstelReactie

    programma = _programme(w)
    onderdeel = programma.onderdelen.get(nummer="19")
    v = programmes.propose(w.people["woonborg"], programma, "schrappen", onderdeel=onderdeel, toelichting="Klaar.")
    url = reverse("jaarprogramma:voorstel", args=[w.kader.slug, 2027, v.pk])
    return Attempt(
        [_post(url, {"form": "reactie", "reactie-soort": "akkoord", "reactie-revisie": 1})],
        lambda: VoorstelReactie.objects.filter(voorstel=v, door=w.user).exists(),
        facts={"voorstel": v},
    )


def attempt_comment_programme(w) -> Attempt:
    from driehoek.jaarprogramma.models import Opmerking

    programma = _programme(w)
    url = reverse("jaarprogramma:concept", args=[w.kader.slug, 2027])
    data = {"form": "opmerking", "opmerking-tekst": "Graag in het AO."}
    return Attempt([_post(url, data)], lambda: Opmerking.objects.filter(programma=programma).exists())


def attempt_adopt_programme(w) -> Attempt:
    from driehoek.jaarprogramma.models import Jaarprogramma

    programma = _programme(w)
    url = reverse("jaarprogramma:concept", args=[w.kader.slug, 2027])
    data = {
        "form": "vaststellen",
        "vaststellen-datum": "2026-12-10",
        "vaststellen-orgaan": "BO",
        "vaststellen-versie": programma.versie,
    }
    return Attempt(
        [_post(url, data)],
        lambda: Jaarprogramma.objects.get(pk=programma.pk).status == Jaarprogramma.Status.VASTGESTELD,
    )


ATTEMPTS = {name.removeprefix("attempt_"): f for name, f in globals().items() if name.startswith("attempt_")}
ATTEMPTS.update(bod_attempts.ATTEMPTS)


@dataclass
class World:
    kader: object
    afspraak: Afspraak
    people: dict
    user: User | None = None
    auth: dict = field(default_factory=dict)


def test_every_rule_has_an_attempt():
    assert {rule.action for rule in table.RULES} == set(ATTEMPTS)


@pytest.mark.parametrize(("rule", "kind"), table.cells(), ids=[f"{r.action}-{k.key}" for r, k in table.cells()])
def test_cell(rule, kind, kader, people, user_factory, client):
    other = Partij.objects.create(naam="Gemeente Zuiderstrand", korte_naam="Zuiderstrand", soort="gemeente")
    user = make_user(kind, other, user_factory)
    world = World(kader, kader.afspraken.get(nummer="1"), people, user)
    if user is not None:
        world.auth = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'tabel')[1]}"}
        client.force_login(user)
    attempt = ATTEMPTS[rule.action](world)
    allowed = bool(holds(rule.cell(kind), user if kind.active else None, attempt.facts))
    for request in attempt.requests:
        response = request(client)
        status, location = response.status_code, response.headers.get("Location", "")
        if allowed:
            assert status < 400, (status, location)
            assert not location.startswith(LOGIN_PATHS), location
        elif attempt.api:
            assert status in (401, 403, 404), status
        elif status in (301, 302):
            # Only the log-in page (not logged in, inactive, or the admin for non-staff) or the admin's
            # own "does not exist" redirect to its index count as a refusal.
            assert location.startswith(LOGIN_PATHS) or (attempt.admin and location == reverse("admin:index")), location
        else:
            assert status in (403, 404), status
    if attempt.happened is not None:
        assert attempt.happened() is allowed


def test_the_table_has_the_cells_the_issue_asks_for():
    kinds = {k.key for k in table.KINDS}
    for rol in ("lezer", "invuller", "secretaris", "bestuurder"):
        for partij in ("gemeente", "corporatie", "huurdersorganisatie"):
            assert f"{rol}-{partij}" in kinds
    assert {"beheerder", "buiten", "andere-gemeente", "anoniem", "inactief"} <= kinds
    assert len(table.cells()) >= 300


def test_the_docs_show_the_table(settings):
    doc = (settings.BASE_DIR / "docs" / "authorization.md").read_text(encoding="utf-8")
    start = doc.index(table.BEGIN) + len(table.BEGIN) + 1
    assert doc[start : doc.index(table.END)] == table.markdown_table(), "run manage.py permissions_table"
