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
# QSettings (window and column state) too: tests must not see each other's or the user's state
os.environ["XDG_CONFIG_HOME"] = str(_TMP_HOME / "xdg-config")
os.environ.setdefault("LANG", "zh_CN.UTF-8")

import pytest  # noqa: E402

from archive_desk.db.engine import Database  # noqa: E402
from archive_desk.db.migrate import open_catalogue  # noqa: E402
from archive_desk.i18n import set_language  # noqa: E402
from archive_desk.services import catalogue  # noqa: E402
from archive_desk.services.audit import Actor  # noqa: E402


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
def _language() -> Iterator[None]:
    """Each test starts in Chinese, the users' language; tests that need English switch."""
    set_language("zh_CN")
    yield
    set_language("zh_CN")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "catalogue.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_catalogue(db_path)
    yield database
    database.dispose()


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
