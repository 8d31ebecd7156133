"""Every edit form, opened with stored data in Debian's chromium and submitted unchanged, stores
nothing new. The pages are found by walking the URL patterns; a pattern that is not a page with
forms must be named below, with the reason, so a new page cannot slip past.

An edit form is a form (method post) that shows stored values: a filled-in text, date or number
field, a text area with text, or a checked box or radio. A form that only offers a choice with
its first option selected (plan a year) or only buttons (send for checking) is an action, not
an edit, and is not submitted here."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from driehoek.core.tests.browser import PASSWORD, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"

# Forms that show a default choice, not stored data, and whose submission is the action itself.
ACTIONS = {
    "Rapport maken": "asks for a new report; the PDF format is preselected",
    "Afspraken opnieuw nummeren": "renumbers the draft's agreements; the start number is preselected",
    "Vaststellen": "adopts the assessment; today's date is preselected (its format is checked all the same)",
}
# URL names that are not pages with forms a person edits, and why.
NOT_EDIT_PAGES = {
    "login": "the log-in form (tested in accounts)",
    "logout": "a button",
    "password_reset": "no stored data",
    "password_reset_done": "no form",
    "password_reset_confirm": "needs a mailed token; no stored data",
    "password_reset_complete": "no form",
    "tweestaps_instellen": "a new secret each time; tested in accounts",
    "tweestaps_controle": "a code, nothing stored to show",
    "tweestaps_reservecodes": "shows new codes",
    "set_language": "the language switch",
    "cycle:overleg_ics": "a calendar file",
    "cycle:feed": "a calendar feed",
    "cycle:planitem_done": "a post-only action",
    "monitoring:bijlage": "a download",
    "monitoring:waarde": "a post-only target of the beoordeling page's value forms",
    "figures:sjabloon": "a download",
    "importer:bestand": "a download",
    "importer:aanvaarden": "a post-only action",
    "importer:bewerken": "a post-only target of the document page's forms",
    "reports:rapport_download": "a download",
    "reports:monitoringstabel": "a download (PDF, XLSX, CSV)",
    "reports:publiceren": "a post-only action",
    "gezond": "a health check",
    "api_root": "a redirect to the API's description",
    "gebruikers_geschiedenis": "a list without forms",
    "bod:bijlage": "a download",
    "ondertekening:besluit": "a download",
    "ondertekening:pakket": "a download",
    "reports:periode_bestand": "a download (PDF, XLSX)",
    "vergelijken:toets": "a post-only check loaded in place beside a text being written",
    "monitoring:waarden": "the post-only (htmx) target of the beoordeling page's values form, tested there",
    "monitoring:delegeren": "the post-only target of the beoordeling page's delegation forms, submitted there",
}
# Django's own and third-party routes, not pages of ours.
FOREIGN = ("admin:", "api-v1:", "oidc", "sso", "js_catalog")  # the API has no forms


def _named_patterns(resolver=None, namespace="") -> list[str]:
    resolver = resolver or get_resolver()
    names = []
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            names += _named_patterns(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            names.append(namespace + p.name)
    return names


def _stored(kader, people):
    """Stored data on every page that has an edit form: a meeting with its date, place and
    attendees, minutes, a voorzet, a dispute with its moderator, a document read in."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from driehoek.cycle import services as cycle
    from driehoek.cycle.models import Overlegsoort
    from driehoek.importer import services as importer
    from driehoek.importer.tests.helpers import text
    from driehoek.monitoring import services as monitoring
    from driehoek.monitoring.models import Beoordeling
    from driehoek.monitoring.roles import responders, voorzet_holders

    sec = people["secretaris"]
    monitoring.start_year(sec, kader, 2026)
    cycle.generate_year(sec, kader, 2026)
    meeting = cycle.plan_meeting(
        sec,
        kader,
        soort=Overlegsoort.BO,
        titel="Bestuurlijk overleg",
        datum=datetime(2026, 11, 30, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),
        plaats="Gemeentehuis Gieten",
    )
    cycle.update_meeting(
        sec,
        meeting,
        datum=meeting.datum,
        plaats=meeting.plaats,
        genodigden=meeting.genodigden.all(),
        aanwezigen="Gemeente: wethouder\nWoonborg: directeur",
    )
    cycle.write_minutes(sec, meeting, "1. Opening.\n2. Evaluatie besproken.")
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="2", jaar=2026)
    lead = voorzet_holders(b.afspraak)[0]
    holder = next(u for u in people.values() if u.partij_id == lead.pk and u.rol == "invuller")
    monitoring.make_voorzet(holder, b, kleur="groen", toelichting="Op schema.")
    # The lead let a co-holder fill in the agreement's first indicator: its form shows that choice.
    from driehoek.monitoring import delegatie

    first = b.afspraak.indicatoren.order_by("volgorde")[0]
    delegatie.delegate(holder, first, first.actiehouders_lijst[1], versie=0)
    for party in responders(b):  # consensus: the secretary's page shows the form to adopt it
        who = next(u for u in people.values() if u.partij_id == party.pk and u.rol == "invuller")
        monitoring.respond(who, Beoordeling.objects.get(pk=b.pk), soort="akkoord")
    geschil = cycle.report_dispute(people["ahwoon"], kader, onderwerp="Afspraak 1", omschrijving="Oranje of rood")
    cycle.appoint_moderator(sec, geschil, moderator="Mr. J. de Vries", deadline=date(2027, 1, 15))
    document = importer.upload(sec, "zilverveen.txt", text("zilverveen"))
    # The second half of the year: a submitted bod with a stored table and text, a concept bod, a
    # yearly programme with a proposal.
    from datetime import timedelta

    from driehoek.bod.tests.permission_attempts import concept_bod, submitted_bod
    from driehoek.jaarprogramma import services as programmes

    bod = submitted_bod(people, kader.gemeente)
    concept = concept_bod(people, kader.gemeente, bod.jaar + 1)
    programma = programmes.start(sec, kader, 2027, reacties_uiterlijk=date.today() + timedelta(days=14))
    voorstel = programmes.propose(
        people["woonborg"], programma, "tekst", onderdeel=programma.onderdelen.get(nummer="14"), tekst="Twee per jaar."
    )
    return holder, {
        "bod:index": {},
        "bod:lijst": {"pk": kader.gemeente.pk},
        "bod:detail": {"pk": bod.pk},
        "bod:bewerken": {"pk": concept.pk},
        "jaarprogramma:index": {"slug": kader.slug},
        "jaarprogramma:concept": {"slug": kader.slug, "jaar": 2027},
        "jaarprogramma:onderdeel": {"slug": kader.slug, "jaar": 2027, "nummer": "14"},
        "jaarprogramma:voorstel": {"slug": kader.slug, "jaar": 2027, "pk": voorstel.pk},
        "monitoring:lopend": {"slug": kader.slug, "jaar": 2026},
        "monitoring:reactieronde": {"slug": kader.slug, "jaar": 2026},
        "monitoring:vaststellen": {"slug": kader.slug, "jaar": 2026},
        "ondertekening:set": {"slug": kader.slug},
        "ondertekening:openbaar": None,  # only for a submitted set: covered by the ondertekening tests
        "reports:periode": {"slug": kader.slug},
        "vergelijken:zoeken": {},
        "vergelijken:vergelijkbaar": {"slug": kader.slug, "nummer": "2"},
        "start": {},
        "help": {},
        "help_rol": {"rol": "gemeente"},
        "api_tokens": {},
        "register:set": {"slug": kader.slug},
        "register:geschiedenis": {"slug": kader.slug},
        "register:afspraak": {"slug": kader.slug, "nummer": "2"},
        "monitoring:index": {"slug": kader.slug},
        "monitoring:dashboard": {"slug": kader.slug, "jaar": 2026},
        "monitoring:tabel": {"slug": kader.slug, "jaar": 2026},
        "monitoring:focus": {"slug": kader.slug, "jaar": 2026},
        "monitoring:beoordeling": {"slug": kader.slug, "jaar": 2026, "nummer": "2"},
        "cycle:index": {"slug": kader.slug},
        "cycle:plan": {"slug": kader.slug},
        "cycle:overleg": {"slug": kader.slug, "pk": meeting.pk},
        "cycle:geschillen": {"slug": kader.slug},
        "cycle:geschil": {"slug": kader.slug, "pk": geschil.pk},
        "cycle:open": {"slug": kader.slug},
        "cycle:mijn_agenda": {},
        "figures:overzicht": {"pk": kader.gemeente.pk},
        "figures:aanleveren": {"pk": kader.gemeente.pk},
        "figures:invoeren": {"pk": kader.gemeente.pk, "soort": "plannen"},
        "importer:lijst": {},
        "importer:document": {"pk": document.pk},
        "reports:rapport_aanvragen": {"slug": kader.slug, "jaar": 2026},
        "reports:landelijk": {},
        "reports:landelijk_openbaar": {},
        "reports:openbaar": {"slug": kader.slug, "jaar": 2026},
        "reports:rapport": None,  # only after a report was asked for: covered by the reports tests
    }


def _dump() -> dict[str, list]:
    """Every row of the project's own models, without the history, audit and moments-of-saving
    that a read or a log-in writes."""
    out = {}
    for model in apps.get_models():
        label = model._meta.label
        if not label.startswith(
            (
                "accounts.",
                "register.",
                "monitoring.",
                "cycle.",
                "figures.",
                "reports.",
                "importer.",
                "bod.",
                "jaarprogramma.",
                "ondertekening.",
            )
        ):
            continue
        if model.__name__.startswith("Historical") or label in {"accounts.User", "accounts.Gebeurtenis"}:
            continue
        skip = {
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.DateTimeField) and (f.auto_now or f.auto_now_add)
        }
        rows = serializers.serialize("python", model.objects.order_by("pk"))
        out[label] = [{k: v for k, v in r["fields"].items() if k not in skip} | {"pk": r["pk"]} for r in rows]
    return out


# The fields of a form as the browser will submit them, and whether it shows stored values.
FORMS_JS = """() => [...document.querySelectorAll('form')]
  .map((f, i) => [f, i])
  .filter(([f, i]) => (f.getAttribute('method') || 'get').toLowerCase() === 'post')
  .map(([f, i]) => {
    const shown = [...f.elements].filter(e => e.type !== 'hidden' && !e.disabled);
    const filled = shown.filter(e =>
      ((e.type === 'checkbox' || e.type === 'radio') ? e.checked :
       (e.tagName === 'TEXTAREA' || ['text', 'date', 'datetime-local', 'number', 'email', 'url'].includes(e.type))
         ? e.defaultValue !== '' : false));
    // What the server put in the page, against what the browser accepted: a date in the wrong
    // format is in the page's HTML but not in the field.
    const refused = shown.filter(e => e.getAttribute('value') && e.value === '' && e.type !== 'file').map(e => e.name);
    return {index: i, valid: f.checkValidity(), filled: filled.map(e => e.name), refused,
            button: ((f.querySelector('button[type=submit], button:not([type])') || {}).textContent || '')
              .replace(/\\s+/g, ' ').trim()};
  })"""


def test_every_edit_form_submitted_unchanged_changes_nothing(
    page: Page, live_server, aa_en_hunze_loaded, kader, people
):
    holder, pages = _stored(kader, people)
    names = [n for n in _named_patterns() if not n.startswith(FOREIGN)]
    unknown = sorted(set(names) - set(pages) - set(NOT_EDIT_PAGES))
    assert unknown == [], f"new URL patterns, add them to _stored or NOT_EDIT_PAGES: {unknown}"
    visited, submitted, problems = [], [], []
    for user in (people["secretaris"], holder):
        user.set_password(PASSWORD)
        user.save()
        log_in(page, live_server.url, user.username)
        for name, kwargs in pages.items():
            if kwargs is not None:
                _submit_every_edit_form(
                    page, live_server.url + reverse(name, kwargs=kwargs), visited, submitted, problems
                )
    print(f"edit forms: {len(visited)} page visits, {len(submitted)} edit forms submitted unchanged: {submitted}")
    assert problems == [], "\n".join(problems)
    assert len(visited) >= 50 and len(submitted) >= 4


def _difference(before: list[dict], after: list[dict]) -> list:
    """Where the rows differ, to read in a failure: per field, the text around the first change."""
    if len(before) != len(after):
        return [f"{len(before)} rows became {len(after)}"]
    out = []
    for b, a in zip(before, after, strict=True):
        for k in a:
            old, new = json.dumps(b.get(k), default=str), json.dumps(a.get(k), default=str)
            if old != new:
                at = next(i for i, (x, y) in enumerate(zip(old + "\0", new + "\1", strict=False)) if x != y)
                out.append({k: (old[max(0, at - 80) : at + 80], new[max(0, at - 80) : at + 80])})
    return out


def _submit_every_edit_form(page: Page, url: str, visited: list, submitted: list, problems: list) -> None:
    response = page.goto(url)
    if response.status == 403:
        return
    visited.append(url)
    for form in page.evaluate(FORMS_JS):
        if form["refused"]:
            problems.append(f"{url} form {form['button']!r}: the browser refused {form['refused']}")
        if not form["filled"] or form["button"] in ACTIONS:
            continue
        if not form["valid"]:
            problems.append(f"{url} form {form['button']!r}: the browser will not submit it unchanged")
            continue
        before = _dump()
        page.goto(url)
        with page.expect_navigation():
            page.evaluate("i => document.querySelectorAll('form')[i].requestSubmit()", form["index"])
        after = _dump()
        submitted.append(f"{url} {form['button']}")
        changed = {label: _difference(before[label], after[label]) for label in before if before[label] != after[label]}
        if changed:
            problems.append(f"{url} form {form['button']!r} changed {sorted(changed)}: {str(changed)[:800]}")
        page.goto(url)
