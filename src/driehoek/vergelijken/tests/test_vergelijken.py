"""Similar agreements and national search, within what the user may see: another municipality's
agreement shows once its set is published, with its lights of published years only; an unpublished
set never shows, by any road (agreement page, search page, commands answer as the system)."""

import io
import json

import pytest

from django.core.management import call_command
from django.urls import reverse

from driehoek.accounts.models import Partij
from driehoek.monitoring.models import Beoordeling, Status
from driehoek.register.models import Afspraak, Afsprakenset, Deelname, Gemeente, Thema
from driehoek.reports.models import Publicatie
from driehoek.vergelijken import queries, services
from driehoek.vergelijken.models import Zoekindex

pytestmark = pytest.mark.django_db

KADER = "aa-en-hunze-kaderafspraken-2026-2031"
HIDDEN = "Zwanenzanggeheim"
DOORSTROMING = (
    "De corporaties bevorderen de doorstroming van senioren: wie een eengezinswoning achterlaat voor een "
    "kleinere woning krijgt een verhuisvergoeding en voorrang. In 2027 stromen ten minste 20 senioren door."
)


def _set(slug, gemeente, tekst, *, published_years=(), lights=()):
    s = Afsprakenset.objects.create(
        gemeente=gemeente, slug=slug, soort="prestatieafspraken", titel=f"Afspraken {slug}",
        eerste_jaar=2025, laatste_jaar=2027,
    )  # fmt: skip
    partij = Partij.objects.create(naam=f"Gemeente {slug}", korte_naam=slug, soort="gemeente")
    Deelname.objects.create(afsprakenset=s, partij=partij, volgorde=1)
    thema = Thema.objects.create(afsprakenset=s, nummer="1", titel="Beschikbaarheid")
    afspraak = Afspraak.objects.create(afsprakenset=s, thema=thema, nummer="1", tekst=tekst, soort="gezamenlijk")
    for jaar, kleur in lights:
        Beoordeling.objects.create(afspraak=afspraak, jaar=jaar, kleur=kleur, status=Status.VASTGESTELD)
    for jaar in published_years:
        Publicatie.objects.create(afsprakenset=s, jaar=jaar)
    return afspraak


@pytest.fixture
def storage(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}}}  # fmt: skip


@pytest.fixture
def elsewhere(storage):
    noord = Gemeente.objects.create(naam="Noorderveld", provincie="Groningen")
    zuid = Gemeente.objects.create(naam=f"Zuiderstrand {HIDDEN}", provincie="Zeeland")
    published = _set(
        "noorderveld-2025", noord, DOORSTROMING, published_years=[2025, 2026],
        lights=[(2025, "groen"), (2026, "groen"), (2027, "rood")],
    )  # fmt: skip
    hidden = _set("zuiderstrand-2025", zuid, f"{DOORSTROMING} {HIDDEN}")
    services.build_index()
    return {"published": published, "hidden": hidden}


def test_similar_shows_published_sets_elsewhere_and_own_earlier_sets_never_unpublished(people, elsewhere):
    kader_4 = Afspraak.objects.get(afsprakenset__slug=KADER, nummer="4")  # doorstroming
    results = queries.similar(people["ahwoon"], kader_4)
    found = [r.afspraak for r in results]
    assert found[0] == elsewhere["published"]
    assert elsewhere["hidden"] not in found
    assert {a.afsprakenset.slug for a in found} <= {"noorderveld-2025", "aa-en-hunze-prestatieafspraken-2022"}
    first = results[0]
    # Lights of published years only (2027 is not published), and so a good example, shown first.
    assert first.lichten == [(2025, "groen", ""), (2026, "groen", "")]
    assert first.goed_voorbeeld and not first.eigen
    assert first.url == reverse("reports:openbaar", args=["noorderveld-2025", 2026]) + f"#t-{first.afspraak.thema_id}"
    own = [r for r in results if r.eigen]
    assert own and all(r.url.startswith("/sets/aa-en-hunze-prestatieafspraken-2022/") for r in own)


def test_the_agreement_page_loads_the_list_and_never_the_hidden_set(client, people, elsewhere):
    client.force_login(people["ahwoon"])
    page = client.get(reverse("register:afspraak", args=[KADER, "4"])).content.decode()
    url = reverse("vergelijken:vergelijkbaar", args=[KADER, "4"])
    assert f'hx-get="{url}"' in page and "Hoe concreet is deze afspraak?" in page
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Noorderveld" in partial and "goed voorbeeld" in partial and HIDDEN not in partial
    full = client.get(url).content.decode()
    assert full.count("<h1") == 1 and "Noorderveld" in full and HIDDEN not in full


def test_another_municipalitys_agreement_page_is_not_found(client, people, elsewhere):
    client.force_login(people["ahwoon"])
    assert client.get(reverse("vergelijken:vergelijkbaar", args=["zuiderstrand-2025", "1"])).status_code == 404
    assert client.get(reverse("vergelijken:vergelijkbaar", args=["noorderveld-2025", "1"])).status_code == 404


def test_national_search_finds_published_agreements_by_any_word_and_filters(client, people, elsewhere):
    client.force_login(people["secretaris"])
    response = client.get(reverse("vergelijken:zoeken"), {"q": "doorstroming senioren"})
    html = response.content.decode()
    assert "Noorderveld" in html and HIDDEN not in html
    assert elsewhere["published"] in [r.afspraak for r in response.context["results"]]
    groen = client.get(reverse("vergelijken:zoeken"), {"q": "doorstroming senioren", "kleur": "groen", "jaar": 2026})
    assert [r.afspraak for r in groen.context["results"]] == [elsewhere["published"]]
    # 2027's red is not published: filtering on it must not reveal it.
    rood = client.get(reverse("vergelijken:zoeken"), {"q": "doorstroming", "kleur": "rood", "jaar": 2027})
    assert rood.context["results"] == []
    elders = client.get(reverse("vergelijken:zoeken"), {"q": "doorstroming", "provincie": "Zeeland"})
    assert elders.context["results"] == []


def test_too_many_words_get_a_message_and_no_search(client, people, elsewhere):
    client.force_login(people["ahwoon"])
    response = client.get(reverse("vergelijken:zoeken"), {"q": " ".join(["e"] * 40)})
    assert response.status_code == 200
    assert "hoogstens 30 woorden" in response.content.decode() and response.context["results"] == []


def test_search_needs_a_login(client):
    response = client.get(reverse("vergelijken:zoeken"), {"q": "doorstroming"})
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_commands_answer_as_the_system_in_json(elsewhere):
    out = io.StringIO()
    call_command(
        "search_agreements", "doorstroming senioren verhuisvergoeding", "--limit", "3", "--format", "json", stdout=out
    )
    rows = json.loads(out.getvalue())
    assert len(rows) == 3 and {"set", "number", "municipality", "score"} <= set(rows[0])
    assert {r["set"] for r in rows} >= {"noorderveld-2025", "zuiderstrand-2025"}  # the system sees every set
    out = io.StringIO()
    call_command("similar_agreements", KADER, "4", "--other-municipalities-only", "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())
    assert rows and all(r["municipality"] != "Aa en Hunze" for r in rows)


def test_a_change_queues_one_rebuild_after_commit_and_the_rebuild_then_has_no_work(
    django_capture_on_commit_callbacks, storage
):
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for afspraak in Afspraak.objects.filter(afsprakenset__slug=KADER)[:5]:
            afspraak.save()
    assert len(callbacks) == 1
    assert (
        DBTaskResult.objects.filter(task_path="driehoek.vergelijken.tasks.rebuild_index", status="READY").count() == 1
    )
    assert services.is_stale()
    from driehoek.vergelijken.tasks import rebuild_index

    assert rebuild_index.call() == Afspraak.objects.count()
    assert not services.is_stale() and rebuild_index.call() == 0
    assert Zoekindex.objects.count() <= services.KEEP


def test_a_weak_draft_gets_its_missing_sentences_and_a_stronger_example(client, people, elsewhere):
    client.force_login(people["ahwoon"])
    response = client.post(
        reverse("vergelijken:toets"), {"tekst": "We gaan in gesprek over de doorstroming van senioren."}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 van 5" in html and "Noem een aantal, percentage of op te leveren resultaat." in html
    assert "Een concreter voorbeeld elders" in html and "Noorderveld" in html and HIDDEN not in html
    assert client.post(reverse("vergelijken:toets"), {"tekst": "x" * 5001}).status_code == 400
    assert client.get(reverse("vergelijken:toets")).status_code == 405


def test_the_national_overview_shows_the_share_of_concrete_agreements(client, people, storage):
    services.build_index()
    client.force_login(people["secretaris"])
    response = client.get(reverse("reports:landelijk"))
    row = next(r for r in response.context["rows"] if r.gemeente.naam == "Aa en Hunze")
    assert row.scored == 104 and 0 < row.concrete < row.scored
    assert f"{row.concrete} van 104 ({row.concrete_share}%)" in response.content.decode()


def test_the_text_is_read_from_the_form_it_is_loaded_in(client, people, elsewhere):
    client.force_login(people["secretaris"])
    weak = "We gaan in gesprek over de doorstroming van senioren."
    for field in ("tekst", "nieuw-tekst", "text", "a4-text"):
        html = client.post(reverse("vergelijken:toets"), {field: weak, "csrfmiddlewaretoken": "x"}).content.decode()
        assert "0 van 5" in html, field
