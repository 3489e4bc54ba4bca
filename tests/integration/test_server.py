"""The room's PostgreSQL server: ``--db URL``, ``server init`` (roles, an append-only trail), ``server copy`` (a file
to the server and back, verified) and one audit chain for several workstations writing at once.

Needs a real server: ``ARCHIVE_DESK_TEST_PG_URL`` (a superuser URL; ``.ci/run`` starts a throwaway cluster with
tools/ci_postgres.sh). Each test makes databases of its own on it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from archive_desk.cli import build_parser
from archive_desk.db.engine import Database, make_engine
from archive_desk.db.target import server_url

PG_URL = os.environ.get("ARCHIVE_DESK_TEST_PG_URL")
needs_pg = pytest.mark.skipif(not PG_URL, reason="set ARCHIVE_DESK_TEST_PG_URL to test against PostgreSQL")
SRC = Path(__file__).resolve().parents[2] / "src"


def test_db_takes_a_server_url_intact_for_every_command_and_the_gui() -> None:
    parser = build_parser()
    assert parser.parse_args(["--db", "postgresql://clerk@srv:5432/archive"]).db == "postgresql+psycopg://clerk@srv:5432/archive"
    args = parser.parse_args(["search", "--db", "postgres://clerk@srv/archive", "火灾"])
    assert args.db == "postgresql+psycopg://clerk@srv/archive"
    assert parser.parse_args(["search", "--db", "C:/档案/目录.sqlite", "x"]).db == Path("C:/档案/目录.sqlite")
    db = Database.open(args.db)  # no connection yet: the engine is made for the server, with psycopg 3
    try:
        url = db.engine.url
        assert (url.drivername, url.username, url.host, url.database) == ("postgresql+psycopg", "clerk", "srv", "archive")
        assert db.path is None and not db.is_sqlite
        assert db.location == "postgresql+psycopg://clerk@srv/archive"
    finally:
        db.dispose()
    assert "***" in Database.open("postgresql://clerk:secret@srv/archive").location


def _admin() -> str:
    return server_url(PG_URL or "")


@pytest.fixture
def fresh_pg() -> Iterator[str]:
    """A new empty database on the test server; its superuser URL."""
    name = "t_" + uuid.uuid4().hex[:12]
    admin = make_engine(make_url(_admin()).set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(_admin()).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archive_desk", "--lang", "en", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(SRC), **(env or {})}, timeout=300, check=False)


def _as(url: str, user: str) -> str:
    return make_url(url).set(username=user, password=None).render_as_string(hide_password=False)


@needs_pg
def test_server_init_makes_roles_and_the_app_cannot_change_the_trail(fresh_pg: str) -> None:
    login = "clerk_" + uuid.uuid4().hex[:6]
    done = _cli("server", "init", fresh_pg, "--login", login)
    assert done.returncode == 0, done.stderr
    assert "catalogue set up" in done.stdout
    again = _cli("server", "init", fresh_pg)  # a second run changes nothing and says so
    assert again.returncode == 0 and "already set up" in again.stdout, again.stderr
    engine = make_engine(_as(fresh_pg, login))
    try:
        with engine.connect() as conn:
            roles = {r[0] for r in conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'archive_%'"))}
            assert {"archive_owner", "archive_app"} <= roles
            assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one() >= 1  # the standard data's entry
            for statement in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
                with pytest.raises(Exception, match="permission denied"):
                    conn.execute(text(statement))
                conn.rollback()
    finally:
        engine.dispose()
    owner = make_engine(fresh_pg)  # even the superuser meets the trigger
    try:
        with owner.connect() as conn, pytest.raises(Exception, match="append-only"):
            conn.execute(text("DELETE FROM audit_log"))
    finally:
        owner.dispose()
    # and the workstation, logged in as the person, works on the catalogue through --db URL
    fonds = _cli("search", "--db", _as(fresh_pg, login), "火灾")
    assert fonds.returncode == 0, fonds.stderr


@needs_pg
def test_copy_a_file_to_the_server_and_back_verified(fresh_pg: str, tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite"
    assert _cli("demo", "--out", str(demo), "--volumes", "120").returncode == 0
    assert _cli("server", "init", fresh_pg).returncode == 0
    up = _cli("server", "copy", str(demo), fresh_pg)
    assert up.returncode == 0, up.stderr
    assert "verified (counts, digests, audit chain)" in up.stdout
    # the planner knows the copied rows at once (the first searches after a copy plan as at scale)
    import psycopg

    with psycopg.connect(fresh_pg.replace("postgresql+psycopg://", "postgresql://")) as conn:
        analysed = dict(conn.execute("SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables"
                                     " WHERE relname IN ('volumes', 'items', 'search_grams')").fetchall())
    assert analysed == {"volumes": True, "items": True, "search_grams": True}
    back = tmp_path / "back.sqlite"
    down = _cli("server", "copy", fresh_pg, str(back))
    assert down.returncode == 0, down.stderr
    from archive_desk.services import audit, server

    a, b = Database.open(demo), Database.open(back)
    try:
        da, db_ = server._digests(a), server._digests(b)  # noqa: SLF001
        # the same catalogue; the trail on the way back also holds the login of the command that copied it back
        trail_a, trail_b = da.pop("audit_log"), db_.pop("audit_log")
        assert da == db_ and da["volumes"].count == 120 and trail_b.count == trail_a.count + 1
        with b.read() as s:
            assert audit.verify_chain(s) == []
    finally:
        a.dispose()
        b.dispose()
    assert _cli("check", "--db", str(back)).returncode == 0
    # the same search, the same volumes, on the server and on the file
    on_pg, on_file = _cli("search", "--db", fresh_pg, "理赔", "--limit", "500"), _cli("search", "--db", str(demo), "理赔", "--limit", "500")
    assert sorted(on_pg.stdout.splitlines()) == sorted(on_file.stdout.splitlines()) != []
    # refused: a server that already holds a catalogue, a file that exists; nothing changes
    again = _cli("server", "copy", str(demo), fresh_pg)
    assert again.returncode == 2 and "not empty" in again.stderr
    onto = _cli("server", "copy", fresh_pg, str(back))
    assert onto.returncode == 2 and "already exists" in onto.stderr


WRITER = """
import sys
from archive_desk.db.migrate import open_catalogue
from archive_desk.services import catalogue
from archive_desk.services.audit import Actor
db = open_catalogue(sys.argv[1])
actor = Actor("clerk" + sys.argv[2], "ws-" + sys.argv[2])
for i in range(int(sys.argv[3])):
    with db.write() as s:
        catalogue.create_fonds(s, actor, f"F{sys.argv[2]}X{i}", f"全宗 {sys.argv[2]}-{i}")
db.dispose()
"""


@needs_pg
def test_two_workstations_appending_at_once_never_fork_the_chain(fresh_pg: str) -> None:
    assert _cli("server", "init", fresh_pg).returncode == 0
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, fresh_pg, str(n), "40"], env=env) for n in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    from archive_desk.db.migrate import open_catalogue
    from archive_desk.services import audit

    db = open_catalogue(fresh_pg)
    try:
        with db.read() as s:
            assert audit.verify_chain(s) == []
            created = s.execute(text("SELECT count(*), count(DISTINCT prev_hash) FROM audit_log WHERE action = 'fonds.create'")).one()
            assert tuple(created) == (80, 80)  # every entry links to a different predecessor: one chain, no fork
    finally:
        db.dispose()


@needs_pg
def test_changes_on_the_server_carry_the_servers_time(fresh_pg: str) -> None:
    from archive_desk import clock
    from archive_desk.db.migrate import open_catalogue
    from archive_desk.services import catalogue
    from archive_desk.services.audit import Actor

    assert _cli("server", "init", fresh_pg).returncode == 0
    db = open_catalogue(fresh_pg)
    try:
        with db.write() as s:
            server_now = s.execute(text("SELECT now() AT TIME ZONE 'UTC'")).scalar_one()
            assert clock.utcnow() == server_now and clock.today() == s.execute(text("SELECT CURRENT_DATE")).scalar_one()
            fonds = catalogue.create_fonds(s, Actor("clerk1", "ws-1"), "Z1", "全宗")
        with db.read() as s:
            created = s.execute(text("SELECT created_at FROM fonds WHERE id = :i"), {"i": fonds.id}).scalar_one()
        assert created == server_now
    finally:
        db.dispose()


@needs_pg
def test_check_on_the_server_finds_what_was_changed_behind_the_apps_back_and_backup_refuses(fresh_pg: str, tmp_path: Path) -> None:
    from archive_desk.services import server
    from archive_desk.services.demo import build_demo

    demo = tmp_path / "demo.sqlite"
    build_demo(demo, 60)
    server.init(fresh_pg)
    server.copy(demo, fresh_pg)
    fine = _cli("check", "--db", fresh_pg)
    assert fine.returncode == 0, fine.stderr
    assert "OK (audit trail, its guard, the layers' counts and every table read back)" in fine.stdout
    assert "file checks" in fine.stdout and "were skipped" in fine.stdout  # said, not silently left out
    engine = make_engine(fresh_pg)
    try:
        with engine.begin() as conn:  # a superuser lifting the guard for one statement, and for good
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text("UPDATE audit_log SET action = 'forged' WHERE id = 3"))
            conn.execute(text("UPDATE layers SET used_count = used_count + 5 WHERE id = (SELECT min(layer_id) FROM volumes)"))
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            head = conn.execute(text("SELECT max(id) FROM audit_log")).scalar_one()
    finally:
        engine.dispose()
    found = _cli("check", "--db", fresh_pg, "--head", f"{head + 50}:{'0' * 64}")
    assert found.returncode == 1, found.stdout + found.stderr
    assert "entry 3: its content does not match its hash" in found.stderr
    assert "audit_log_append_only" in found.stderr and "missing or disabled" in found.stderr
    assert "counts" in found.stderr and "changed outside ArchiveDesk" in found.stderr
    # (the check's own login is in the trail too: it ends a little after ``head``, never at the given entry)
    assert re.search(rf"ends at entry \d+ but the given head is entry {head + 50}", found.stderr), found.stderr
    # a backup of a server altered behind the app's back fails loudly, naming what differs; no backup is left
    bad = _cli("backup", "--db", fresh_pg, "--to", str(tmp_path / "b"))
    assert bad.returncode != 0 and "entry 3" in bad.stderr and "Traceback" not in bad.stderr, bad.stderr
    assert not list((tmp_path / "b").glob("*.sqlite"))
    # a restore never overwrites a server catalogue, and the room key is a file's: refused in words, nothing done
    for args in (("restore", str(demo), "--to", fresh_pg), ("check", "--db", fresh_pg, "--reseal")):
        refused = _cli(*args)
        assert refused.returncode == 2, (args, refused.stdout, refused.stderr)
        assert ("not empty" in refused.stderr) or ("nothing to reseal" in refused.stderr), refused.stderr
        assert "Traceback" not in refused.stderr


@needs_pg
def test_search_gives_the_same_first_page_in_the_same_order_on_both_engines(fresh_pg: str, tmp_path: Path) -> None:
    """Issue #17 item 7: the demo on a file and the same demo copied to the server answer each query with the
    same first page, in the same order (titles ranked by the same rule, ties broken by id)."""
    from archive_desk.db.migrate import open_catalogue
    from archive_desk.services import search, server
    from archive_desk.services.demo import build_demo

    demo = tmp_path / "demo.sqlite"
    build_demo(demo, 300)
    server.init(fresh_pg)
    server.copy(demo, fresh_pg)
    file_db, server_db = open_catalogue(demo), open_catalogue(fresh_pg)
    try:
        with file_db.read() as s:
            title = s.execute(text("SELECT title FROM volumes ORDER BY id LIMIT 1 OFFSET 7")).scalar_one()
            item = s.execute(text("SELECT title FROM items ORDER BY id LIMIT 1 OFFSET 11")).scalar_one()
            code = s.execute(text("SELECT code FROM volumes ORDER BY id LIMIT 1 OFFSET 5")).scalar_one()
        def han(text_: str) -> str:  # the longest run of Chinese characters
            return max(re.findall(r"[\u4e00-\u9fff]+", text_), key=len)

        queries = ["理", "火", "赔", "理赔", "火灾", "病历",  # one and two Chinese characters
                   "lpaj", "lp", "hz",  # pinyin initials
                   code.split("·")[1].rsplit("-", 1)[0], code.split("·")[0], "2019-D30",  # 档号 fragments
                   han(title)[1:5], han(item)[:4]]  # words of a volume's and of an item's title
        for query in queries:
            pages = []
            for db in (file_db, server_db):
                with db.read() as s:
                    pages.append([(h.code, h.tier, h.item_title) for h in search.search(s, query, limit=50)])
            assert pages[0], query  # the demo holds each of them
            assert pages[1] == pages[0], query
    finally:
        file_db.dispose()
        server_db.dispose()


@needs_pg
def test_item_postings_are_filled_by_server_copy_and_by_migration_0015(fresh_pg: str, tmp_path: Path) -> None:
    """Issue #17 (0015): ``search_item_grams`` holds each item title's two-character pieces. A server copy (its bulk
    rows pass no trigger) leaves it filled, so an item's word is found on the server as in the file; a catalogue
    already on the server at 0014 gets it filled by the migration, and the downgrade takes it away."""
    from alembic import command

    from archive_desk.db.migrate import alembic_config, open_catalogue
    from archive_desk.services import search, server
    from archive_desk.services.demo import build_demo

    demo = tmp_path / "demo.sqlite"
    build_demo(demo, 60)
    server.init(fresh_pg)
    server.copy(demo, fresh_pg)
    file_db, server_db = open_catalogue(demo), open_catalogue(fresh_pg)
    postings = text("SELECT gram, item_id FROM search_item_grams")
    try:
        with file_db.read() as s:
            items = s.execute(text("SELECT id, title FROM items")).all()
            word = max(re.findall(r"[\u4e00-\u9fff]{4,}", items[len(items) // 2].title), key=len)[:4]
        expected = {(title.lower()[k:k + 2], iid) for iid, title in items for k in range(len(title) - 1)
                    if not re.search(r"\s", title[k:k + 2])}
        with server_db.read() as s:
            assert set(s.execute(postings).all()) == expected
        pages = []
        for db in (file_db, server_db):
            with db.read() as s:
                pages.append([(h.code, h.tier, h.item_title) for h in search.search(s, word, limit=50)])
        assert search.TIER_ITEM in {tier for _code, tier, _title in pages[0]} and pages[1] == pages[0], word
    finally:
        file_db.dispose()
        server_db.dispose()
    engine = make_engine(fresh_pg)
    try:
        def migrate(to: str) -> None:
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                (command.downgrade if to.startswith("0014") else command.upgrade)(cfg, to)

        migrate("0014_pg_search_pieces")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT to_regclass('search_item_grams')")).scalar() is None
            assert conn.execute(text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'search_item_grams%'")).scalar() == 0
        migrate("head")
        with engine.begin() as conn:
            assert set(conn.execute(postings).all()) == expected
            conn.execute(text("UPDATE items SET title = '新的题名' WHERE id = :id"), {"id": items[0].id})  # the trigger
            assert {g for g, i in conn.execute(postings).all() if i == items[0].id} == {"新的", "的题", "题名"}
    finally:
        engine.dispose()


@pytest.fixture
def second_pg() -> Iterator[str]:
    """Another new empty database on the test server (where a backup is restored)."""
    name = "t_" + uuid.uuid4().hex[:12]
    admin = make_engine(make_url(_admin()).set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(_admin()).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@needs_pg
def test_the_servers_backup_is_a_verified_file_that_restores_into_an_empty_server_database(
        fresh_pg: str, second_pg: str, tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite"
    assert _cli("demo", "--out", str(demo), "--volumes", "80").returncode == 0
    assert _cli("server", "init", fresh_pg).returncode == 0
    assert _cli("server", "copy", str(demo), fresh_pg).returncode == 0
    folder = tmp_path / "backups"
    no_folder = _cli("backup", "--db", fresh_pg, env={"ARCHIVE_DESK_CONFIG_DIR": str(tmp_path / "cfg")})
    assert no_folder.returncode == 2 and "--to FOLDER" in no_folder.stderr
    made = _cli("backup", "--db", fresh_pg, "--to", str(folder), "--json")
    assert made.returncode == 0, made.stderr
    manifest = json.loads(made.stdout)
    backup_file = Path(manifest["path"])
    assert manifest["verified"] and backup_file.name.startswith(make_url(fresh_pg).database)
    assert _cli("backup", "verify", str(backup_file)).returncode == 0
    # the backup is in the server's own register
    listed = _cli("backup", "list", "--db", fresh_pg, "--json")
    assert listed.returncode == 0 and [r["verified"] for r in json.loads(listed.stdout)] == [True]
    # restored into an empty server database: the same rows, and the restore in its trail
    assert _cli("server", "init", second_pg).returncode == 0
    restored = _cli("restore", str(backup_file), "--to", second_pg)
    assert restored.returncode == 0, restored.stderr
    from archive_desk.services import server

    a, b = Database.open(fresh_pg), Database.open(second_pg)
    try:
        da, db_ = server._digests(a), server._digests(b)  # noqa: SLF001
        assert da["volumes"] == db_["volumes"] and da["volumes"].count == 80
        with b.read() as s:
            assert s.execute(text("SELECT count(*) FROM audit_log WHERE action = 'restore'")).scalar_one() == 1
    finally:
        a.dispose()
        b.dispose()
    assert _cli("check", "--db", second_pg).returncode == 0
    # never over a catalogue: the source server is refused
    onto = _cli("restore", str(backup_file), "--to", fresh_pg)
    assert onto.returncode != 0 and "not empty" in (onto.stderr + onto.stdout)
