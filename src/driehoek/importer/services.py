"""Reading in a document, editing its draft and accepting it: each change in one transaction with
its history row. Acceptance builds the set with the register's own open-data import, so an imported
document becomes exactly what an imported data file would, with status concept."""

from django.db import DataError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from driehoek.accounts import policy
from driehoek.accounts.models import Partij
from driehoek.core import audit
from driehoek.register import opendata
from driehoek.register.models import Afsprakenset

from . import bewerken, proposal
from .models import Brondocument

OPERATIONS = {
    "edit_set",
    "edit_agreement",
    "merge",
    "split",
    "renumber",
    "remove_target",
    "edit_theme",
    "edit_indicators",
    "edit_party",
    "remove_party",
    "add_party",
}


class AanvaardFout(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def upload(user, filename: str, content: bytes, *, municipality: str | None = None) -> Brondocument:
    """Read a document and keep it with its proposal; raises extract.DocumentError with a clear message."""
    audit.require(user, policy.IMPORT_DOCUMENT, None)
    result = proposal.propose(filename, content, municipality=municipality)
    return _store(user, filename, content, result)


@transaction.atomic
def _store(user, filename: str, content: bytes, result: proposal.Proposal) -> Brondocument:
    document = Brondocument(
        bestandsnaam=filename[:250],
        inhoud=content,
        paginas=result.pages,
        brontekst="\n".join(line if line != "\f" else "" for line in result.source_lines),
        voorstel=result.data,
        meldingen=result.notes,
        geupload_door=user,
    )
    audit.save(document, user, "ingelezen")
    return document


@transaction.atomic
def edit(user, document: Brondocument, operation: str, **arguments) -> Brondocument:
    """Apply one of bewerken's operations to the draft; nothing changes when it refuses."""
    audit.require(user, policy.IMPORT_DOCUMENT, document)
    if document.status != Brondocument.Status.IN_BEOORDELING:
        raise bewerken.BewerkingFout(_("Dit document is al aanvaard; wijzig de set in het register."))
    if operation not in OPERATIONS:
        raise bewerken.BewerkingFout(_("Onbekende bewerking."))
    document = Brondocument.objects.select_for_update().get(pk=document.pk)
    getattr(bewerken, operation)(document.set, **arguments)
    audit.save(document, user, operation)
    return document


@transaction.atomic
def accept(user, document: Brondocument) -> Afsprakenset:
    """Put the reviewed draft in the register as a set with status concept, linked to its document."""
    audit.require(user, policy.IMPORT_DOCUMENT, document)
    document = Brondocument.objects.select_for_update().get(pk=document.pk)
    if document.status != Brondocument.Status.IN_BEOORDELING:
        raise AanvaardFout([_("Dit document is al aanvaard.")])
    data = {**document.voorstel, "sets": [dict(document.set)]}
    s = data["sets"][0]
    s["status"] = Afsprakenset.Status.CONCEPT
    # A party that exists is that party: an import names it, it does not redefine it.
    for party in s["parties"]:
        existing = Partij.objects.filter(naam=party["name"]).first()
        if existing is not None:
            party.update(short_name=existing.korte_naam, kind=existing.soort)
    s["slug"] = _free_slug(s["slug"] or slugify(s["title"]))
    if not policy.is_beheerder(user):
        _own_municipality(user, s["municipality"])
    # A second set under the same name in one municipality says which it is, as its address does.
    _base, *copy = s["slug"].rsplit("-concept-", 1)
    if copy and copy[0].isdigit():
        s["title"] = f"{s['title']} (concept {copy[0]})"[:250]
    elif Afsprakenset.objects.filter(gemeente__naam=s["municipality"], titel=s["title"]).exists():
        s["title"] = f"{s['title']} (concept)"[:250]
    if not policy.is_beheerder(user) and user.partij.naam not in {p["name"] for p in s["parties"]}:
        raise AanvaardFout(
            [
                _(
                    "Uw partij (%(p)s) staat niet bij de partijen van het concept; u zou de set daarna niet "
                    "zien. Geef de gemeente in het concept de naam van uw partij."
                )
                % {"p": user.partij.naam}
            ]
        )
    try:
        opendata.import_sets(data)
    except opendata.RegisterFormatError as e:
        raise AanvaardFout(e.problems) from e
    except DataError as e:
        # The register's own import rolled back to its savepoint: nothing of the set was stored.
        raise AanvaardFout([_("Een tekst in het concept is te lang voor het register (%(e)s).") % {"e": e}]) from e
    afsprakenset = Afsprakenset.objects.get(slug=s["slug"])
    document.voorstel = data
    document.status = Brondocument.Status.AANVAARD
    document.afsprakenset = afsprakenset
    audit.save(document, user, "aanvaard")
    return afsprakenset


def _own_municipality(user, municipality: str) -> None:
    """A secretary makes sets in their own municipality only; the administrator links parties to
    municipalities and makes new ones (docs/authorization.md)."""
    own = sorted(user.partij.gemeenten.values_list("naam", flat=True))
    if municipality not in own:
        raise AanvaardFout(
            [
                _(
                    "Het concept hoort bij gemeente %(g)s. U maakt alleen sets voor uw eigen gemeente (%(own)s); "
                    "pas de gemeente in het concept aan, of vraag de beheerder."
                )
                % {"g": municipality, "own": ", ".join(own) or _("nog geen: de beheerder koppelt uw partij")}
            ]
        )


def _free_slug(slug: str) -> str:
    """Never replace a set that exists: an import of a document already in the register is a new draft."""
    base, n = slug[:100], 1
    while Afsprakenset.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-concept-{n}"
    return slug
