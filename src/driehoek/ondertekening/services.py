"""Every change of signing and submission: one function each, atomic, asking the policy and
writing the history row with the acting user in the same transaction (core/audit.py)."""

import hashlib
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from driehoek.accounts import policy, twofactor
from driehoek.core.audit import require, save
from driehoek.core.downloads import safe_filename
from driehoek.monitoring.forms import attachment_kind
from driehoek.register.models import Afsprakenset, Ondertekenaar

from . import rules
from .models import Goedkeuring, Handtekening, Indiening, Indieningspakket, Ronde

Status = Afsprakenset.Status
DECISION_KINDS = ("pdf", "png", "jpeg")


def _locked(afsprakenset: Afsprakenset) -> Afsprakenset:
    """The set as it is now, locked until the transaction ends: two signatures at once both see
    the other one, so the last of them moves the status."""
    return Afsprakenset.objects.select_for_update().get(pk=afsprakenset.pk)


def _move(user, afsprakenset: Afsprakenset, target: str, reason: str) -> None:
    rules.check_transition(afsprakenset.status, target)
    afsprakenset.status = target
    save(afsprakenset, user, reason)


def _require_status(afsprakenset: Afsprakenset, *allowed: str) -> None:
    if afsprakenset.status not in allowed:
        raise ValidationError(
            _("Dit kan niet bij een set met status ‘%(status)s’.") % {"status": afsprakenset.get_status_display()}
        )


def _parties(afsprakenset: Afsprakenset) -> list[int]:
    return list(afsprakenset.deelnames.values_list("partij_id", flat=True))


def _today(today: date | None) -> date:
    return today or timezone.localdate()


@transaction.atomic
def start_negotiation(user, afsprakenset: Afsprakenset) -> Afsprakenset:
    require(user, policy.MANAGE_SIGNING, afsprakenset)
    s = _locked(afsprakenset)
    _move(user, s, Status.IN_ONDERHANDELING, "onderhandeling gestart")
    return s


@transaction.atomic
def mark_text_final(user, afsprakenset: Afsprakenset, uiterlijk: date, today: date | None = None) -> Ronde:
    """The secretary marks the text final: negotiation ends and the parties approve and sign."""
    require(user, policy.MANAGE_SIGNING, afsprakenset)
    rules.check_deadline(uiterlijk, _today(today))
    s = _locked(afsprakenset)
    _move(user, s, Status.AKKOORD, "tekst definitief")
    ronde = Ronde.objects.filter(afsprakenset=s).first() or Ronde(afsprakenset=s)
    ronde.uiterlijk, ronde.tekst_definitief_op, ronde.tekst_definitief_door = uiterlijk, timezone.now(), user
    save(ronde, user, "tekst definitief")
    return ronde


@transaction.atomic
def reopen_text(user, afsprakenset: Afsprakenset) -> Afsprakenset:
    """Back to negotiation, while no party has approved the final text yet."""
    require(user, policy.MANAGE_SIGNING, afsprakenset)
    s = _locked(afsprakenset)
    if s.goedkeuringen.filter(ingetrokken_op__isnull=True).exists():
        raise ValidationError(_("Er zijn al goedkeuringen; die worden eerst ingetrokken."))
    _move(user, s, Status.IN_ONDERHANDELING, "tekst heropend")
    return s


def check_decision_document(upload) -> str:
    """The decision document by its content (PDF, PNG or JPEG) and size; returns its kind."""
    if upload.size > settings.UPLOAD_MAX_MB["attachment"] * 1024 * 1024:
        raise ValidationError(
            {"besluit": _("Het bestand is groter dan %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_MB["attachment"]}}
        )
    kind = attachment_kind(upload)
    if kind not in DECISION_KINDS:
        raise ValidationError({"besluit": _("Het besluit moet een PDF, PNG of JPEG zijn.")})
    return kind


@transaction.atomic
def approve(user, afsprakenset: Afsprakenset, *, orgaan: str, datum: date, besluit, today: date | None = None):
    """The user's own party records its internal approval of the final text."""
    require(user, policy.APPROVE_FOR_PARTY, afsprakenset)
    s = _locked(afsprakenset)
    _require_status(s, Status.AKKOORD)
    rules.check_orgaan(user.partij.soort, orgaan)
    rules.check_not_future("datum", datum, _today(today))
    kind = check_decision_document(besluit)
    if s.goedkeuringen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).exists():
        raise ValidationError(_("Uw partij heeft al goedgekeurd."))
    name = safe_filename(besluit.name, default=f"besluit.{kind}")
    goedkeuring = Goedkeuring(
        afsprakenset=s,
        partij=user.partij,
        orgaan=orgaan,
        datum=datum,
        besluit_naam=name,
        besluit_soort=kind,
        vastgelegd_door=user,
    )
    goedkeuring.besluit.save(f"{user.partij_id}-{name}", besluit, save=False)
    save(goedkeuring, user, "goedgekeurd")
    return goedkeuring


def _own(user, step, action: str) -> None:
    require(user, action, step.afsprakenset)
    if step.partij_id != user.partij_id:
        raise PermissionDenied(_("U trekt alleen in namens uw eigen partij."))


def _withdraw(user, step, reden: str) -> None:
    if step.ingetrokken:
        raise ValidationError(_("Dit is al ingetrokken."))
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden voor het intrekken.")})
    step.ingetrokken_op, step.ingetrokken_door, step.reden_intrekking = timezone.now(), user, reden.strip()
    save(step, user, f"ingetrokken: {reden.strip()}")


@transaction.atomic
def withdraw_approval(user, goedkeuring: Goedkeuring, reden: str) -> Goedkeuring:
    """Before submission a party may withdraw its approval (its signature first); it stays in history."""
    _own(user, goedkeuring, policy.APPROVE_FOR_PARTY)
    s = _locked(goedkeuring.afsprakenset)
    _require_status(s, Status.AKKOORD, Status.ONDERTEKEND)
    if s.handtekeningen.filter(partij_id=goedkeuring.partij_id, ingetrokken_op__isnull=True).exists():
        raise ValidationError(_("Uw partij heeft al ondertekend; trek eerst de handtekening in."))
    _withdraw(user, goedkeuring, reden)
    return goedkeuring


@transaction.atomic
def sign(user, afsprakenset: Afsprakenset, *, naam, functie, datum, plaats, code: str, today: date | None = None):
    """A signatory confirms for their own party, attested by a current code of their authenticator
    app. The last signature makes the set ondertekend and fills the register's signatories."""
    require(user, policy.SIGN_FOR_PARTY, afsprakenset)
    s = _locked(afsprakenset)
    _require_status(s, Status.AKKOORD)
    rules.check_not_future("datum", datum, _today(today))
    approval = s.goedkeuringen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).first()
    if approval is None:
        raise ValidationError(_("Uw partij heeft de tekst nog niet goedgekeurd; eerst de goedkeuring vastleggen."))
    if datum < approval.datum:
        raise ValidationError({"datum": _("De ondertekening kan niet voor de goedkeuring liggen.")})
    if s.handtekeningen.filter(partij_id=user.partij_id, ingetrokken_op__isnull=True).exists():
        raise ValidationError(_("Voor uw partij is al getekend."))
    device = twofactor.app_device(user)
    if device is None:
        raise ValidationError(_("Ondertekenen vraagt een authenticator-app; stel die eerst in."))
    if not device.verify_token("".join(code.split())):
        raise ValidationError({"code": _("Deze code klopt niet of is al gebruikt. Typ de code die de app nu toont.")})
    handtekening = Handtekening(
        afsprakenset=s,
        partij=user.partij,
        door=user,
        naam=naam,
        functie=functie,
        datum=datum,
        plaats=plaats,
        tweede_factor_geverifieerd=True,
    )
    save(handtekening, user, "ondertekend met tweede factor")
    if _all_signed(s):
        # The signatories first: once the set is ondertekend, the register guard lets nothing of it change.
        _fill_signatories(user, s)
        _move(user, s, Status.ONDERTEKEND, "alle partijen hebben ondertekend")
    return handtekening


def _all_signed(s: Afsprakenset) -> bool:
    return rules.is_signed(
        _parties(s),
        s.goedkeuringen.filter(ingetrokken_op__isnull=True).values_list("partij_id", flat=True),
        s.handtekeningen.filter(ingetrokken_op__isnull=True).values_list("partij_id", flat=True),
    )


def _fill_signatories(user, s: Afsprakenset) -> None:
    """The register's signatories are the signatures: replaced, each change in its history."""
    for old in s.ondertekenaars.all():
        old._history_user = user
        old.delete()
    order = {p: i for i, p in enumerate(_parties(s))}
    for h in s.handtekeningen.filter(ingetrokken_op__isnull=True):
        row = Ondertekenaar(
            afsprakenset=s,
            partij_id=h.partij_id,
            persoon=h.naam,
            functie=h.functie,
            datum=h.datum,
            plaats=h.plaats,
            volgorde=order.get(h.partij_id, 0),
        )
        save(row, user, "ondertekend in Driehoek")


@transaction.atomic
def withdraw_signature(user, handtekening: Handtekening, reden: str) -> Handtekening:
    """Before submission a signatory may withdraw; a signed set goes back to akkoord per partij."""
    _own(user, handtekening, policy.SIGN_FOR_PARTY)
    s = _locked(handtekening.afsprakenset)
    _require_status(s, Status.AKKOORD, Status.ONDERTEKEND)
    _withdraw(user, handtekening, reden)
    if s.status == Status.ONDERTEKEND:
        _move(user, s, Status.AKKOORD, "handtekening ingetrokken")
        _fill_signatories(user, s)
    return handtekening


def last_change(s: Afsprakenset):
    """The moment of the last signature or withdrawal: a package made before it is out of date."""
    signed = s.handtekeningen.aggregate(m=Max("geplaatst_op"), w=Max("ingetrokken_op"))
    withdrawn = s.goedkeuringen.aggregate(w=Max("ingetrokken_op"))["w"]
    moments = [m for m in (signed["m"], signed["w"], withdrawn) if m is not None]
    return max(moments, default=None)


def stored_sha256(pakket: Indieningspakket) -> str:
    with pakket.bestand.open("rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@transaction.atomic
def build_package(user, afsprakenset: Afsprakenset) -> Indieningspakket:
    """Make and store the submission package; its SHA-256 is computed over the stored bytes."""
    from .package import package_pdf

    require(user, policy.MANAGE_SIGNING, afsprakenset)
    s = _locked(afsprakenset)
    _require_status(s, Status.ONDERTEKEND)
    if not Ronde.objects.filter(afsprakenset=s).exists():
        raise ValidationError(_("Deze set is buiten Driehoek ondertekend; hier is geen pakket van te maken."))
    content = package_pdf(s)
    pakket = Indieningspakket(afsprakenset=s, gemaakt_door=user, grootte=len(content))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    pakket.bestand.save(f"indieningspakket-{s.slug}-{stamp}.pdf", ContentFile(content), save=False)
    pakket.sha256 = stored_sha256(pakket)
    save(pakket, user, "indieningspakket gemaakt")
    return pakket


@transaction.atomic
def record_submission(user, afsprakenset: Afsprakenset, *, pakket: Indieningspakket, datum: date, today=None):
    """The secretary records that the package went to the minister and the Autoriteit
    woningcorporaties. From then on nothing is withdrawn, and the signed set is public."""
    require(user, policy.MANAGE_SIGNING, afsprakenset)
    s = _locked(afsprakenset)
    _require_status(s, Status.ONDERTEKEND)
    rules.check_not_future("datum", datum, _today(today))
    if pakket.afsprakenset_id != s.pk or not rules.package_is_current(pakket.gemaakt_op, last_change(s)):
        raise ValidationError(_("Dit pakket hoort niet bij de huidige handtekeningen; maak het pakket opnieuw."))
    last_signature = s.handtekeningen.filter(ingetrokken_op__isnull=True).order_by("datum").last()
    if last_signature and datum < last_signature.datum:
        raise ValidationError({"datum": _("De indiening kan niet voor de laatste ondertekening liggen.")})
    if stored_sha256(pakket) != pakket.sha256:
        raise ValidationError(_("Het opgeslagen pakket is veranderd sinds het werd gemaakt; maak het opnieuw."))
    indiening = Indiening(afsprakenset=s, pakket=pakket, datum=datum, ingediend_door=user)
    save(indiening, user, "ingediend bij de minister en de Autoriteit woningcorporaties")
    _move(user, s, Status.INGEDIEND, "ingediend")
    return indiening
