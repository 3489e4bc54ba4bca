"""Shared fixtures. Tests never touch the user's real data or settings folders, and Qt runs offscreen."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# keep the test run's settings, logs and default catalogue out of the user's folders
_TMP_HOME = Path(tempfile.mkdtemp(prefix="archive-desk-tests-"))
os.environ["ARCHIVE_DESK_DATA_DIR"] = str(_TMP_HOME / "data")
os.environ["ARCHIVE_DESK_CONFIG_DIR"] = str(_TMP_HOME / "config")
# QSettings (window and column state) too: tests must not see each other's or the user's state. The app keeps
# them in an INI file in ARCHIVE_DESK_CONFIG_DIR when that is set (app.isolate_qsettings), which works on Windows
# too (XDG_CONFIG_HOME does not: QSettings there is the registry); the child processes tests start do the same
os.environ.setdefault("LANG", "zh_CN.UTF-8")
# the demo catalogue has accounts (issue #16): the tests' command lines and windows on it log in as its 档案管理员,
# the role that does all archival work (on a catalogue without accounts these are not used)
os.environ.setdefault("ARCHIVE_DESK_USER", "archivist")
os.environ.setdefault("ARCHIVE_DESK_PASSWORD", "demo")

import pytest  # noqa: E402

from archive_desk.db.engine import Database  # noqa: E402
from archive_desk.i18n import set_language  # noqa: E402
from archive_desk.services import catalogue  # noqa: E402
from archive_desk.services.audit import Actor  # noqa: E402
from archive_desk.services.setup import open_catalogue  # noqa: E402

from archive_desk.app import isolate_qsettings  # noqa: E402

isolate_qsettings()


def workstation_config(folder: Path) -> Path:
    """A settings folder of its own for a test's processes that holds the room keys this test run's workstation
    holds (``<config>/integrity``, db/sealing.py): the same workstation, with settings of its own. Without the key
    of a sealed catalogue a workstation saves nothing (tests/integration/test_tamper.py)."""
    import shutil

    (folder / "integrity").mkdir(parents=True, exist_ok=True)
    for key in (Path(os.environ["ARCHIVE_DESK_CONFIG_DIR"]) / "integrity").glob("*.key"):
        if not (folder / "integrity" / key.name).exists():  # keys only: the folder's own anchors are its own
            shutil.copyfile(key, folder / "integrity" / key.name)
    return folder


@pytest.fixture(autouse=True)
def _window_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no saved window or column state: a navigation width or column a previous test saved
    must not decide whether this test's window fits (the app re-applies the folder at every start)."""
    folder = str(tmp_path_factory.mktemp("window-state"))
    monkeypatch.setenv("ARCHIVE_DESK_WINDOW_STATE_DIR", folder)
    isolate_qsettings()


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    """Each test starts in Chinese, the users' language; tests that need English switch."""
    set_language("zh_CN")
    yield
    set_language("zh_CN")


#: ``ARCHIVE_DESK_TEST_ENGINE=postgresql`` (with ``ARCHIVE_DESK_TEST_PG_URL``, a superuser URL) runs the ``db``
#: fixture's tests on PostgreSQL: each test module gets a fresh database copied from a template that
#: ``server init`` made once. Tests that are SQLite-only by nature carry ``@pytest.mark.sqlite_only(reason=…)``.
ON_POSTGRESQL = os.environ.get("ARCHIVE_DESK_TEST_ENGINE", "sqlite") == "postgresql"
_PG_TEMPLATE = "archive_desk_template"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): the test is about SQLite files; skipped on PostgreSQL")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRESQL:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            item.add_marker(pytest.mark.skip(reason="SQLite only: " + str(marker.kwargs.get("reason", ""))))


def _pg_admin():  # noqa: ANN202 - Engine
    from sqlalchemy.engine import make_url

    from archive_desk.db.engine import make_engine
    from archive_desk.db.target import server_url

    url = make_url(server_url(os.environ["ARCHIVE_DESK_TEST_PG_URL"]))
    return url, make_engine(url.set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    from sqlalchemy import text

    from archive_desk.services import server

    url, admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{_PG_TEMPLATE}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{_PG_TEMPLATE}"'))
    server.init(url.set(database=_PG_TEMPLATE).render_as_string(hide_password=False))
    yield _PG_TEMPLATE
    admin.dispose()


@pytest.fixture(scope="module")
def _pg_module_db(request: pytest.FixtureRequest) -> Iterator[str | None]:
    if not ON_POSTGRESQL:
        yield None
        return
    import uuid

    from sqlalchemy import text

    template = request.getfixturevalue("_pg_template")
    url, admin = _pg_admin()
    name = "t_" + uuid.uuid4().hex[:16]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    module_url = url.set(database=name).render_as_string(hide_password=False)
    _keep_standard_data(module_url)
    yield module_url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


#: the standard data ``server init`` wrote, which a test may change (a category's fields, the room's settings)
_STANDARD = ("categories", "category_fields", "catalogue_settings")


def _keep_standard_data(url: str) -> None:
    """A copy of the standard data as ``server init`` wrote it, in a schema of the tests' own, for
    :func:`_empty_pg` to put back (a test that sets the forms' language must not set it for the next)."""
    from sqlalchemy import text

    from archive_desk.db.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE SCHEMA test_pristine"))
            for table in _STANDARD:
                conn.execute(text(f'CREATE TABLE test_pristine."{table}" AS TABLE public."{table}"'))
    finally:
        engine.dispose()


def _empty_pg(url: str) -> None:
    """Back to the template's state between the tests of a module: every catalogue table emptied and the
    standard data put back as it was (the audit guard is lifted for this as a superuser only)."""
    from sqlalchemy import text

    from archive_desk.db.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            tables = [r[0] for r in conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"))]
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY"))
            for table in _STANDARD:
                conn.execute(text(f'INSERT INTO public."{table}" SELECT * FROM test_pristine."{table}"'))
                if table != "catalogue_settings":  # keyed by name; the others count on from their highest id
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                                      f" (SELECT coalesce(max(id), 0) + 1 FROM public.\"{table}\"), false)"))
    finally:
        engine.dispose()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "catalogue.sqlite"


@pytest.fixture
def db(db_path: Path, _pg_module_db: str | None) -> Iterator[Database]:
    if _pg_module_db is not None:
        _empty_pg(_pg_module_db)
        database = open_catalogue(_pg_module_db)
    else:
        database = open_catalogue(db_path)
    yield database
    database.dispose()


@pytest.fixture
def db_target(db: Database, db_path: Path) -> str:
    """What ``--db`` names for the catalogue the ``db`` fixture opened: its file, or on PostgreSQL its URL."""
    return db.url or str(db_path)


class _RawServer:
    """A psycopg connection (autocommit) that reads like ``sqlite3.connect``'s: ``execute(sql, params)`` with
    ``?`` placeholders, ``fetchone``/``fetchall`` on what it returns, ``commit``/``close``. For tests that look at
    (or write to) the catalogue outside the app, as they do with ``sqlite3`` on a file."""

    def __init__(self, url: str) -> None:
        import psycopg

        self._conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True)

    def execute(self, sql: str, params: tuple | list = ()):  # noqa: ANN201 - a psycopg cursor
        return self._conn.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))

    def commit(self) -> None:
        pass

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> _RawServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        pass  # as sqlite3's: the end of a transaction (autocommit here), not of the connection


def raw_connect(target: str | Path):  # noqa: ANN201 - sqlite3.Connection or _RawServer
    """A raw connection to a catalogue outside the app: ``sqlite3`` for a file, psycopg for a server URL."""
    import sqlite3

    from archive_desk.db.target import is_server_url

    if is_server_url(str(target)):
        return _RawServer(str(target))
    return sqlite3.connect(target)


@pytest.fixture
def actor() -> Actor:
    return Actor(user="clerk1", workstation="ws-test-1")


@pytest.fixture
def fonds_id(db: Database, actor: Actor) -> int:
    with db.write() as s:
        return catalogue.create_fonds(s, actor, "Z109", "江南财产保险股份有限公司").id


@pytest.fixture
def lp_category_id(db: Database) -> int:
    with db.read() as s:
        return catalogue.get_category(s, code="LP").id


@pytest.fixture
def make_volume(db: Database, actor: Actor, fonds_id: int, lp_category_id: int):  # noqa: ANN201
    """Create a claims volume (next free 档号) with any overrides."""

    def make(**overrides: object) -> catalogue.VolumeRecord:
        data: dict[str, object] = {
            "fonds_id": fonds_id, "category_id": lp_category_id, "year": 2019, "retention": "D30",
            "title": "张伟机动车辆保险追尾事故理赔案卷", "pages": 42,
            "custom": {"claim_no": "PDAA201900001234", "insured": "张伟"},
        }
        data.update(overrides)
        with db.write() as s:
            return catalogue.create_volume(s, actor, data)

    return make



def settle_writes(qtbot, timeout: int = 20000) -> None:  # noqa: ANN001
    """Wait until every write the window started (``ui/ops.run_op``, off the GUI thread) is done and shown."""
    from archive_desk.ui import ops

    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=timeout)


def settle_writes_now(timeout_ms: int = 20000) -> None:
    """``settle_writes`` for helpers without a qtbot (a scanner burst): process events until the writes are done."""
    import time

    from PySide6.QtTest import QTest

    from archive_desk.ui import ops

    deadline = time.monotonic() + timeout_ms / 1000
    while ops.pending() and time.monotonic() < deadline:
        QTest.qWait(5)
    assert ops.pending() == 0, "writes still running"


def server_catalogue(prefix: str = "t") -> Iterator[str]:
    """A new catalogue on the test server (``ARCHIVE_DESK_TEST_PG_URL``), set up by ``server init``: its URL,
    dropped afterwards. For tests that need a server catalogue of their own beside the ``db`` fixture."""
    import uuid

    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from archive_desk.db.engine import make_engine
    from archive_desk.db.target import server_url
    from archive_desk.services import server

    base = make_url(server_url(os.environ["ARCHIVE_DESK_TEST_PG_URL"]))
    admin = make_engine(base.set(database="postgres")).execution_options(isolation_level="AUTOCOMMIT")
    name = f"{prefix}_" + uuid.uuid4().hex[:12]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    server.init(url)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
