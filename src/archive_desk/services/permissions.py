"""Who may do what: the one role × action matrix, checked in the write path.

Every operation registered with the write path (``services/ops.py``: ``@operation("loans.lend", area=LENDING)``)
is checked here when it is called with an :class:`~archive_desk.services.audit.Actor`: the decorator calls
:func:`require` before the function runs. A few actions that are not service writes (``cli.check``,
``accounts.list``, ``audit.read`` …) are in the same matrix and are checked by their callers.

The matrix (:data:`MATRIX`) grants each role whole areas (``catalogue``, ``lending`` …) and single operations by
name; :func:`allowed` answers from it. An actor without a role (a catalogue that has no accounts yet) may do
everything; an account's role decides, plus its extra rights (``approve``, ``personal_data``).

三员分立: the three administrators (admin, secadmin, auditor) are roles, one per account, so no account can hold
two of them; none of them does archival work, and :func:`check_rights` refuses the ``approve`` right for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from archive_desk.errors import NotAuthorisedError, UserError
from archive_desk.i18n import t
from archive_desk.services import ops

ADMIN, SECADMIN, AUDITOR, ARCHIVIST, DESK, READER = "admin", "secadmin", "auditor", "archivist", "desk", "reader"
#: every role, in the order a list shows them
ROLES: tuple[str, ...] = (ADMIN, SECADMIN, AUDITOR, ARCHIVIST, DESK, READER)
#: the three administrators of 三员分立: one account never holds two of them
THREE_ADMINISTRATORS = frozenset({ADMIN, SECADMIN, AUDITOR})

#: rights an account may hold beyond its role
APPROVE = "approve"
PERSONAL_DATA = "personal_data"
RIGHTS: tuple[str, ...] = (APPROVE, PERSONAL_DATA)
#: the rights a role brings with it
ROLE_RIGHTS: Mapping[str, frozenset[str]] = MappingProxyType({
    ARCHIVIST: frozenset({APPROVE, PERSONAL_DATA}),
})


def role_name(role: str | None) -> str:
    """The role as a person reads it (系统管理员 …); a catalogue without accounts has none."""
    names = {
        ADMIN: t("System administrator"),
        SECADMIN: t("Security administrator"),
        AUDITOR: t("Security auditor"),
        ARCHIVIST: t("Archivist"),
        DESK: t("Lending clerk"),
        READER: t("Reader"),
    }
    if role is None:
        return t("No accounts")
    return names.get(role, role)


def right_name(right: str) -> str:
    return {APPROVE: t("approve loans"), PERSONAL_DATA: t("see personal data")}.get(right, right)


# ------------------------------------------------------------------------ actions that are not service writes

#: actions checked by their callers (the command line, the window): not registered operations
ACCOUNTS_LIST = "accounts.list"
CLI_CHECK = "cli.check"
CLI_BACKUP = "cli.backup"
CLI_SERVER_COPY = "cli.server_copy"
AUDIT_READ = "audit.read"
#: ``settings.update`` is checked again by the keys it changes (room_settings.update): the room's particulars
#: (name, organisation, phone, address, the idle lock) are the administrator's, every other setting (档号 rules,
#: retention schedule, lending settings, forms) the archivist's
SETTINGS_PARTICULARS = "settings.particulars"
SETTINGS_ARCHIVAL = "settings.archival"
OTHER_ACTIONS: tuple[str, ...] = (ACCOUNTS_LIST, CLI_CHECK, CLI_BACKUP, CLI_SERVER_COPY, AUDIT_READ,
                                  SETTINGS_PARTICULARS, SETTINGS_ARCHIVAL)
#: a volume's 密级 and 保密期限 once it exists are the security administrator's (catalogue.update_volume checks
#: it when they change): an operation of the catalogue area that the archivist, holding that area, may not run
SET_SECURITY = "catalogue.set_security"

#: operations every role runs as a matter of course (seeding a new catalogue, rebuilding the search index after
#: an update): they follow from opening the catalogue, not from anyone's decision
SYSTEM_OPERATIONS = frozenset({"setup.ensure_standard_data", "search.ensure_index",
                               # a user's own password (the old password proves who it is)
                               "accounts.change_password",
                               # recording who saw personal data unmasked (services/masking.py): every role's views
                               "masking.log_access"})


@dataclass(frozen=True)
class Grant:
    """What one role may do: whole areas of the write path, and single actions by name."""

    areas: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()


#: THE matrix: role -> what it may do. Anything not granted here is refused.
MATRIX: Mapping[str, Grant] = MappingProxyType({
    # accounts, the room's particulars, backups; no archival writes
    ADMIN: Grant(areas=frozenset({ops.ACCOUNTS, ops.BACKUPS}),
                 actions=frozenset({"settings.update", SETTINGS_PARTICULARS, "labels.set_room_scanners",
                                    ACCOUNTS_LIST, CLI_CHECK, CLI_BACKUP, CLI_SERVER_COPY})),
    # roles and clearances of accounts; a volume's 密级 and 保密期限
    SECADMIN: Grant(actions=frozenset({"accounts.set_role", "accounts.set_clearance", "accounts.set_rights",
                                       SET_SECURITY, ACCOUNTS_LIST,
                                       # which category fields are personal data (issue 16)
                                       "masking.set_field_personal"})),
    # reads, filters, exports and verifies the trail; nothing else
    AUDITOR: Grant(actions=frozenset({AUDIT_READ, CLI_CHECK})),
    # all archival work
    ARCHIVIST: Grant(areas=frozenset({ops.CATALOGUE, ops.SHELVES, ops.LABELS, ops.LENDING, ops.TRANSFERS,
                                      ops.STOCKTAKE}),
                     actions=frozenset({"settings.update", SETTINGS_ARCHIVAL, "labels.set_room_scanners",
                                        "backup.make_backup",
                                        "backup.rotate", CLI_CHECK, CLI_BACKUP, CLI_SERVER_COPY})),
    # search, borrowers, lending, returns, renewals, slips; no edits to volumes
    DESK: Grant(areas=frozenset({ops.LENDING})),
    # search and view only
    READER: Grant(),
})

#: operations of an area a role holds that it may still not run (the account operations are listed one by one)
_ACCOUNT_OPERATIONS_OF_SECADMIN = frozenset({"accounts.set_role", "accounts.set_clearance", "accounts.set_rights"})


def allowed(role: str | None, action: str) -> bool:
    """May an account of ``role`` do ``action`` (a registered operation's name, or one of :data:`OTHER_ACTIONS`)?
    ``None`` (no accounts in the catalogue) may do everything."""
    if role is None or action in SYSTEM_OPERATIONS:
        return True
    grant = MATRIX.get(role)
    if grant is None:
        return False
    if action in grant.actions:
        return True
    op = ops.OPERATIONS.get(action)
    if op is None:
        return False
    if role == ADMIN and action in _ACCOUNT_OPERATIONS_OF_SECADMIN:  # 三员分立: roles and clearances are secadmin's
        return False
    if action == SET_SECURITY:  # (granted to secadmin by name above)
        return False
    return op.area in grant.areas


def has_right(actor: object, right: str) -> bool:
    """Does the actor hold ``right`` (from its role or granted)? Everyone does on a catalogue without accounts."""
    role = getattr(actor, "role", None)
    if role is None:
        return True
    return right in ROLE_RIGHTS.get(role, frozenset()) or right in getattr(actor, "rights", frozenset())


class PermissionDeniedError(NotAuthorisedError):
    """The account's role may not do this (the message names the role and the action)."""

    def __init__(self, message: str, *, action: str, role: str | None) -> None:
        super().__init__(message)
        self.action = action
        self.role = role


def refusal_message(role: str | None, action: str) -> str:
    return t("Your role ({role}) may not do this ({action}); nothing was changed. Ask an account whose role may.",
             role=role_name(role), action=action)


def require(actor: object, action: str) -> None:
    """Raise :class:`PermissionDeniedError` if the actor's role may not do ``action``. Writes nothing: the write
    path (``ops.operation``) records the refusal in a transaction of its own."""
    role = getattr(actor, "role", None)
    if not allowed(role, action):
        raise PermissionDeniedError(refusal_message(role, action), action=action, role=role)


def check_rights(role: str, rights: frozenset[str] | set[str] | tuple[str, ...]) -> frozenset[str]:
    """The rights an account of ``role`` may be granted; raise a UserError for an unknown right or for ``approve``
    on one of the three administrators (三员分立: they do no archival work, approving a loan is archival work)."""
    rights = frozenset(rights)
    unknown = rights - set(RIGHTS)
    if unknown:
        raise UserError(t("There is no right {right}. The rights are: {rights}.", right=", ".join(sorted(unknown)),
                          rights=", ".join(RIGHTS)), field="rights")
    if role in THREE_ADMINISTRATORS and APPROVE in rights:
        raise UserError(t("The approve right cannot be granted to {role}: the three administrators do no archival "
                          "work (三员分立).", role=role_name(role)), field="rights")
    return rights


def matrix_rows() -> list[tuple[str, dict[str, bool]]]:
    """Every registered operation and other action × every role (for the docs and a settings screen)."""
    actions = [op.name for op in ops.operations()] + list(OTHER_ACTIONS)
    return [(action, {role: allowed(role, action) for role in ROLES}) for action in sorted(actions)]


def record_refusal(db: object, actor: object, action: str) -> None:
    """Record a refusal that happened outside a write session (the command line, the window) in a transaction of
    its own. A read-only catalogue cannot record it."""
    if getattr(db, "read_only", True):
        return
    from archive_desk.services import audit  # noqa: PLC0415

    with db.write() as session:  # type: ignore[attr-defined]
        audit.record(session, actor, "permission.refused", "operation", None, None,  # type: ignore[arg-type]
                     {"operation": action, "role": getattr(actor, "role", None)})
