"""Who may do what, as data: the one table.

docs/authorization.md shows this table (rendered by `markdown_table`; a test fails when the two
differ), and accounts/tests/test_permission_table.py tries every cell against the real pages and
API. The policy module (`policy.can`) is the code that enforces it; the test proves they agree.

A column is a kind of user as seen from one agreement set: a role in a party of a given kind that
takes part in the set, the administrator, and the outsiders. A cell is a condition: `yes`, `no`, or
a condition on the object that the test works out from the data (see CONDITIONS).
"""

from dataclasses import dataclass, field

# Conditions a cell can hold. Static ones depend on the column only; the others on the object.
YES = "yes"
NO = "no"
ACTIEHOUDER = "actiehouder"
HOLDER = "holder"
RESPONDER = "responder"
NOT_PROPOSER = "not_proposer"
LEAD = "lead"
CONDITIONS = {
    YES: "yes",
    NO: "no",
    ACTIEHOUDER: "if their party is an actiehouder of the indicator",
    HOLDER: "if their party holds the voorzet (actiehouder of the agreement's first indicator)",
    RESPONDER: "if their party is not the one whose voorzet it is",
    NOT_PROPOSER: "if their party did not make the proposal",
    LEAD: "if their party is the indicator's lead (its first-named actiehouder, the trekker)",
}

ROLES = ("lezer", "invuller", "secretaris", "bestuurder")
PARTY_KINDS = ("gemeente", "corporatie", "huurdersorganisatie")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    rol: str | None = None
    partij: str | None = None  # a PARTY_KINDS entry, "buiten", "andere_gemeente" or None
    active: bool = True


KINDS: tuple[Kind, ...] = (
    *(Kind(f"{rol}-{partij}", f"{rol} ({partij})", rol, partij) for rol in ROLES for partij in PARTY_KINDS),
    Kind("beheerder", "beheerder", "beheerder"),
    Kind("buiten", "party not in the set", "secretaris", "buiten"),
    Kind("andere-gemeente", "other municipality", "secretaris", "andere_gemeente"),
    Kind("anoniem", "anonymous"),
    Kind("inactief", "inactive (was secretaris, gemeente)", "secretaris", "gemeente", active=False),
)
INSIDERS = {k.key for k in KINDS if k.partij in PARTY_KINDS and k.active}


@dataclass(frozen=True)
class Rule:
    action: str
    label: str
    # By role (or by "rol-partij" for one column); columns not named are `no`.
    cells: dict[str, str] = field(default_factory=dict)

    def cell(self, kind: Kind) -> str:
        for key in (kind.key, kind.rol or ""):
            if key in self.cells and (kind.key in INSIDERS or key == kind.key):
                return self.cells[key]
        return NO


def _roles(*roles: str, value: str = YES, **columns: str) -> dict[str, str]:
    cells = dict.fromkeys(roles, value)
    cells.update({k.replace("_", "-"): v for k, v in columns.items()})
    return cells


ALL_ROLES = ROLES
WORKING = ("invuller", "secretaris")
RESPONDING = ("invuller", "secretaris", "bestuurder")
MUNICIPAL_SECRETARY = {"secretaris-gemeente": YES}
EVERYONE = {k.key: YES for k in KINDS}

RULES: tuple[Rule, ...] = (
    Rule(
        "view_set",
        "view a set their party takes part in: its pages, search, history, monitoring, exports, calendar file",
        _roles(*ALL_ROLES, beheerder=YES),
    ),
    Rule("view_public", "view a published year: the public page and the API without a key", EVERYONE),
    Rule("api_read_set", "read an unpublished set through the API with their key", _roles(*ALL_ROLES, beheerder=YES)),
    Rule("change_register", "change the register of a set (admin)", {"beheerder": YES}),
    Rule("use_admin", "open the admin (beheer) at all", {"beheerder": YES}),
    Rule("edit_reference_data", "change the national rent and income limits (admin)", {"beheerder": YES}),
    Rule("manage_users", "manage parties, municipalities and users (admin)", {"beheerder": YES}),
    Rule("view_user_history", "see the history of users, their roles and parties", {"beheerder": YES}),
    Rule("start_year", "start a monitoring year", MUNICIPAL_SECRETARY),
    Rule("adopt", "adopt (vaststellen) an assessment; publish a year", MUNICIPAL_SECRETARY),
    Rule("enter_value", "enter an indicator value (page)", _roles(*WORKING, value=ACTIEHOUDER)),
    Rule("api_enter_value", "enter an indicator value (API, with their key)", _roles(*WORKING, value=ACTIEHOUDER)),
    Rule(
        "delegate",
        "let a co-holder fill an indicator in (delegate), or take it back (docs/adr/0130)",
        _roles(*WORKING, value=LEAD),
    ),
    Rule("make_voorzet", "make or edit the voorzet", _roles(*WORKING, value=HOLDER)),
    Rule("respond", "respond to a voorzet for their own party", _roles(*RESPONDING, value=RESPONDER)),
    Rule("revise", "reopen an adopted assessment", _roles(*WORKING, value=HOLDER, secretaris_gemeente=YES)),
    Rule(
        "manage_cycle",
        "plan the cycle and meetings; agendas, decisions, action items, moderator, votes (open, close, vote rule)",
        MUNICIPAL_SECRETARY,
    ),
    Rule("draft_minutes", "draft the minutes", {"invuller-gemeente": YES, "secretaris-gemeente": YES}),
    Rule(
        "correct_minutes",
        "propose corrections to minutes",
        {f"{rol}-{partij}": YES for rol in RESPONDING for partij in PARTY_KINDS if partij != "gemeente"},
    ),
    Rule("report_dispute", "report a dispute", _roles(*RESPONDING)),
    Rule("vote", "cast the party's vote", _roles(*RESPONDING)),
    Rule("view_figures", "view the municipality's figures", _roles(*ALL_ROLES, beheerder=YES)),
    Rule(
        "upload_figures",
        "deliver figures (CSV or XLSX upload)",
        {"invuller-corporatie": YES, "secretaris-corporatie": YES},
    ),
    Rule(
        "manage_api_keys",
        "make and revoke API keys of their own party (whatever set it is in)",
        _roles(*WORKING, buiten=YES, andere_gemeente=YES),
    ),
    Rule(
        "import_document",
        "read in an agreement document (PDF or text) as a draft set (docs/importer.md)",
        {**MUNICIPAL_SECRETARY, "andere-gemeente": YES, "beheerder": YES},
    ),
    Rule(
        "review_import",
        "see, correct and accept a draft read in by their own municipality",
        {**MUNICIPAL_SECRETARY, "beheerder": YES},
    ),
    Rule("change_history", "change, revert or delete history", {}),
    Rule(
        "add_agenda_item",
        "put an item on a meeting's agenda",
        {**MUNICIPAL_SECRETARY, **{f"{rol}-huurdersorganisatie": YES for rol in RESPONDING}},
    ),
    Rule(
        "check_ongoing",
        "record the yearly check of an ongoing commitment (here one carried by Woonborg)",
        {**MUNICIPAL_SECRETARY, "invuller-corporatie": YES, "secretaris-corporatie": YES},
    ),
    Rule("view_bod", "read the bods of the municipality (docs/bod.md)", _roles(*ALL_ROLES, beheerder=YES)),
    Rule(
        "write_bod",
        "start, fill in, submit a corporation's own bod; answer the reactions to it",
        {"invuller-corporatie": YES, "secretaris-corporatie": YES},
    ),
    Rule(
        "react_bod",
        "react to a corporation's bod: the municipality and that corporation's tenant associations",
        {f"{rol}-{partij}": YES for rol in RESPONDING for partij in ("gemeente", "huurdersorganisatie")},
    ),
    Rule(
        "start_programme",
        "start next year's programme (jaarprogramma) from the adopted evaluation",
        MUNICIPAL_SECRETARY,
    ),
    Rule(
        "propose",
        "propose in a yearly programme for their own party (new agreement, text, yearly target, removal); "
        "revise or withdraw their own proposal",
        _roles(*WORKING),
    ),
    Rule(
        "react_proposal",
        "react to a proposal for their own party (akkoord, or niet akkoord with a reason)",
        _roles(*RESPONDING, value=NOT_PROPOSER),
    ),
    Rule("comment_programme", "comment in a yearly programme's draft", _roles(*RESPONDING)),
    Rule("adopt_programme", "adopt (vaststellen) a yearly programme into the register", MUNICIPAL_SECRETARY),
    # Signing and submission (ondertekening, docs/adr/0080).
    Rule(
        "approve_for_party",
        "record or withdraw their own party's approval of a final text, with the decision document",
        _roles("secretaris", "bestuurder"),
    ),
    Rule(
        "sign_for_party",
        "sign for their own party with a code from their authenticator app; withdraw before submission",
        _roles("bestuurder"),
    ),
    Rule(
        "manage_signing",
        "mark a text final (with the deadline); make the submission package; record the submission",
        MUNICIPAL_SECRETARY,
    ),
    Rule("view_signed_public", "view a submitted set's signed agreements: its public page and open data", EVERYONE),
)


BEGIN = "<!-- table: generated from src/driehoek/accounts/permissions_table.py; do not edit by hand -->"
END = "<!-- end of table -->"


def markdown_table() -> str:
    """The table as docs/authorization.md shows it: actions down, kinds of user across."""
    short = {
        YES: "yes",
        NO: "–",
        ACTIEHOUDER: "actiehouder¹",
        HOLDER: "holder²",
        RESPONDER: "responder³",
        NOT_PROPOSER: "not proposer⁴",
        LEAD: "lead⁵",
    }
    header = "| action ↓ / user → | " + " | ".join(k.label for k in KINDS) + " |"
    lines = [header, "|---" * (len(KINDS) + 1) + "|"]
    for rule in RULES:
        lines.append(f"| {rule.label} | " + " | ".join(short[rule.cell(k)] for k in KINDS) + " |")
    notes = [
        "",
        f"¹ {CONDITIONS[ACTIEHOUDER]}. ² {CONDITIONS[HOLDER]}. ³ {CONDITIONS[RESPONDER]}. "
        f"⁴ {CONDITIONS[NOT_PROPOSER]}. ⁵ {CONDITIONS[LEAD]}.",
    ]
    return "\n".join(lines + notes) + "\n"


def write_docs(path) -> None:
    """Put the table into docs/authorization.md between its markers (manage.py permissions_table)."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:start] + "\n" + markdown_table() + text[end:], encoding="utf-8")


def cells() -> list[tuple[Rule, Kind]]:
    return [(rule, kind) for rule in RULES for kind in KINDS]
