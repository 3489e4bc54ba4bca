"""The room's server password of this workstation, kept only in the operating system's credential store (Windows
Credential Manager, macOS Keychain, the Secret Service on Linux) through ``keyring``: never in the settings file,
never in a URL that is written anywhere. Qt-free.

The catalogue is remembered in the settings as a URL without a password (``postgresql://clerk1@host:5432/archive``);
when it is opened, :func:`with_password` adds the stored password for the engine alone. A PC without a credential
store (a headless Linux) stores nothing: the password is asked for each time (or the server trusts the PC).
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL, make_url

from archive_desk.db.target import is_server_url, server_url

log = logging.getLogger(__name__)

#: the credential store's service name
SERVICE = "ArchiveDesk"


def account(url: str) -> str:
    """The store's user name for a server catalogue: ``user@host:port/database`` (one password per login and
    server)."""
    u = make_url(server_url(url))
    return f"{u.username or ''}@{u.host or ''}:{u.port or 5432}/{u.database or ''}"


def server_parts(url: str) -> dict[str, object]:
    """host, port, database and user of a server URL (for a form)."""
    u = make_url(server_url(url))
    return {"host": u.host or "", "port": u.port or 5432, "database": u.database or "", "user": u.username or ""}


def build_url(host: str, port: int, database: str, user: str) -> str:
    """``postgresql://user@host:port/database`` (no password), each part quoted as a URL needs it."""
    return URL.create("postgresql", username=user, host=host, port=port, database=database).render_as_string(
        hide_password=False)


def without_password(url: str) -> str:
    """The URL as it may be written down (settings, messages): no password."""
    u = make_url(server_url(url))
    return u.set(password=None).render_as_string(hide_password=False)


def password(url: str) -> str | None:
    """The stored password, or None (none stored, or no credential store on this PC)."""
    try:
        import keyring

        return keyring.get_password(SERVICE, account(url))
    except Exception:
        log.info("no password from the credential store", exc_info=True)
        return None


def save_password(url: str, secret: str) -> bool:
    """Store ``secret`` for ``url``'s login; False when this PC has no credential store."""
    try:
        import keyring

        keyring.set_password(SERVICE, account(url), secret)
        return True
    except Exception:
        log.warning("the password could not be stored in the credential store", exc_info=True)
        return False


def forget_password(url: str) -> None:
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, account(url))
        except PasswordDeleteError:
            pass
    except Exception:
        log.info("the credential store could not be asked", exc_info=True)


def with_password(target: object, secret: str | None = None) -> object:
    """A server URL with ``secret`` (or the stored password) in it, for opening the engine only; a URL that has a
    password already, a URL with none stored, and a file are returned as they are."""
    if not is_server_url(target):
        return target
    u = make_url(server_url(str(target)))
    if u.password:
        return target
    secret = secret if secret is not None else password(str(target))
    if not secret:
        return server_url(str(target))
    return u.set(password=secret).render_as_string(hide_password=False)
