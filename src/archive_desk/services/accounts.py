"""Staff accounts: argon2id passwords, login with lockout, password changes, roles, clearances and rights.

A catalogue has no accounts until its first administrator is created (:func:`create_first_admin`); until then
nobody logs in, every action is allowed and the trail names the workstation's clerk, marked as not
authenticated. Once an account exists, :func:`login` turns a user name and password into an authenticated
:class:`~archive_desk.services.audit.Actor` (role, clearance, rights) and the write path checks every operation
against the role (services/permissions.py).

Five wrong passwords in a row lock an account for 15 minutes. An administrator's reset sets a password the user
must change at the next login (:class:`PasswordChangeRequired`). Every login, failure, lock and refusal is in the
trail. :func:`login` and :func:`change_password` take the :class:`Database`, not a session: a failed attempt is
recorded and committed although the login itself is refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_desk import clock
from archive_desk.db.engine import Database
from archive_desk.errors import NotAuthorisedError, NotFoundError, UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import SECURITY_LEVELS, User
from archive_desk.services import audit, permissions
from archive_desk.services.ops import ACCOUNTS, operation

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
#: the clearances an account may hold (公开 < 内部 < 秘密 < 机密)
CLEARANCES: tuple[str, ...] = tuple(SECURITY_LEVELS[:4])

_hasher = PasswordHasher()  # argon2id, the library's defaults (RFC 9106 low-memory profile)

#: the clock of the lockout (tests inject their own)
now: Callable[[], datetime] = clock.utcnow


class LoginError(NotAuthorisedError):
    """Wrong user name or password, an inactive account (the message does not say which)."""


class AccountLockedError(LoginError):
    """Too many wrong passwords: the account is locked until :attr:`until` (UTC)."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


class PasswordChangeRequired(LoginError):  # noqa: N818 - a state the login is in, not a fault
    """The password is right but was set by an administrator: the user must choose a new one first."""


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    role: str
    clearance: str
    rights: frozenset[str]
    active: bool
    must_change: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime


def _account(u: User) -> Account:
    return Account(u.id, u.username, u.display_name, u.role, u.clearance, frozenset(u.rights or ()), u.active,
                   u.must_change, u.locked_until, u.last_login_at, u.created_at)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# ------------------------------------------------------------------------------------------------ reading


def has_accounts(session: Session) -> bool:
    """Does the catalogue have accounts (login on)? Created with the first administrator."""
    return session.scalar(select(func.count(User.id)).where(User.active.is_(True))) != 0


def list_accounts(session: Session) -> list[Account]:
    """Every account; its last login is read from the trail (a login writes nothing to the account itself, so
    the catalogue's content, its digests and its backups do not change each time somebody logs in)."""
    from archive_desk.models import AuditEntry  # noqa: PLC0415

    last = dict(session.execute(select(AuditEntry.entity_id, func.max(AuditEntry.at))
                                .where(AuditEntry.action == "login", AuditEntry.entity == "user")
                                .group_by(AuditEntry.entity_id)).all())
    def latest(u: User) -> datetime | None:
        seen = [at for at in (last.get(u.id), u.last_login_at) if at is not None]
        return max(seen) if seen else None

    return [replace(_account(u), last_login_at=latest(u)) for u in session.scalars(select(User).order_by(User.username))]


def _user(session: Session, username: str) -> User:
    found = session.scalar(select(User).where(User.username == username.strip()))
    if found is None:
        raise NotFoundError(t("There is no account {username}.", username=username), field="username")
    return found


def actor_of(account: Account | User, workstation: str) -> audit.Actor:
    return audit.Actor(user=account.username, workstation=workstation, role=account.role,
                       clearance=account.clearance, rights=frozenset(account.rights or ()), authenticated=True)


# ------------------------------------------------------------------------------------------------ checks


def _check_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise ValidationError({"username": t("A user name is 1 to 64 characters without spaces.")})
    return name


def _check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError({"password": t("A password has at least {count} characters.", count=MIN_PASSWORD)})
    return password


def _check_role(role: str) -> str:
    if role not in permissions.ROLES:
        raise ValidationError({"role": t("There is no role {role}. The roles are: {roles}.", role=role,
                                         roles=", ".join(permissions.ROLES))})
    return role


def _check_clearance(clearance: str) -> str:
    if clearance not in CLEARANCES:
        raise ValidationError({"clearance": t("There is no clearance {clearance}. The clearances are: {clearances}.",
                                              clearance=clearance, clearances=", ".join(CLEARANCES))})
    return clearance


# ------------------------------------------------------------------------------------------------ writing


@operation("accounts.create_first_admin", area=ACCOUNTS)
def create_first_admin(session: Session, actor: audit.Actor, username: str, password: str,
                       display_name: str = "") -> Account:
    """The catalogue's first account, a system administrator: from now on everyone logs in."""
    if session.scalar(select(func.count(User.id))) != 0:
        raise UserError(t("This catalogue has accounts already; an administrator adds the others."))
    return _add(session, actor, username, password, permissions.ADMIN, display_name, "公开", (), must_change=False)


@operation("accounts.add", area=ACCOUNTS)
def add_account(session: Session, actor: audit.Actor, username: str, password: str, role: str, *,
                display_name: str = "", clearance: str = "公开", rights: Iterable[str] = (),
                must_change: bool = True) -> Account:
    """A new account (by the administrator); its first password must be changed at the first login."""
    return _add(session, actor, username, password, role, display_name, clearance, rights, must_change=must_change)


def _add(session: Session, actor: audit.Actor, username: str, password: str, role: str, display_name: str,
         clearance: str, rights: Iterable[str], *, must_change: bool, check_password: bool = True) -> Account:
    name = _check_username(username)
    if check_password:
        _check_password(password)
    role = _check_role(role)
    clearance = _check_clearance(clearance)
    granted = permissions.check_rights(role, frozenset(rights))
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise ValidationError({"username": t("The user name {username} is taken.", username=name)})
    user = User(username=name, display_name=display_name.strip(), role=role, password_hash=hash_password(password),
                active=True, clearance=clearance, rights=sorted(granted), must_change=must_change, failed_logins=0,
                created_by=actor.user, updated_by=actor.user)
    session.add(user)
    session.flush()
    audit.record(session, actor, "account.create", "user", user.id, None,
                 {"username": name, "role": role, "clearance": clearance, "rights": sorted(granted)})
    return _account(user)


@operation("accounts.add_demo", area=ACCOUNTS)
def add_demo_account(session: Session, actor: audit.Actor, username: str, password: str, role: str,
                     clearance: str) -> Account:
    """An account of the demo catalogue (its short password ``demo`` is below the length a room's must have)."""
    return _add(session, actor, username, password, role, "", clearance, (), must_change=False, check_password=False)


@operation("accounts.deactivate", area=ACCOUNTS)
def deactivate(session: Session, actor: audit.Actor, username: str) -> Account:
    user = _user(session, username)
    if user.username == actor.user:
        raise UserError(t("You cannot deactivate your own account."))
    if user.role == permissions.ADMIN and _active_admins(session) <= 1 and user.active:
        raise UserError(t("{username} is the last active system administrator; add another one first.",
                          username=user.username))
    user.active = False
    user.updated_by = actor.user
    audit.record(session, actor, "account.deactivate", "user", user.id, {"active": True}, {"active": False})
    return _account(user)


def _active_admins(session: Session) -> int:
    return session.scalar(select(func.count(User.id)).where(User.role == permissions.ADMIN, User.active.is_(True))) or 0


@operation("accounts.reset_password", area=ACCOUNTS)
def reset_password(session: Session, actor: audit.Actor, username: str, new_password: str) -> Account:
    """An administrator sets a new password; the user must change it at the next login. Unlocks the account."""
    _check_password(new_password)
    user = _user(session, username)
    user.password_hash = hash_password(new_password)
    user.must_change = True
    user.failed_logins = 0
    user.locked_until = None
    user.updated_by = actor.user
    audit.record(session, actor, "account.reset_password", "user", user.id, None, {"must_change": True})
    return _account(user)


@operation("accounts.set_role", area=ACCOUNTS)
def set_role(session: Session, actor: audit.Actor, username: str, role: str) -> Account:
    """The security administrator gives an account its role (one per account: 三员分立 by construction)."""
    role = _check_role(role)
    user = _user(session, username)
    if user.role == permissions.ADMIN and role != permissions.ADMIN and user.active and _active_admins(session) <= 1:
        raise UserError(t("{username} is the last active system administrator; add another one first.",
                          username=user.username))
    permissions.check_rights(role, frozenset(user.rights or ()))
    before = user.role
    user.role = role
    user.updated_by = actor.user
    audit.record(session, actor, "account.set_role", "user", user.id, {"role": before}, {"role": role})
    return _account(user)


@operation("accounts.set_clearance", area=ACCOUNTS)
def set_clearance(session: Session, actor: audit.Actor, username: str, clearance: str) -> Account:
    clearance = _check_clearance(clearance)
    user = _user(session, username)
    before = user.clearance
    user.clearance = clearance
    user.updated_by = actor.user
    audit.record(session, actor, "account.set_clearance", "user", user.id, {"clearance": before},
                 {"clearance": clearance})
    return _account(user)


@operation("accounts.set_rights", area=ACCOUNTS)
def set_rights(session: Session, actor: audit.Actor, username: str, rights: Iterable[str]) -> Account:
    """Grant rights beyond the role (``approve``: a 科长 with the reader role who approves loans)."""
    user = _user(session, username)
    granted = permissions.check_rights(user.role, frozenset(rights))
    before = list(user.rights or [])
    user.rights = sorted(granted)
    user.updated_by = actor.user
    audit.record(session, actor, "account.set_rights", "user", user.id, {"rights": before}, {"rights": sorted(granted)})
    return _account(user)


# ------------------------------------------------------------------------------------------------ logging in


def _anonymous(username: str, workstation: str) -> audit.Actor:
    return audit.Actor(user=username.strip()[:40] or "?", workstation=workstation)


def _attempt(session: Session, username: str, password: str, workstation: str, *, record: bool) -> tuple[User | None, UserError | None]:
    """Check a password, count a failure, lock at the fifth; (the account, None) or (None, the error to raise)."""
    at = now()
    user = session.scalar(select(User).where(User.username == username.strip()))
    wrong = LoginError(t("Wrong user name or password."))
    who = _anonymous(username, workstation)
    if user is None or not user.active:
        if record:
            audit.record(session, who, "login.failed", "user", user.id if user else None, None,
                         {"username": username.strip()[:64], "reason": "unknown or inactive"})
        return None, wrong
    if user.locked_until is not None and user.locked_until > at:
        if record:
            audit.record(session, who, "login.refused", "user", user.id, None, {"reason": "locked",
                                                                                "locked_until": user.locked_until})
        return None, _locked(user.locked_until)
    if not _verify(user.password_hash, password):
        if not record:
            return None, wrong
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until = at + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            audit.record(session, who, "login.locked", "user", user.id, None,
                         {"failures": MAX_FAILURES, "locked_until": user.locked_until})
            return None, _locked(user.locked_until)
        audit.record(session, who, "login.failed", "user", user.id, None, {"failures": user.failed_logins})
        return None, wrong
    if record and _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user, None


def _locked(until: datetime) -> AccountLockedError:
    minutes = max(1, math.ceil((until - now()).total_seconds() / 60))
    return AccountLockedError(t("Too many wrong passwords: this account is locked for {minutes} more minutes.",
                                minutes=minutes), until)


def login(db: Database, username: str, password: str, workstation: str) -> audit.Actor:
    """Log in: the account's authenticated Actor. Raises :class:`LoginError` (wrong name or password),
    :class:`AccountLockedError` or :class:`PasswordChangeRequired`; every attempt is in the trail. On a read-only
    catalogue the password is checked but nothing can be recorded (no failure count, no lock)."""
    if db.read_only:
        with db.read() as session:
            user, error = _attempt(session, username, password, workstation, record=False)
            if error is not None:
                raise error
            if user is None:  # (_attempt gives a user or an error)
                raise LoginError(t("Wrong user name or password."))
            if user.must_change:
                raise PasswordChangeRequired(t("Your password was reset by the administrator; choose a new one."))
            return actor_of(_account(user), workstation)
    with db.write() as session:
        user, error = _attempt(session, username, password, workstation, record=True)
        if error is None:
            if user is None:  # (_attempt gives a user or an error)
                raise LoginError(t("Wrong user name or password."))
            actor = actor_of(_account(user), workstation)
            if user.failed_logins:  # written only when there is something to clear: a plain login changes no row
                user.failed_logins = 0
            if user.locked_until is not None:
                user.locked_until = None
            if user.must_change:
                audit.record(session, actor, "login.must_change", "user", user.id, None, None)
                error = PasswordChangeRequired(t("Your password was reset by the administrator; choose a new one."))
            else:
                audit.record(session, actor, "login", "user", user.id, None, None)
    if error is not None:
        raise error
    return actor


@operation("accounts.change_password", area=ACCOUNTS)
def change_password(db: Database, username: str, old_password: str, new_password: str, workstation: str) -> None:
    """A user changes their own password (the old one proves who they are; a wrong one counts as a failed login)."""
    _check_password(new_password)
    if new_password == old_password:
        raise ValidationError({"password": t("The new password must differ from the old one.")})
    with db.write() as session:
        user, error = _attempt(session, username, old_password, workstation, record=True)
        if error is None:
            if user is None:  # (_attempt gives a user or an error)
                raise LoginError(t("Wrong user name or password."))
            user.password_hash = hash_password(new_password)
            user.must_change = False
            user.failed_logins = 0
            user.updated_by = user.username
            audit.record(session, actor_of(_account(user), workstation), "account.change_password", "user", user.id,
                         None, None)
    if error is not None:
        raise error


def check_password(db: Database, actor: audit.Actor, password: str) -> None:
    """Unlock a locked window: the logged-in account's password again (a failure counts, five lock the account)."""
    login(db, actor.user, password, actor.workstation)


# ------------------------------------------------------------------------------------------------ approvers


def _clears(clearance: str | None, security: str | None) -> bool:
    """Does ``clearance`` reach ``security`` (公开 < 内部 < 秘密 < 机密)? No security level: everybody."""
    if not security or security not in SECURITY_LEVELS:
        return True
    if clearance not in SECURITY_LEVELS:
        return False
    return SECURITY_LEVELS.index(clearance) >= SECURITY_LEVELS.index(security)


def approver_refusal(account: Account, security: str | None) -> str:
    """Why ``account`` may not approve a use of volumes up to ``security`` ("" when it may)."""
    if not account.active:
        return t("The account {username} is deactivated.", username=account.username)
    if not permissions.has_right(actor_of(account, ""), permissions.APPROVE):
        return t("The account {username} ({role}) does not hold the approve right.", username=account.username,
                 role=permissions.role_name(account.role))
    if not _clears(account.clearance, security):
        return t("The account {username} is cleared for {clearance}, not for {security}.", username=account.username,
                 clearance=account.clearance, security=security)
    return ""


def eligible_approvers(session: Session, security: str | None = None) -> list[Account]:
    """The active accounts that may approve a use of volumes up to ``security``: the approve right (an archivist,
    or granted) and a clearance at least that 密级."""
    return [a for a in (_account(u) for u in session.scalars(select(User).order_by(User.username)))
            if not approver_refusal(a, security)]


def verify_approver(session: Session, username: str, password: str, security: str | None) -> Account:
    """The account approving a loan, checked inside the loan's own transaction: it exists, is not locked, its
    password is right, it holds the approve right and a clearance at least ``security``. Raises ValidationError
    on the ``approver`` field (a failure is counted by :func:`confirm_approver`, which the desk's dialog calls)."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None or not user.active or not _verify(user.password_hash, password):
        raise ValidationError({"approver": t("The approving account's name or password is wrong.")})
    if user.locked_until is not None and user.locked_until > now():
        raise ValidationError({"approver": str(_locked(user.locked_until))})
    account = _account(user)
    refusal = approver_refusal(account, security)
    if refusal:
        raise ValidationError({"approver": refusal})
    return account


def confirm_approver(db: Database, username: str, password: str, workstation: str, security: str | None) -> Account:
    """The approver confirms at the desk with their password, without logging the desk's account out: checked like
    a login (a wrong password counts, five lock the account; all in the trail), then the approve right and the
    clearance for ``security``. Returns the account; raises LoginError/AccountLockedError or a UserError."""
    if db.read_only:
        with db.read() as session:
            user, error = _attempt(session, username, password, workstation, record=False)
    else:
        with db.write() as session:
            user, error = _attempt(session, username, password, workstation, record=True)
            if error is None and user is not None:
                if user.failed_logins:
                    user.failed_logins = 0
                audit.record(session, actor_of(_account(user), workstation), "approver.confirmed", "user", user.id,
                             None, None)
    if error is not None:
        raise error
    if user is None:  # (_attempt gives a user or an error)
        raise LoginError(t("Wrong user name or password."))
    account = _account(user)
    refusal = approver_refusal(account, security)
    if refusal:
        raise UserError(refusal, field="approver")
    return account
