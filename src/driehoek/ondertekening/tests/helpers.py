"""A small jaarprogramma under the Aa en Hunze Kaderafspraken, with all six parties, and one
bestuurder per party who signs: what the signing tests and the browser journey start from."""

from datetime import date

from driehoek.accounts.models import Partij, User
from driehoek.register.models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Indicator,
    Thema,
    Verantwoordelijke,
)

PASSWORD = "een-lang-wachtwoord-2026"
# Who signs for which party (fictional people; username, party, name, function, place).
SIGNERS = [
    ("wethouder", "Gemeente Aa en Hunze", "A. de Wethouder", "wethouder wonen", "Gieten"),
    ("dir-woonborg", "Woonborg", "B. Bestuurder", "directeur-bestuurder", "Vries"),
    ("dir-volmacht", "Woningstichting De Volmacht", "C. Bestuurder", "directeur-bestuurder", "Winschoten"),
    ("dir-woonzorg", "Woonzorg Nederland", "D. Bestuurder", "bestuurder", "Amstelveen"),
    ("vz-ahwoon", "Algemene Huurdersvereniging WOON", "E. Voorzitter", "voorzitter", "Gieten"),
    ("vz-deelmacht", "Huurdersvereniging De Deelmacht", "F. Voorzitter", "voorzitter", "Gieten"),
]
ORGAAN = {"gemeente": "college", "corporatie": "raad_van_commissarissen", "huurdersorganisatie": "ledenvergadering"}


def make_jaarprogramma(kader: Afsprakenset, jaar: int = 2027, numbers=("1", "5", "7", "11")) -> Afsprakenset:
    """Jaarprogramma `jaar` with the given agreements of the framework, their texts, parties and
    indicators (for that year), in status concept."""
    s = Afsprakenset.objects.create(
        gemeente=kader.gemeente,
        slug=f"aa-en-hunze-jaarprogramma-{jaar}",
        soort=Afsprakenset.Soort.JAARPROGRAMMA,
        titel=f"Jaarprogramma {jaar}",
        eerste_jaar=jaar,
        laatste_jaar=jaar,
        bovenliggende_set=kader,
    )
    for d in kader.deelnames.all():
        Deelname.objects.create(afsprakenset=s, partij=d.partij, volgorde=d.volgorde)
    themes = {}
    for order, a in enumerate(kader.afspraken.filter(nummer__in=numbers).select_related("thema")):
        t = a.thema
        if t.pk not in themes:
            themes[t.pk] = Thema.objects.create(afsprakenset=s, nummer=t.nummer, titel=t.titel, volgorde=t.volgorde)
        copy = Afspraak.objects.create(
            afsprakenset=s,
            thema=themes[t.pk],
            nummer=a.nummer,
            titel=a.titel,
            tekst=a.tekst,
            soort=a.soort,
            sectie=a.sectie,
            volgorde=order,
        )
        for v in a.verantwoordelijkheden.all():
            Verantwoordelijke.objects.create(afspraak=copy, partij=v.partij, volgorde=v.volgorde)
        for i in a.indicatoren.all():
            ind = Indicator.objects.create(
                afspraak=copy,
                omschrijving=i.omschrijving,
                soort=i.soort,
                jaar_van=jaar,
                jaar_tot=jaar,
                actiehouders_label=i.actiehouders_label,
                volgorde=i.volgorde,
            )
            for h in i.actiehouderschappen.all():
                Actiehouder.objects.create(indicator=ind, partij=h.partij, volgorde=h.volgorde)
    return s


def make_signers(user_factory=None) -> dict[str, User]:
    """One bestuurder per party, with a password (for the browser)."""
    made = {}
    for username, party, name, _function, _place in SIGNERS:
        first, last = name.split(" ", 1)
        partij = Partij.objects.get(naam=party)
        if user_factory is not None:
            made[username] = user_factory(
                username=username, partij=partij, rol=User.Rol.BESTUURDER, first_name=first, last_name=last
            )
        else:
            made[username] = User.objects.create_user(
                username, password=PASSWORD, partij=partij, rol=User.Rol.BESTUURDER, first_name=first, last_name=last
            )
    return made


def decision_pdf(title: str = "Besluit") -> bytes:
    """A small real PDF, as a decision document."""
    from weasyprint import HTML

    return HTML(string=f"<h1>{title}</h1><p>Het bestuur stemt in met de afspraken.</p>").write_pdf()


def signing_data(username: str, day: date) -> dict:
    _u, _p, name, function, place = next(s for s in SIGNERS if s[0] == username)
    return {"naam": name, "functie": function, "datum": day, "plaats": place}
