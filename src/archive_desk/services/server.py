"""The room's PostgreSQL server: set it up (``server init``) and copy a whole catalogue to it or back
(``server copy``). Run from one PC with a URL of a PostgreSQL superuser (``postgres``), never from the app.

Roles (``init``):

* ``archive_owner`` (NOLOGIN) owns the schema; the migrations run as it (``SET ROLE``).
* ``archive_app`` (NOLOGIN) is what the workstations act as: SELECT/INSERT/UPDATE/DELETE on the catalogue's
  tables, but only SELECT and INSERT on ``audit_log``, and a trigger (db/postgresql.py) refuses UPDATE,
  DELETE and TRUNCATE of the trail for everyone. Login roles (``--login NAME``) are members of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import sqltypes

from archive_desk.db.engine import Database, make_engine
from archive_desk.db.target import display, is_server_url, server_url
from archive_desk.errors import UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.services import digest

OWNER_ROLE = "archive_owner"
APP_ROLE = "archive_app"
#: rows per round trip of a copy (memory stays bounded: one batch in flight)
COPY_BATCH = 5000
#: memory for the bulk load on the target: SQLite's page cache of the new file, PostgreSQL's work_mem (its server)
CACHE_KB = 65536
#: not copied: the file's seals are the file's own (a copied file is sealed afresh), the search index is derived
NOT_COPIED = frozenset({"alembic_version", "row_seal", "seal_state"})
#: may hold rows in an empty catalogue: what ``init`` seeds (standard categories, settings, their trail)
SEEDED = frozenset({"categories", "category_fields", "catalogue_settings", "audit_log", "alembic_version", "row_seal", "seal_state"})
#: settings that belong to one copy, not to the catalogue: its identity stays with its file (db/sealing.py), and a
#: file's search index stamps its own tokenizer (db/fts.py STAMP_KEY: a server has no such index)
IDENTITY_KEYS = ("integrity.catalogue_id", "search_index")

Progress = Callable[[str], None]


class ServerError(UserError):
    pass


@dataclass(frozen=True)
class InitReport:
    url: str
    revision: str
    created_roles: tuple[str, ...]
    already_initialised: bool


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum() or not name[:1].isalpha():
        raise ValidationError({"role": t("A role name takes letters, digits and _ only: {name}", name=name)})
    return '"' + name + '"'


def _role_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def init(url: str, *, logins: Iterable[str] = (), progress: Progress | None = None) -> InitReport:
    """Create the roles, the schema (Alembic, as the owner role), the search index, the standard data and the
    grants on the server database ``url``. Idempotent: a second run creates what is missing (a new login, a
    newer schema) and changes nothing else. Refuses a database that holds other tables but no catalogue."""
    from alembic import command

    from archive_desk.db.migrate import alembic_config, head_revision
    from archive_desk.services.setup import ensure_standard_data

    say = progress or (lambda _line: None)
    if not is_server_url(url):
        raise ServerError(t("server init takes the server's URL, e.g. postgresql://postgres@host:5432/archive"))
    engine = make_engine(server_url(url))
    created: list[str] = []
    try:
        try:
            with engine.begin() as conn:
                if not conn.execute(text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar():
                    raise ServerError(t("server init must be run as a PostgreSQL superuser (e.g. postgres): it creates roles."))
                tables = {r[0] for r in conn.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))}
                if tables and "alembic_version" not in tables:
                    raise ServerError(t("{url} already holds tables that are not an ArchiveDesk catalogue ({tables}); nothing"
                                        " was changed. Use an empty database.", url=display(url),
                                        tables=", ".join(sorted(tables)[:5])))
                for role in (OWNER_ROLE, APP_ROLE):
                    if not _role_exists(conn, role):
                        conn.execute(text(f"CREATE ROLE {_ident(role)} NOLOGIN"))
                        created.append(role)
                for login in logins:
                    if not _role_exists(conn, login):
                        conn.execute(text(f"CREATE ROLE {_ident(login)} LOGIN IN ROLE {_ident(APP_ROLE)}"))
                        created.append(login)
                    else:
                        conn.execute(text(f"GRANT {_ident(APP_ROLE)} TO {_ident(login)}"))
                dbname = conn.execute(text("SELECT current_database()")).scalar_one()
                conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
                conn.execute(text(f"GRANT USAGE, CREATE ON SCHEMA public TO {_ident(OWNER_ROLE)}"))
                conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {_ident(APP_ROLE)}"))
                conn.execute(text(f"GRANT CONNECT, TEMPORARY ON DATABASE {_ident_db(dbname)} TO {_ident(APP_ROLE)}"))
            already = "alembic_version" in tables
            say(t("Creating the schema (migrations) as {role}", role=OWNER_ROLE))
            with engine.begin() as conn:
                conn.execute(text(f"SET LOCAL ROLE {_ident(OWNER_ROLE)}"))
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            with engine.begin() as conn:
                owner, app = _ident(OWNER_ROLE), _ident(APP_ROLE)
                conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app}"))
                conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app}"))
                conn.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {app}"))
                conn.execute(text(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {app}"))
                conn.execute(text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public"
                                  f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}"))
                conn.execute(text(f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public"
                                  f" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {app}"))
        except DBAPIError as exc:
            raise ServerError(t("The room's server {url} refused: {error}", url=display(url),
                                error=str(getattr(exc, "orig", exc)).strip().splitlines()[0])) from exc
        say(t("Standard data"))
        db = Database(engine, url=server_url(url))
        ensure_standard_data(db)
        return InitReport(display(url), head_revision(), tuple(created), already)
    finally:
        engine.dispose()


def _ident_db(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ---------------------------------------------------------------- copy


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    counts: dict[str, int]
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def _open_source(source: str | Path) -> Database:
    from archive_desk.db.migrate import open_catalogue

    if not is_server_url(source) and not Path(source).exists():
        raise ServerError(t("The catalogue file {path} does not exist", path=source))
    return open_catalogue(source)


def copy(source: str | Path, target: str | Path, *, progress: Progress | None = None) -> CopyReport:
    """Copy the whole catalogue ``source`` to ``target`` (each a file or a server URL), then verify: per-table
    counts and digests equal, and the audit chain verified on the target. A target that holds anything but
    what ``server init`` seeds (a server) or that exists (a file) is refused; nothing is written to it then.
    The copy is one transaction on the target: a failure leaves it as it was (a file target is removed)."""
    say = progress or (lambda _line: None)
    src = _open_source(source)
    try:
        if is_server_url(target):
            report = _copy_to_server(src, server_url(str(target)), say)
        else:
            report = _copy_to_file(src, Path(target), say)
    finally:
        src.dispose()
    return report


def _source_tables(conn: Connection) -> list[Table]:
    return [tb for tb in digest._tables(conn) if tb.name not in NOT_COPIED]  # noqa: SLF001


Rows = list[Any]


def _kept(table: Table) -> Callable[[Rows], Rows] | None:
    """Which of a table's rows are copied: not the settings that belong to one copy (:data:`IDENTITY_KEYS`)."""
    if table.name != "catalogue_settings":
        return None
    k = list(table.c.keys()).index("key")
    return lambda rows: [r for r in rows if r[k] not in IDENTITY_KEYS]


def _compared(table: Table) -> tuple[list[Any], Callable[[Rows], Rows] | None]:
    """The columns a copy's digest covers, and how to cut a row down to them: ``audit_log`` without its MACs (a
    file copy is sealed with a room key of its own, db/sealing.py)."""
    columns = list(table.c)
    if table.name != "audit_log":
        return columns, None
    k = [c.name for c in columns].index("mac")
    return columns[:k] + columns[k + 1:], lambda rows: [(*r[:k], *r[k + 1:]) for r in rows]


def _converter(table: Table, source: Connection, target: Connection) -> Callable[[Rows], Rows] | None:
    """Rows as the source's driver hands them over, made into what the target's bulk load takes. SQLite's stored
    values (ISO text, 0/1, JSON text) go into PostgreSQL's COPY as they are, and into another file as they are;
    psycopg's objects into a file as SQLAlchemy would bind them (the types' own bind processors), into COPY with
    their JSON wrapped."""
    if source.dialect.name == "sqlite":
        return None
    if target.dialect.name == "postgresql":
        from psycopg.types.json import Jsonb

        wrap = [isinstance(c.type, sqltypes.JSON) for c in table.c]
        if not any(wrap):
            return None
        return lambda rows: [tuple(Jsonb(v) if w else v for w, v in zip(wrap, r, strict=True)) for r in rows]
    processors = [c.type.dialect_impl(target.dialect).bind_processor(target.dialect) for c in table.c]
    special = [(i, f) for i, f in enumerate(processors) if f is not None]  # dates, booleans, JSON: the rest as it is
    if not special:
        return None

    def convert(rows: Rows) -> Rows:
        out = []
        for row in rows:
            values = list(row)
            for i, f in special:
                values[i] = f(values[i])
            out.append(values)
        return out

    return convert


@contextmanager
def _bulk_writer(tconn: Connection, table: Table) -> Iterator[Callable[[Rows], None]]:
    """Rows into ``table`` of the target in its transaction: PostgreSQL's COPY (one per table, fed a batch at a
    time), SQLite's executemany."""
    quote = tconn.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c.name) for c in table.c)
    raw: Any = tconn.connection.driver_connection
    cursor = raw.cursor()
    try:
        if tconn.dialect.name == "postgresql":
            with cursor.copy(f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy:

                def put(rows: Rows) -> None:
                    for row in rows:
                        copy.write_row(row)

                yield put
        else:
            sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({', '.join('?' * len(table.c))})"  # noqa: S608 - the schema's own names
            yield lambda rows: cursor.executemany(sql, rows)
    finally:
        cursor.close()


def _copy_rows(sconn: Connection, tables: list[Table], tconn: Connection,
               say: Progress) -> tuple[dict[str, int], dict[str, digest.TableDigest]]:
    """Every table's rows from the source into the target, streamed a batch at a time in primary-key order; the
    source's digests are taken from the same rows on the way (what was read is what the target must hold)."""
    counts: dict[str, int] = {}
    digests: dict[str, digest.TableDigest] = {}
    for table in tables:
        tconn.execute(table.delete())
        keep, (columns, cut), convert = _kept(table), _compared(table), _converter(table, sconn, tconn)
        hasher = digest.RowDigest(columns, sconn.dialect.name)
        done = 0
        with _bulk_writer(tconn, table) as put:
            for batch in digest.driver_batches(sconn, table, batch=COPY_BATCH):
                done += len(batch)
                rows = batch if keep is None else keep(batch)
                hasher.add(rows if cut is None else cut(rows))
                if rows:
                    put(rows if convert is None else convert(rows))
                if done % (COPY_BATCH * 20) == 0:
                    say(t("{table}: {count} rows", table=table.name, count=done))
        counts[table.name], digests[table.name] = done, hasher.result()
        say(t("{table}: {count} rows copied", table=table.name, count=done))
    return counts, digests


@contextmanager
def _source_snapshot(src: Database) -> Iterator[tuple[Connection, list[Table]]]:
    """One read transaction on the source for the whole copy (on a server: one snapshot, whatever the
    workstations write meanwhile), and its tables."""
    with src.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn, _source_tables(conn)


def _check_empty(conn: Connection, tables: list[Table], where: str) -> None:
    busy = []
    for table in tables:
        if table.name in SEEDED:
            continue
        if conn.execute(select(table.c[next(iter(table.c.keys()))]).limit(1)).first() is not None:
            busy.append(table.name)
    audit_actions = {r[0] for r in conn.execute(text("SELECT DISTINCT action FROM audit_log"))}
    if audit_actions - {"catalogue.seed", "setting.change"}:
        busy.append("audit_log")
    if busy:
        raise ServerError(t("The target {target} is not empty (it holds {tables}); nothing was copied. Copy into a"
                            " database that only “server init” has set up.", target=where, tables=", ".join(busy[:6])))


def _copy_to_server(src: Database, url: str, say: Progress) -> CopyReport:
    from archive_desk.db.migrate import open_server

    where = display(url)
    target = open_server(url)  # refuses a database that server init has not set up
    try:
        with _source_snapshot(src) as (sconn, tables), target.engine.connect() as tconn:
            with tconn.begin():
                names = {r[0] for r in tconn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))}
                missing = [tb.name for tb in tables if tb.name not in names]
                if missing:
                    raise ServerError(t("The target {target} lacks the tables {tables}", target=where, tables=", ".join(missing)))
                _check_empty(tconn, tables, where)
                # the rows as they are: no triggers (the layers' counts and the trail's guard), no foreign-key order
                tconn.execute(text("SET LOCAL session_replication_role = replica"))
                # the search index's DISTINCT of each batch's pieces in memory, not in batches on disk
                tconn.execute(text(f"SET LOCAL work_mem = '{CACHE_KB}kB'"))
                counts, expected = _copy_rows(sconn, tables, tconn, say)
                for table in tables:
                    if "id" in table.c and table.c.id.autoincrement in (True, "auto") and table.c.id.primary_key:
                        tconn.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), coalesce(max(id), 1),"  # noqa: S608
                            f" max(id) IS NOT NULL) FROM {table.name}"))
                tconn.execute(text("SET LOCAL session_replication_role = origin"))
                say(t("Search index"))
                tconn.execute(text("DELETE FROM search_pinyin"))
                tconn.execute(text("DELETE FROM search_grams"))  # refilled with the pinyin, below
                from sqlalchemy.orm import Session

                from archive_desk.services.search import PostgresSearchBackend

                with Session(bind=tconn) as session:
                    ids = list(session.scalars(text("SELECT id FROM volumes ORDER BY id")))
                    backend = PostgresSearchBackend()
                    for start in range(0, len(ids), COPY_BATCH):
                        backend.index_volume_ids(session, ids[start:start + COPY_BATCH])
                    session.flush()
                # the items' postings (migration 0015): their trigger was off for the bulk rows
                from archive_desk.db import postgresql

                postgresql.refill_item_grams(lambda sql: tconn.execute(text(sql)))
            # the planner's statistics of the new rows now, not when autovacuum gets to them: the first searches
            # after a copy plan as at scale (a few seconds at 100,000 volumes)
            with tconn.begin():
                tconn.execute(text("ANALYZE"))
        return _verify(src.location, expected, target, counts, where, say)
    finally:
        target.dispose()


def _copy_to_file(src: Database, path: Path, say: Progress) -> CopyReport:
    from archive_desk.db import fts, layer_usage, sealing
    from archive_desk.db.migrate import open_catalogue

    if path.exists() or path.is_symlink():
        raise ServerError(t("The target {target} already exists; nothing was copied. Name a new file.", target=path))
    target = open_catalogue(path)  # db alone: no standard data, the copy brings the source's
    ok = False
    try:
        with _source_snapshot(src) as (sconn, tables), target.engine.connect() as tconn:
            with tconn.begin():
                raw = cast(sqlite3.Connection, tconn.connection.driver_connection)  # the new SQLite catalogue
                raw.execute("PRAGMA defer_foreign_keys=ON")
                raw.execute(f"PRAGMA cache_size=-{CACHE_KB}")  # this connection only: the indexes fill in memory
                # the search index and the layers' counts are built once at the end, not row by row by triggers
                fts.drop_schema(raw.execute)
                raw.execute("DROP TRIGGER IF EXISTS layer_usage_ai")
                counts, expected = _copy_rows(sconn, tables, tconn, say)
                say(t("Search index"))
                raw.execute(layer_usage.TRIGGERS["layer_usage_ai"])
                layer_usage.recount(raw.execute)
                fts.rebuild(raw, optimize=True)
                # sealed afresh with a room key of its own: every entry, the copied ones included
                raw.execute("UPDATE audit_log SET mac = NULL")
                cid = sealing.seal_all(raw, sealed_from=0)
                head_id, head_hash = sealing.head(raw)
        sealing.accept_head(cid, head_id, head_hash, str(path.resolve()))
        report = _verify(src.location, expected, target, counts, str(path), say)
        ok = True
        return report
    finally:
        target.dispose()
        if not ok:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


def _digests(db: Database) -> dict[str, digest.TableDigest]:
    """What a copy compares of a catalogue: its tables' counts and digests (see :func:`_table_digests`)."""
    with db.engine.connect() as conn, conn.begin():
        return _table_digests(conn)


def _table_digests(conn: Connection) -> dict[str, digest.TableDigest]:
    """What :func:`_copy_rows` takes of the source, read back from the target: its counts and digests."""
    out = {}
    for table in _source_tables(conn):
        keep, (columns, cut) = _kept(table), _compared(table)
        hasher = digest.RowDigest(columns, conn.dialect.name)
        for batch in digest.driver_batches(conn, table, batch=COPY_BATCH):
            rows = batch if keep is None else keep(batch)
            hasher.add(rows if cut is None else cut(rows))
        out[table.name] = hasher.result()
    return out


def _verify(source: str, expected: dict[str, digest.TableDigest], target: Database, counts: dict[str, int],
            where: str, say: Progress) -> CopyReport:
    from archive_desk.services import audit

    say(t("Verifying the copy"))
    problems: list[str] = []
    actual = _digests(target)
    for diff in digest.compare(expected, actual):
        problems.append(t("{table}: {expected} rows in the source, {actual} in the target, or their contents differ",
                          table=diff.table, expected=diff.expected.count if diff.expected else 0,
                          actual=diff.actual.count if diff.actual else 0))
    with target.read() as session:
        for problem in audit.verify_chain(session):
            problems.append(t("audit entry {id}: {reason}", id=problem.entry_id, reason=problem.reason))
    return CopyReport(source, where, counts, tuple(problems))


def table_count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())
