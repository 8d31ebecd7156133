from datetime import date, datetime, timedelta

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from driehoek.accounts.models import Partij
from driehoek.cycle import services
from driehoek.cycle.models import Agendapunt, Besluit, Correctie, Geschil, Overlegsoort, Planitem, Verslag
from driehoek.monitoring import services as monitoring
from driehoek.monitoring.models import Beoordeling, Status
from driehoek.register.models import Afspraak, Afsprakenset

pytestmark = pytest.mark.django_db


def _bo(kader, people, **kwargs):
    defaults = {
        "soort": Overlegsoort.BO,
        "titel": "BO maart 2027",
        "datum": timezone.make_aware(datetime(2027, 3, 20, 14)),
    }
    return services.plan_meeting(people["secretaris"], kader, **{**defaults, **kwargs})


def test_the_2026_2031_cycle_of_the_kaderafspraken(kader, people):
    for year in range(2026, 2032):
        services.generate_year(people["secretaris"], kader, year)
    for year in range(2026, 2032):
        items = list(Planitem.objects.filter(afsprakenset=kader, jaar=year))
        bos = [i for i in items if i.overlegsoort == Overlegsoort.BO]
        assert [b.uiterlijk for b in bos] == [date(year, 3, 31), date(year, 12, 14)]
        assert "Vaststellen evaluatie voorgaande jaar" in bos[0].doel
        assert "Vaststellen jaarprogramma komend jaar" in bos[1].doel
        aos = [i for i in items if i.overlegsoort == Overlegsoort.AO]
        assert len(aos) == 4  # Q1, Q2-Q3, and twice in Q4
        assert sum(1 for a in aos if a.uiterlijk.month >= 10) == 2
        # The other meetings the Kaderafspraken name (chapters 3 and 5), twice or once a year.
        kinds = [i.overlegsoort for i in items]
        assert (kinds.count(Overlegsoort.LOCATIE), kinds.count(Overlegsoort.HUURDERS_ENERGIE)) == (2, 1)
        assert sum("bijpraten huurdersorganisaties" in i.titel for i in items) == 2
        assert sum("warmtetransitie" in i.titel for i in items) == 1
        assert [i.uiterlijk for i in items] == sorted(i.uiterlijk for i in items)
    with pytest.raises(ValidationError, match="al gepland"):
        services.generate_year(people["secretaris"], kader, 2026)
    with pytest.raises(ValidationError, match="buiten de looptijd"):
        services.generate_year(people["secretaris"], kader, 2032)
    with pytest.raises(PermissionDenied):
        services.generate_year(people["woonborg"], kader, 2026)


def test_the_2022_agenda_becomes_planned_items(people):
    set2022 = Afsprakenset.objects.get(slug="aa-en-hunze-prestatieafspraken-2022")
    items = services.generate_year(people["secretaris"], set2022, 2022)
    assert len(items) == 13
    by_title = {i.titel: i for i in items}
    assert by_title["Aanleveren activiteitenoverzicht door corporaties"].uiterlijk == date(2022, 7, 1)
    assert by_title["Aanleveren activiteitenoverzicht door corporaties"].soort == "deadline"
    assert by_title["Indienen prestatieafspraken door corporaties."].uiterlijk == date(2022, 12, 15)
    assert by_title["Tripartiete ondertekening prestatieafspraken 2023"].uiterlijk == date(2022, 12, 14)
    assert by_title["Tripartiet bestuurlijk overleg prestatieafspraken"].overlegsoort == "tripartiet"
    assert all(i.te_laat for i in items)  # 2022 is over and nothing was marked done
    services.mark_planitem(people["secretaris"], items[0])
    items[0].refresh_from_db()
    assert not items[0].te_laat


def test_agenda_is_prefilled(kader, people, year_2026):
    services.generate_year(people["secretaris"], kader, 2027)
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b, kleur="rood", reden="a", toelichting="Geen locatie.")
    ao = services.plan_meeting(people["secretaris"], kader, soort=Overlegsoort.AO, titel="AO", datum=None)
    services.add_action(
        people["secretaris"], ao, omschrijving="Locaties inventariseren", eigenaar=Partij.objects.get(naam="Woonborg")
    )
    planitem = Planitem.objects.get(
        afsprakenset=kader, jaar=2027, overlegsoort=Overlegsoort.BO, uiterlijk=date(2027, 3, 31)
    )
    bo = _bo(kader, people, planitem=planitem)
    kinds = [(p.soort, p.titel) for p in bo.agendapunten.all()]
    assert kinds[0] == (Agendapunt.Soort.DOEL, "Bestuurlijk overleg voor 1 april")
    assert (Agendapunt.Soort.FOCUS, "Focuspunt 2026: afspraak 1 (rood)") in kinds
    assert (Agendapunt.Soort.VAST, "Leefbaarheid") in kinds
    assert any(k == Agendapunt.Soort.ACTIEPUNT and "Locaties inventariseren" in t for k, t in kinds)
    assert bo.genodigden.count() == 6
    assert not any(p.soort == Agendapunt.Soort.VAST for p in ao.agendapunten.all())  # leefbaarheid: BO only


def test_minutes_check_round_and_who_may_do_what(kader, people):
    meeting = _bo(kader, people)
    for who in ("ahwoon", "woonborg", "lezer"):
        with pytest.raises(PermissionDenied):
            services.write_minutes(people[who], meeting, "Verslag")
    verslag = services.write_minutes(people["gemeente"], meeting, "1. Opening\n\n2. Evaluatie 2026 vastgesteld.")
    with pytest.raises(ValidationError, match="niet ter controle"):
        services.propose_correction(people["ahwoon"], verslag, "x")
    verslag = services.send_for_check(people["gemeente"], verslag)
    assert verslag.controle_uiterlijk == timezone.localdate() + timedelta(days=14)
    with pytest.raises(PermissionDenied):
        services.propose_correction(people["gemeente"], verslag, "De gemeente controleert zichzelf niet.")
    correctie = services.propose_correction(people["ahwoon"], verslag, "AH WOON was aanwezig met twee bestuursleden.")
    other = services.propose_correction(people["volmacht"], verslag, "Agendapunt 3 ontbreekt.")
    with pytest.raises(ValidationError, match="Beslis eerst"):
        services.finalize_minutes(people["secretaris"], verslag)
    with pytest.raises(PermissionDenied):
        services.decide_correction(people["gemeente"], correctie, accept=True)  # the secretary decides
    with pytest.raises(ValidationError):
        services.decide_correction(people["secretaris"], other, accept=False)
    services.decide_correction(people["secretaris"], correctie, accept=True)
    services.decide_correction(people["secretaris"], other, accept=False, reden="Stond er niet op.")
    verslag.refresh_from_db()  # the accepted correction is worked in
    verslag = services.write_minutes(
        people["secretaris"], meeting, verslag.tekst + "\n\nAanwezig: twee leden van AH WOON.", verslag.versie
    )
    verslag = services.finalize_minutes(people["secretaris"], verslag)
    assert verslag.status == Verslag.Status.DEFINITIEF
    with pytest.raises(ValidationError, match="definitief"):
        services.write_minutes(people["secretaris"], meeting, "Achteraf anders.")
    assert verslag.history.count() == 5  # draft, sent, correction worked in, edited, final: every version kept
    assert {c.status for c in verslag.correcties.all()} == {Correctie.Status.OVERGENOMEN, Correctie.Status.AFGEWEZEN}


def test_the_check_round_has_a_deadline(kader, people):
    meeting = _bo(kader, people)
    verslag = services.write_minutes(people["gemeente"], meeting, "Verslag")
    verslag = services.send_for_check(people["gemeente"], verslag, uiterlijk=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError, match="termijn"):
        services.propose_correction(people["ahwoon"], verslag, "Te laat")


def test_a_bo_adopts_the_evaluation_and_changes_agreements(kader, people, year_2026):
    b5 = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="5", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b5, kleur="groen")
    for who in ("gemeente", "volmacht", "woonzorg", "ahwoon", "deelmacht"):
        monitoring.respond(people[who], b5, soort="akkoord")
    ao = services.plan_meeting(people["secretaris"], kader, soort=Overlegsoort.AO, titel="AO")
    with pytest.raises(ValidationError, match="Alleen een bestuurlijk overleg"):
        services.record_decision(people["secretaris"], ao, soort=Besluit.Soort.EVALUATIE, tekst="x", jaar=2026)
    bo = _bo(kader, people)
    besluit, not_agreed = services.record_decision(
        people["secretaris"], bo, soort=Besluit.Soort.EVALUATIE, tekst="De evaluatie 2026 is vastgesteld.", jaar=2026
    )
    b5.refresh_from_db()
    assert (b5.status, b5.vastgesteld_bij, b5.vastgesteld_op) == (Status.VASTGESTELD, besluit, date(2027, 3, 20))
    assert len(not_agreed) == 18 and Beoordeling.objects.filter(jaar=2026, status=Status.VASTGESTELD).count() == 1

    afspraak = Afspraak.objects.get(afsprakenset=kader, nummer="14")
    old = afspraak.tekst
    with pytest.raises(ValidationError):
        services.change_agreement_text(people["secretaris"], besluit, afspraak, "Nieuw")  # not a change decision
    wijziging, _ = services.record_decision(
        people["secretaris"], bo, soort=Besluit.Soort.WIJZIGING, tekst="Afspraak 14 gewijzigd."
    )
    services.change_agreement_text(people["secretaris"], wijziging, afspraak, old + " Vanaf 2027 twee rondes per jaar.")
    afspraak.refresh_from_db()
    assert afspraak.tekst.endswith("twee rondes per jaar.")
    last = afspraak.history.first()
    assert last.prev_record.tekst == old and "besluit" in last.history_change_reason
    assert list(wijziging.afspraken.all()) == [afspraak]


def test_dispute_from_no_consensus_to_a_decided_vote(kader, people):
    with pytest.raises(PermissionDenied):
        services.report_dispute(people["lezer"], kader, onderwerp="x", omschrijving="y")
    geschil = services.report_dispute(
        people["ahwoon"], kader, onderwerp="Beoordeling afspraak 1, 2026", omschrijving="Oranje of rood?"
    )
    with pytest.raises(ValidationError, match="termijn wordt vooraf"):
        services.appoint_moderator(
            people["secretaris"], geschil, moderator="Mr. J. de Vries", deadline=timezone.localdate()
        )
    deadline = timezone.localdate() + timedelta(days=30)
    services.appoint_moderator(people["secretaris"], geschil, moderator="Mr. J. de Vries", deadline=deadline)
    services.log_session(
        people["secretaris"], geschil, datum=timezone.localdate(), verslag="Eerste gesprek, nog geen consensus."
    )
    with pytest.raises(ValidationError, match="termijn van de moderator"):
        services.open_vote(people["secretaris"], geschil, ["Oranje", "Rood"])
    after = deadline + timedelta(days=1)
    with pytest.raises(ValidationError, match="twee opties"):
        services.open_vote(people["secretaris"], geschil, ["Oranje", " "], today=after)
    stemming = services.open_vote(people["secretaris"], geschil, ["Oranje (a)", "Rood (a)"], today=after)
    oranje, rood = stemming.opties.all()
    for who, option in [
        ("woonborg", oranje),
        ("volmacht", oranje),
        ("woonzorg", oranje),
        ("ahwoon", rood),
        ("deelmacht", rood),
    ]:
        services.cast_vote(people[who], stemming, option)
    with pytest.raises(ValidationError, match="al gestemd"):
        services.cast_vote(people["ahwoon"], stemming, oranje)
    with pytest.raises(PermissionDenied):
        services.cast_vote(people["lezer"], stemming, rood)
    services.plan_meeting(people["secretaris"], kader, soort="ao", titel="AO")  # where the outcome is recorded
    outcome = services.close_vote(people["secretaris"], stemming)
    geschil.refresh_from_db()
    assert not outcome.tie and geschil.status == Geschil.Status.BESLOTEN
    assert geschil.uitkomst == "Besloten bij stemming: Oranje (a) (Oranje (a): 3, Rood (a): 2)."
    steps = list(geschil.history.order_by("history_date", "history_id").values_list("status", flat=True))
    assert steps == ["gemeld", "moderatie", "stemming", "besloten"]  # every step on the record
    assert geschil.sessies.count() == 1 and stemming.stemmen.count() == 5


def test_a_tie_goes_back_to_the_moderator(kader, people):
    geschil = services.report_dispute(people["woonborg"], kader, onderwerp="Agendapunt", omschrijving="Geen consensus.")
    deadline = timezone.localdate() + timedelta(days=10)
    services.appoint_moderator(people["secretaris"], geschil, moderator="Moderator", deadline=deadline)
    stemming = services.open_vote(people["secretaris"], geschil, ["Ja", "Nee"], today=deadline + timedelta(days=1))
    ja, nee = stemming.opties.all()
    for who, option in [("woonborg", ja), ("ahwoon", nee), ("gemeente", ja), ("deelmacht", nee)]:
        services.cast_vote(people[who], stemming, option)
    assert services.close_vote(people["secretaris"], stemming).tie
    geschil.refresh_from_db()
    assert geschil.status == Geschil.Status.GELIJKSPEL and "Gelijke stemmen (Ja: 2, Nee: 2)" in geschil.uitkomst
    services.appoint_moderator(
        people["secretaris"], geschil, moderator="Moderator", deadline=deadline + timedelta(days=20)
    )
    geschil.refresh_from_db()
    assert geschil.status == Geschil.Status.MODERATIE


def test_setup_commands_plan_the_aa_en_hunze_cycle_once(kader, people):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("plan_cycle", "--set", kader.slug, "--as", "secretaris", stdout=out)
    call_command("plan_cycle", "--set", kader.slug, "--as", "secretaris", stdout=out)
    call_command("start_monitoring", "--set", kader.slug, "--year", "2026", "--as", "secretaris", stdout=out)
    call_command("start_monitoring", "--set", kader.slug, "--year", "2026", "--as", "secretaris", stdout=out)
    assert "6 jaar gepland, 0 al gepland" in out.getvalue() and "0 jaar gepland, 6 al gepland" in out.getvalue()
    assert Planitem.objects.filter(afsprakenset=kader).count() == 6 * 12  # twelve items a year (data/cycli)
    assert kader.monitoringsjaren.count() == 1


def test_changing_an_agreement_through_the_meeting_page(client, kader, people):
    bo = _bo(kader, people)
    wijziging, _ = services.record_decision(
        people["secretaris"], bo, soort=Besluit.Soort.WIJZIGING, tekst="Afspraak 9."
    )
    afspraak = Afspraak.objects.get(afsprakenset=kader, nummer="9")
    url = f"/sets/{kader.slug}/overleggen/{bo.pk}/"
    data = {
        "form": "wijziging",
        "wijziging-besluit": wijziging.pk,
        "wijziging-afspraak": afspraak.pk,
        "wijziging-tekst": "Nieuw.",
        "wijziging-versies": f"{afspraak.pk}:{afspraak.versie}",
    }
    client.force_login(people["woonborg"])
    assert client.post(url, data).status_code == 403
    client.force_login(people["secretaris"])
    assert client.post(url, data).status_code == 302
    afspraak.refresh_from_db()
    assert afspraak.tekst == "Nieuw." and afspraak.history.count() == 2


def test_secretary_sets_date_place_and_invitees(client, kader, people):
    bo = _bo(kader, people)
    url = f"/sets/{kader.slug}/overleggen/{bo.pk}/"
    gemeente = Partij.objects.get(naam="Gemeente Aa en Hunze")
    data = {
        "form": "bewerken",
        "bewerken-datum": "2027-03-25T10:00",
        "bewerken-plaats": "Rolde",
        "bewerken-genodigden": [gemeente.pk],
        "bewerken-aanwezigen": "Gemeente: H. Heijerman",
    }
    client.force_login(people["ahwoon"])
    assert client.post(url, data).status_code == 403
    client.force_login(people["secretaris"])
    assert client.post(url, data).status_code == 302
    bo.refresh_from_db()
    assert (bo.plaats, list(bo.genodigden.all()), bo.datum.day) == ("Rolde", [gemeente], 25)


def test_no_consensus_on_an_assessment_from_its_page(client, kader, people, year_2026):
    b = Beoordeling.objects.get(afspraak__afsprakenset=kader, afspraak__nummer="1", jaar=2026)
    monitoring.make_voorzet(people["woonborg"], b, kleur="groen")
    monitoring.respond(people["ahwoon"], b, soort="niet_akkoord", toelichting="Te rooskleurig.")
    client.force_login(people["ahwoon"])
    page = client.get(f"/sets/{kader.slug}/monitoring/2026/afspraken/1/").content.decode()
    assert f"?beoordeling={b.pk}&amp;onderwerp=Beoordeling%20afspraak%201%2C%202026" in page
    response = client.post(
        f"/sets/{kader.slug}/geschillen/",
        {
            "geschil-beoordeling": b.pk,
            "geschil-onderwerp": "Beoordeling afspraak 1, 2026",
            "geschil-omschrijving": "Oranje.",
        },
    )
    assert response.status_code == 302
    assert Geschil.objects.get().beoordeling == b


def test_a_jaarprogramma_decision_adds_an_agreement(client, kader, people):
    bo = _bo(kader, people)
    overig, _ = services.record_decision(people["secretaris"], bo, soort=Besluit.Soort.OVERIG, tekst="Kennisgenomen.")
    programma, _ = services.record_decision(
        people["secretaris"], bo, soort=Besluit.Soort.JAARPROGRAMMA, tekst="Jaarprogramma 2028."
    )
    thema = kader.themas.get(nummer="6")
    with pytest.raises(ValidationError):
        services.add_agreement(
            people["secretaris"], overig, thema=thema, nummer="20", titel="", tekst="x", soort="gezamenlijk"
        )
    with pytest.raises(ValidationError, match="bestaat al"):
        services.add_agreement(
            people["secretaris"], programma, thema=thema, nummer="14", titel="", tekst="x", soort="gezamenlijk"
        )
    url = f"/sets/{kader.slug}/overleggen/{bo.pk}/"
    data = {
        "form": "nieuw",
        "nieuw-besluit": programma.pk,
        "nieuw-thema": thema.pk,
        "nieuw-nummer": "20",
        "nieuw-titel": "Buurtbudget",
        "nieuw-soort": "gezamenlijk",
        "nieuw-tekst": "De partijen stellen een buurtbudget in.",
    }
    client.force_login(people["ahwoon"])
    assert client.post(url, data).status_code == 403
    client.force_login(people["secretaris"])
    assert client.post(url, data).status_code == 302
    afspraak = Afspraak.objects.get(afsprakenset=kader, nummer="20")
    assert afspraak.thema == thema and list(programma.afspraken.all()) == [afspraak]
    assert "toegevoegd bij besluit" in afspraak.history.first().history_change_reason
