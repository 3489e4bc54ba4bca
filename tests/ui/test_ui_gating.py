"""What a role may not do is disabled in every area, with the role in the tooltip (issue #16), and every write
button in ui/ is declared (``GUARDS``: ui/permissions.py), so that a new one cannot be forgotten."""

from __future__ import annotations

import ast
import importlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget

from archive_desk import app as app_module
from archive_desk.services import backup, catalogue, permissions
from archive_desk.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, build_demo
from archive_desk.settings import Settings
from archive_desk.ui import ops as ui_ops
from archive_desk.ui import permissions as ui_permissions
from archive_desk.ui.areas import AREAS

SHOTS = os.environ.get("ARCHIVE_DESK_SHOTS", "")
ROLES = [role for _user, role, _clearance in DEMO_ACCOUNTS]
UI = Path(ui_permissions.__file__).parent

#: writes in ui/ that no button of their class runs, and why they need no guard
EXEMPT = {
    # recording who saw personal data unmasked: every role's views (a system operation, always allowed)
    ("VolumeDetailView", "masking.log_access"), ("LabelsArea", "masking.log_access"),
    # a user's own password; the first administrator (offered only on a catalogue without accounts: no role yet)
    ("ChangePasswordDialog", "accounts.change_password"), ("FirstAdminDialog", "accounts.create_first_admin"),
    # runs by itself once a day, and only for a role that may (LendingArea.close_day asks ui.permissions.may)
    ("LendingArea", "loans.close_open_consultations"),
    # the import wizard opens from 文件 → 导入 (accounts_ui.FILE_ACTIONS) and the welcome page (WelcomePage.GUARDS)
    ("ImportPage", "importer.commit"),
    # editing in the items table: switched off (edit triggers) for a role that may not; the table stays to read
    ("ItemsEditor", "catalogue.update_item"),
    # module functions of the backup dialogs: 文件 → 备份 / 备份设置 are guarded (accounts_ui.FILE_ACTIONS)
    (None, "backup.make_backup"), (None, "backup.rotate"),
}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gating") / "demo.sqlite"
    build_demo(path, 120, seed=7)
    return path


@pytest.fixture(scope="module")
def windows(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """One window per role on one copy of the demo, built when a test first needs it (not 6 × 9 windows)."""
    folder = tmp_path_factory.mktemp("gating-room")
    path = folder / "catalogue.sqlite"
    backup.copy_sqlite_file(demo_file, path)
    settings = folder / "settings.json"
    Settings(language="zh_CN").save(settings)
    built: dict[str, object] = {}

    def window_of(role: str):  # noqa: ANN202 - MainWindow
        if role not in built:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("ARCHIVE_DESK_USER", role)
                mp.setenv("ARCHIVE_DESK_PASSWORD", DEMO_PASSWORD)
                _app, win = app_module.start(path, settings_path=settings)
            assert win.ctx.actor.role == role
            built[role] = win
        return built[role]

    yield {"of": window_of}
    for win in built.values():
        win.close()
        win.ctx.db.dispose()
        win.deleteLater()
    QApplication.processEvents()


def _select_first_rows(root: QWidget) -> None:
    """Every tab of the area in turn, the first row of every list in it selected (code that enables a button on
    a selection runs)."""
    tabs = [t for t in root.findChildren(QTabWidget)]
    for tab_widget in tabs or [None]:
        for index in range(tab_widget.count() if tab_widget is not None else 1):
            if tab_widget is not None:
                tab_widget.setCurrentIndex(index)
            QApplication.processEvents()
            for view in root.findChildren(QAbstractItemView):
                model = view.model()
                if view.isVisible() and model is not None and model.rowCount() > 0:
                    view.setCurrentIndex(model.index(0, 0))
                    view.selectionModel().select(model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                 | QItemSelectionModel.SelectionFlag.Rows)
            QApplication.processEvents()


def _check_guards(root: QWidget, role: str) -> int:
    """Every declared button or action of ``root``: disabled with the role named exactly when the matrix refuses
    it; never disabled for the role when allowed. Returns how many were checked."""
    declared: dict[int, tuple[object, list[ui_permissions.Ops]]] = {}
    for _owner, target, ops in ui_permissions.every_declared(root):
        declared.setdefault(id(target), (target, []))[1].append(ops)
    role_text = permissions.role_name(role)
    for target, all_ops in declared.values():
        allowed = all(any(permissions.allowed(role, op) for op in ((o,) if isinstance(o, str) else o))
                      for o in all_ops)
        name = target.objectName() or type(target).__name__
        if allowed:
            assert ui_permissions.refused(target) is None, (role, name, all_ops)
        else:
            assert not target.isEnabled(), (role, name, all_ops)
            assert role_text in target.toolTip(), (role, name, target.toolTip())
            target.setEnabled(True)  # code that enables it later (a selection, a batch in draft): it stays off
            assert not target.isEnabled(), (role, name)
    return len(declared)


AREA_IDS = [area_id for area_id, _module in AREAS]


@pytest.mark.parametrize("area_id", AREA_IDS)
@pytest.mark.parametrize("role", ROLES)
def test_what_the_role_may_not_do_is_disabled_in_the_area(windows, role: str, area_id: str) -> None:  # noqa: ANN001
    win = windows["of"](role)
    if area_id == "audit" and role != "auditor":  # the trail's own area is the auditor's alone
        assert area_id not in win.area_ids(), f"the audit area is shown to {role}"
        return
    area = win.show_area(area_id)
    win.show()
    QApplication.processEvents()
    _select_first_rows(area)
    checked = _check_guards(area, role)
    if area_id in {"catalogue", "lending", "transfers", "shelves", "stocktake", "labels", "admin"}:
        assert checked, f"{area_id} declares no guarded buttons"
    # the writes this role may not do are really off, not just declared: one per area that has writes
    if role == "reader" and checked:
        assert any(ui_permissions.refused(t) for _o, t, _ops in ui_permissions.every_declared(area))
    if SHOTS and (role, area_id) in {("desk", "lending"), ("reader", "catalogue"), ("reader", "transfers")}:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        for tab_widget in area.findChildren(QTabWidget):  # the first tab (lend, receiving), its first row selected
            tab_widget.setCurrentIndex(0)
        QApplication.processEvents()
        win.grab().save(str(Path(SHOTS) / f"gating-{role}-{area_id}.png"))


@pytest.mark.parametrize("role", ROLES)
def test_the_catalogue_s_dialogs_are_guarded_too(windows, role: str) -> None:  # noqa: ANN001
    """The volume editor (opened by a double click, for everyone), the items editor and the holds: their writes
    are off for a role that may not, and they still show what they hold."""
    win = windows["of"](role)
    area = win.show_area("catalogue")
    win.show()
    area.table.selectRow(0)
    QApplication.processEvents()
    for dialog in (area.edit_selected(), area.edit_items(), area.open_holds(area.selected_volume_id())):
        assert dialog is not None
        QApplication.processEvents()
        assert dialog.isVisible()
        _check_guards(dialog, role)
        dialog.reject()


def _editor(windows, role: str, *, new: bool = False):  # noqa: ANN001, ANN202 - VolumeEditor
    win = windows["of"](role)
    area = win.show_area("catalogue")
    win.show()
    area.table.selectRow(0)
    editor = area.new_volume() if new else area.edit_selected()
    QApplication.processEvents()
    return editor


def test_the_archivist_edits_a_volume_but_not_its_security(windows) -> None:  # noqa: ANN001
    editor = _editor(windows, "archivist")
    assert editor.save_button.isEnabled() and not editor.title_edit.isReadOnly()
    assert not editor.security.isEnabled() and not editor.security_period.isEnabled()
    assert permissions.role_name("archivist") in editor.security.toolTip()
    editor.reject()
    new = _editor(windows, "archivist", new=True)  # a new volume's 密级 is its creator's (create_volume)
    assert new.security.isEnabled() and new.security_period.isEnabled() and new.save_button.isEnabled()
    new.reject()


def test_the_security_administrator_changes_only_the_security(qtbot, windows) -> None:  # noqa: ANN001
    editor = _editor(windows, "secadmin")
    win = windows["of"]("secadmin")
    assert editor.security.isEnabled() and editor.security_period.isEnabled() and editor.save_button.isEnabled()
    assert editor.title_edit.isReadOnly() and not editor.category.isEnabled() and not editor.fonds.isEnabled()
    assert permissions.role_name("secadmin") in editor.title_edit.toolTip()
    volume_id = editor.record.id
    wanted = next(level for level in ("秘密", "机密", "内部") if level != editor.record.security)
    editor.security.setCurrentIndex(editor.security.findData(wanted))
    editor.security_period.setValue(10)
    run = editor.save()
    assert run is not None
    qtbot.waitUntil(lambda: run.done, timeout=20000)
    assert run.error is None, run.error
    with win.ctx.db.read() as session:
        record = catalogue.get_volume(session, volume_id)
    assert record.security == wanted and record.security_period == 10
    assert ui_ops.pending() == 0
    assert not _editor(windows, "secadmin", new=True).save_button.isEnabled()  # creating is the archivist's


def test_a_reader_sees_the_volume_and_changes_nothing(windows) -> None:  # noqa: ANN001
    editor = _editor(windows, "reader")
    assert editor.title_edit.isReadOnly() and editor.title_edit.text()  # shown to read
    assert not editor.save_button.isEnabled() and not editor.security.isEnabled()
    assert editor.save() is None  # Ctrl+S does nothing either
    editor.reject()


# ------------------------------------------------------------------------------------ completeness


def _service_aliases(tree: ast.Module) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("archive_desk.services"):
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("archive_desk.services"):
                    aliases[a.asname or a.name] = a.name
    return aliases


def _writes_in_ui() -> list[tuple[str, str | None, str]]:
    """(module, enclosing class, operation) for every reference in ui/ to a registered operation (``run_op(self,
    catalogue.void_volume, …)``, a lambda or local function that calls one, a ``partial`` …)."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = _service_aliases(tree)
        module = "archive_desk." + ".".join(path.relative_to(UI.parent).with_suffix("").parts)

        def walk(node: ast.AST, cls: str | None, module: str = module, aliases: dict[str, str] = aliases) -> None:
            for child in ast.iter_child_nodes(node):
                inner = child.name if isinstance(child, ast.ClassDef) else cls
                if isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name) and child.value.id in aliases:
                    try:
                        target = importlib.import_module(aliases[child.value.id])
                    except ImportError:
                        target = None
                    op = getattr(getattr(target, child.attr, None), "operation", None)
                    if op is not None:
                        found.append((module, cls, op.name))
                walk(child, inner)

        walk(tree, None)
    return found


def _declared_anywhere(cls: type) -> set[str]:
    """Operations ``cls`` or a subclass of it declares (a mixin's writes are declared by the page made of it)."""
    ops: set[str] = set()
    todo = [cls]
    while todo:
        klass = todo.pop()
        for value in ui_permissions.declared_ops(klass).values():
            ops.update((value,) if isinstance(value, str) else value)
        todo.extend(klass.__subclasses__())
    return ops


def test_every_write_in_the_window_is_declared() -> None:
    writes = _writes_in_ui()
    assert len(writes) > 60  # the scan sees the window's writes
    missing = []
    for module, cls_name, op in writes:
        if op in permissions.SYSTEM_OPERATIONS or (cls_name, op) in EXEMPT:
            continue
        cls = getattr(importlib.import_module(module), cls_name, None) if cls_name else None
        if cls is None or op not in _declared_anywhere(cls):
            missing.append(f"{module}.{cls_name}: {op}")
    assert not missing, "write buttons not declared in GUARDS (ui/permissions.py):\n" + "\n".join(missing)


def test_the_completeness_check_catches_an_undeclared_write(monkeypatch: pytest.MonkeyPatch) -> None:
    from archive_desk.ui.areas.lending.open_loans import OpenLoansPanel

    monkeypatch.setattr(OpenLoansPanel, "GUARDS", {})
    assert "loans.renew" not in _declared_anywhere(OpenLoansPanel)
    with pytest.raises(AssertionError, match="OpenLoansPanel: loans.renew"):
        test_every_write_in_the_window_is_declared()
