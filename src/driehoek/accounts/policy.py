"""Who may do what: the one place every view, export and template asks.

The rules in prose and as a table are in docs/authorization.md. Row-level visibility lives in
`Afsprakenset.objects.visible_to(user)`, which `can` uses for everything inside a set.
"""

from typing import Any

VIEW_SET = "view_set"
CHANGE_REGISTER = "change_register"
START_YEAR = "start_year"
ENTER_VALUE = "enter_value"  # obj: Indicator
DELEGATE = "delegate"  # obj: Indicator; its lead party hands the value to a co-holder, or takes it back
MAKE_VOORZET = "make_voorzet"  # obj: Beoordeling
RESPOND = "respond"  # obj: Beoordeling
ADOPT = "adopt"  # obj: Beoordeling
REVISE = "revise"  # obj: Beoordeling
MANAGE_CYCLE = "manage_cycle"  # plan meetings, agendas, decisions, moderator, votes; obj: anything in a set
DRAFT_MINUTES = "draft_minutes"  # obj: Overleg
CORRECT_MINUTES = "correct_minutes"  # obj: Overleg
REPORT_DISPUTE = "report_dispute"  # obj: Afsprakenset
VOTE = "vote"  # obj: Geschil
VIEW_FIGURES = "view_figures"  # obj: Gemeente
UPLOAD_FIGURES = "upload_figures"  # obj: Gemeente; a corporation delivers its own figures
FINISH_ACTION = "finish_action"  # obj: Actiepunt; its owner's working members or the secretary
MANAGE_API_KEYS = "manage_api_keys"  # obj: None; a working member for their own party
MANAGE_USERS = "manage_users"  # obj: None; municipalities, parties and users (admin)
VIEW_USER_HISTORY = "view_user_history"  # obj: None; who changed which user, role or party
EDIT_REFERENCE_DATA = "edit_reference_data"  # obj: None; national rent and income limits per year
USE_ADMIN = "use_admin"  # obj: None; the admin is the administrator's tool alone (docs/adr/0085)
IMPORT_DOCUMENT = "import_document"  # obj: None (upload) or Brondocument (review, accept)
VIEW_BOD = "view_bod"  # obj: Gemeente or Bod; parties of the municipality's sets read its bods
WRITE_BOD = "write_bod"  # obj: Gemeente (start one) or Bod; the corporation's working members, its own bod
REACT_BOD = "react_bod"  # obj: Bod; its corporation's tenant associations and the municipality
ADD_AGENDA_ITEM = "add_agenda_item"  # obj: Overleg; the secretary, and the tenant associations of the set
CHECK_ONGOING = "check_ongoing"  # obj: monitoring.Jaarcheck; the secretary or the parties that carry it
START_PROGRAMME = "start_programme"  # obj: Afsprakenset (a framework); the municipality's secretary
ADOPT_PROGRAMME = "adopt_programme"  # obj: jaarprogramma.Jaarprogramma; the municipality's secretary
PROPOSE = "propose"  # obj: Jaarprogramma (new proposal) or Voorstel (revise, withdraw its own)
REACT_PROPOSAL = "react_proposal"  # obj: Voorstel; every party but the proposer's, for itself
COMMENT_PROGRAMME = "comment_programme"  # obj: Jaarprogramma
APPROVE_FOR_PARTY = "approve_for_party"  # obj: Afsprakenset; their own party's approval (docs/adr/0080)
SIGN_FOR_PARTY = "sign_for_party"  # obj: Afsprakenset; their own party's signature
MANAGE_SIGNING = "manage_signing"  # obj: Afsprakenset; text final, package, submission

ACTIONS = (
    VIEW_SET,
    CHANGE_REGISTER,
    START_YEAR,
    ENTER_VALUE,
    DELEGATE,
    MAKE_VOORZET,
    RESPOND,
    ADOPT,
    REVISE,
    VIEW_FIGURES,
    UPLOAD_FIGURES,
    MANAGE_CYCLE,
    DRAFT_MINUTES,
    CORRECT_MINUTES,
    REPORT_DISPUTE,
    VOTE,
    FINISH_ACTION,
    MANAGE_API_KEYS,
    MANAGE_USERS,
    VIEW_USER_HISTORY,
    EDIT_REFERENCE_DATA,
    USE_ADMIN,
    IMPORT_DOCUMENT,
    VIEW_BOD,
    WRITE_BOD,
    REACT_BOD,
    ADD_AGENDA_ITEM,
    CHECK_ONGOING,
    START_PROGRAMME,
    ADOPT_PROGRAMME,
    PROPOSE,
    REACT_PROPOSAL,
    COMMENT_PROGRAMME,
    APPROVE_FOR_PARTY,
    SIGN_FOR_PARTY,
    MANAGE_SIGNING,
)

# Roles that do the work of the monitoring for their party; lezer only reads.
WORKING_ROLES = {"invuller", "secretaris"}
RESPONDING_ROLES = {"invuller", "secretaris", "bestuurder"}
# Approval is recorded by the party's secretary or bestuurder; only a bestuurder signs.
APPROVING_ROLES = {"secretaris", "bestuurder"}
SIGNING_ROLES = {"bestuurder"}


def is_beheerder(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.rol == user.Rol.BEHEERDER))


def set_of(obj: Any):
    """The agreement set an object belongs to."""
    for path in ("afsprakenset", "afspraak.afsprakenset", "indicator.afspraak.afsprakenset", "overleg.afsprakenset"):
        target = obj
        try:
            for part in path.split("."):
                target = getattr(target, part)
        except AttributeError:
            continue
        return target
    return obj


def _is_municipal_secretary(user, afsprakenset) -> bool:
    return (
        user.rol == user.Rol.SECRETARIS
        and user.partij_id is not None
        and user.partij.soort == user.partij.Soort.GEMEENTE
        and _takes_part(user, afsprakenset)
    )


def _takes_part(user, afsprakenset) -> bool:
    """Whether the user's party takes part in the set. For everyone but the administrator that is
    exactly what `visible_to` asks (register/models.py), so it is the same answer."""
    if not is_beheerder(user):
        return _visible(user, afsprakenset)
    return _answer(
        user, ("member", afsprakenset.pk), lambda: afsprakenset.deelnames.filter(partij_id=user.partij_id).exists()
    )


def _visible(user, afsprakenset) -> bool:
    """Whether `visible_to(user)` holds the set."""
    key = ("visible", type(afsprakenset), afsprakenset.pk)
    return _answer(user, key, lambda: type(afsprakenset).objects.visible_to(user).filter(pk=afsprakenset.pk).exists())


def _answer(user, key, ask) -> bool:
    """`ask()`, asked once per request (and only then made: building its queryset costs too). The
    signed-in user of a request carries `policy_answers` (accounts/backends.UserBackend), so a page
    that asks `can` five times about its set reads the set's visibility once (docs/adr/0185). Any
    other user object asks the database every time."""
    answers = getattr(user, "policy_answers", None)
    if answers is None:
        return ask()
    if key not in answers:
        answers[key] = ask()
    return answers[key]


def remember_visible(user, afsprakenset) -> None:
    """The set was just read through `visible_to(user)` in this request (visible_or_404)."""
    answers = getattr(user, "policy_answers", None)
    if answers is not None:
        answers[("visible", type(afsprakenset), afsprakenset.pk)] = True


def can(user, action: str, obj: Any) -> bool:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not user.is_authenticated or not user.is_active:
        return False
    if action in (MANAGE_USERS, VIEW_USER_HISTORY):
        return is_beheerder(user)
    if action in (EDIT_REFERENCE_DATA, USE_ADMIN):
        # The admin is the administrator's tool (docs/adr/0085); the national limits are national.
        return is_beheerder(user)
    if action == MANAGE_API_KEYS:
        return user.partij_id is not None and user.rol in WORKING_ROLES
    if action in (VIEW_FIGURES, UPLOAD_FIGURES):
        return _can_figures(user, action, obj)
    if action == FINISH_ACTION:
        return can(user, MANAGE_CYCLE, obj) or (
            can(user, VIEW_SET, obj) and user.rol in WORKING_ROLES and user.partij_id == obj.eigenaar_id
        )
    if action == IMPORT_DOCUMENT:
        return _can_import(user, obj)
    if action in (VIEW_BOD, WRITE_BOD, REACT_BOD):
        return _can_bod(user, action, obj)
    afsprakenset = set_of(obj)
    if not _visible(user, afsprakenset):
        return False
    if action == VIEW_SET:
        return True
    if action == CHANGE_REGISTER:
        # In the admin, the administrator's tool; a signed set changes only by decision (register.guard).
        return is_beheerder(user)
    if action == START_YEAR:
        return _is_municipal_secretary(user, afsprakenset)
    if action in (ADOPT, MANAGE_CYCLE, START_PROGRAMME, ADOPT_PROGRAMME):
        return _is_municipal_secretary(user, afsprakenset)
    if action == ADD_AGENDA_ITEM and _is_municipal_secretary(user, afsprakenset):
        return True
    if action in (ADOPT, MANAGE_CYCLE, MANAGE_SIGNING):
        return _is_municipal_secretary(user, afsprakenset)
    if action == APPROVE_FOR_PARTY:
        return user.partij_id is not None and user.rol in APPROVING_ROLES
    if action == SIGN_FOR_PARTY:
        return user.partij_id is not None and user.rol in SIGNING_ROLES

    # The monitoring is done by parties for themselves: never by the administrator on their behalf.
    if user.partij_id is None:
        return False
    # Imported here: monitoring builds on accounts, so a module-level import would be circular.
    from driehoek.monitoring.roles import responders, voorzet_holders

    if action in (PROPOSE, REACT_PROPOSAL, COMMENT_PROGRAMME):
        return _drafts_programme(user, action, obj)
    if action == ENTER_VALUE:
        return _enters_values(user, obj)
    if action == DELEGATE:
        return _delegates(user, obj)
    if action == CHECK_ONGOING:
        # The parties an ongoing commitment names; when it names none (or it is a theme's target), all of them.
        named = set(obj.lopende_afspraak.partijen.values_list("pk", flat=True)) if obj.lopende_afspraak_id else set()
        working = user.rol in WORKING_ROLES and (not named or user.partij_id in named)
        return working or _is_municipal_secretary(user, afsprakenset)
    if action == REVISE and _is_municipal_secretary(user, afsprakenset):
        return True
    if action in (MAKE_VOORZET, REVISE):
        holders = voorzet_holders(obj.afspraak)
        return user.rol in WORKING_ROLES and user.partij_id in {p.pk for p in holders}
    if action == RESPOND:
        return user.rol in RESPONDING_ROLES and user.partij_id in {p.pk for p in responders(obj)}
    is_gemeente = user.partij.soort == user.partij.Soort.GEMEENTE
    if action == DRAFT_MINUTES:
        # "De gemeente stelt de verslagen op, de andere partijen controleren en vullen de verslagen tijdig aan."
        return is_gemeente and user.rol in WORKING_ROLES
    if action == CORRECT_MINUTES:
        return not is_gemeente and user.rol in RESPONDING_ROLES
    if action in (REPORT_DISPUTE, VOTE):
        return user.rol in RESPONDING_ROLES
    if action == ADD_AGENDA_ITEM:
        # The tenant associations' own lever on the meetings (domain review: "Tenant role").
        return user.partij.soort == user.partij.Soort.HUURDERSORGANISATIE and user.rol in RESPONDING_ROLES
    return False


def _drafts_programme(user, action: str, obj) -> bool:
    """A yearly programme is drafted by the parties of its framework, each for itself: it proposes
    and revises its own proposals, and reacts to the other parties' ones."""
    in_set = set_of(obj).deelnames.filter(partij_id=user.partij_id).exists()
    proposer = getattr(obj, "partij_id", None)  # a Voorstel; None for the programme itself
    if action == PROPOSE:
        return in_set and user.rol in WORKING_ROLES and proposer in (None, user.partij_id)
    if action == REACT_PROPOSAL:
        return in_set and user.rol in RESPONDING_ROLES and proposer != user.partij_id
    return in_set and user.rol in RESPONDING_ROLES


def _enters_values(user, indicator) -> bool:
    # .all(): a page that prefetched the actiehouders asks no query per indicator.
    return user.rol in WORKING_ROLES and any(a.partij_id == user.partij_id for a in indicator.actiehouderschappen.all())


def _delegates(user, indicator) -> bool:
    # The lead party is the first-named actiehouder (docs/adr/0130).
    holders = list(indicator.actiehouderschappen.all())
    return user.rol in WORKING_ROLES and bool(holders) and holders[0].partij_id == user.partij_id


def enterable(user, afsprakenset, indicators) -> set[int]:
    """The indicators of one set whose values the user may enter: `can(user, ENTER_VALUE, i)` for
    each, with one visibility check for all of them instead of one per indicator."""
    return on_indicators(user, afsprakenset, indicators)[ENTER_VALUE]


def on_indicators(user, afsprakenset, indicators) -> dict[str, set[int]]:
    """Per action on an indicator (ENTER_VALUE, DELEGATE) the indicators of one set the user may do
    it on: `can` for each, with one visibility check for all of them."""
    if user.partij_id is None or not can(user, VIEW_SET, afsprakenset):
        return {ENTER_VALUE: set(), DELEGATE: set()}
    return {
        ENTER_VALUE: {i.pk for i in indicators if _enters_values(user, i)},
        DELEGATE: {i.pk for i in indicators if _delegates(user, i)},
    }


def _can_import(user, document) -> bool:
    """A municipality's secretary reads in its agreement documents; the administrator any. A document
    under review is for the one who uploaded it, the secretaries of the same party and the administrator."""
    if is_beheerder(user):
        return True
    secretary = (
        user.rol == user.Rol.SECRETARIS
        and user.partij_id is not None
        and user.partij.soort == user.partij.Soort.GEMEENTE
    )
    if not secretary:
        return False
    return document is None or document.geupload_door.partij_id == user.partij_id


def _can_figures(user, action: str, gemeente) -> bool:
    """Figures belong to a municipality: the parties that work in it (Partij.gemeenten) see them, and
    its corporations deliver their own; the administrator sees every municipality's."""
    if action == VIEW_FIGURES and is_beheerder(user):
        return True
    if user.partij_id is None or not user.partij.gemeenten.filter(pk=gemeente.pk).exists():
        return False
    if action == VIEW_FIGURES:
        return True
    return user.partij.soort == user.partij.Soort.CORPORATIE and user.rol in WORKING_ROLES


def _can_bod(user, action: str, obj) -> bool:
    """A bod belongs to a municipality: the parties that work in it (Partij.gemeenten) read it, the
    corporation writes its own, its tenant associations and the municipality react (docs/bod.md)."""
    from driehoek.register.models import Gemeente

    gemeente = obj if isinstance(obj, Gemeente) else obj.gemeente
    if action == VIEW_BOD and is_beheerder(user):
        return True
    if user.partij_id is None:
        return False
    if not user.partij.gemeenten.filter(pk=gemeente.pk).exists():  # the party works in this municipality
        return False
    kind = user.partij.soort
    if action == VIEW_BOD:
        return True
    if action == WRITE_BOD:
        own = isinstance(obj, Gemeente) or obj.corporatie_id == user.partij_id
        return kind == user.partij.Soort.CORPORATIE and user.rol in WORKING_ROLES and own
    if isinstance(obj, Gemeente) or user.rol not in RESPONDING_ROLES:
        return False
    if kind == user.partij.Soort.GEMEENTE:
        return True
    return (
        kind == user.partij.Soort.HUURDERSORGANISATIE and user.partij.corporaties.filter(pk=obj.corporatie_id).exists()
    )


def monitoringstabel_class(user, afsprakenset) -> str | None:
    """What this viewer may see on a set's monitoringstabel, as the name of a class of viewers for
    its shared cache (docs/adr/0125); None when they may not see the set. Everyone who may see a set
    sees the whole table (no row, value or light is hidden from one of its parties), so the classes
    are the set's parties and the administrator. A rule that hides part of the table from some
    viewers must give them a class of their own here, or they would be served another's table."""
    if not can(user, VIEW_SET, afsprakenset):
        return None
    return monitoringstabel_class_of_viewer(user)


def monitoringstabel_class_of_viewer(user) -> str:
    """monitoringstabel_class of a viewer already known to see the set: one read through
    `Afsprakenset.objects.visible_to(user)` in this request (monitoring/tabelcache.visible_set)."""
    return "beheerder" if is_beheerder(user) else "deelnemer"
