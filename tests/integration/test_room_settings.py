"""The room's settings: declared once, read typed, changed only through one checked and audited writer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import workstation_config
from sqlalchemy import select

from archive_desk.db.engine import Database
from archive_desk.errors import UserError
from archive_desk.i18n import set_language
from archive_desk.models import AuditEntry, CatalogueSetting
from archive_desk.services import loans, room_settings, setup
from archive_desk.services.audit import Actor


def _setting_changes(db: Database) -> list[tuple[dict, dict]]:
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "setting.change").order_by(AuditEntry.id)).all()
        return [(json.loads(r.before), json.loads(r.after)) for r in rows]


def test_every_setting_is_declared_once_with_a_label_and_a_description() -> None:
    assert [f.name for f in fields(room_settings.RoomSettings)] == [s.key for s in room_settings.SPECS]
    set_language("en")
    for spec in room_settings.SPECS:
        assert spec.label() and spec.description() and spec.label() != spec.key
        assert spec.check(room_settings._plain(spec.default)) == room_settings._plain(spec.default)
    set_language("zh_CN")
    assert room_settings.BY_KEY["loan_period_days"].label() == "借阅期限（天）"


def test_a_new_catalogue_reads_the_defaults(db: Database) -> None:
    rs = room_settings.read(db)
    assert rs == room_settings.defaults()
    assert rs.loan_period_days == 14 and rs.room_name == "档案室" and rs.form_language == "zh_CN"
    assert "外借" in rs.loan_uses and rs.approval_rules["security_at_or_above"] == "秘密"
    assert rs.retention_years["D30"] == 30 and rs.label_scanners == "2d" and rs.room_address == ""


def test_a_catalogue_without_a_stored_setting_or_with_a_broken_one_reads_the_default(db: Database) -> None:
    with db.write() as s:
        s.delete(s.get(CatalogueSetting, "loan_period_days"))
        s.get(CatalogueSetting, "loan_uses").value = "not a list"
    rs = room_settings.read(db)
    assert rs.loan_period_days == 14 and rs.loan_uses == ("查阅", "外借", "复制", "摘录")


def test_a_change_is_stored_audited_with_before_and_after_and_read_back(db: Database, actor: Actor) -> None:
    with db.write() as s:
        rs = room_settings.update(s, actor, loan_period_days=30, org_name=" 江南财产保险股份有限公司临川分公司 ",
                                  loan_uses=["查阅", "复制"])
    assert rs.loan_period_days == 30 and rs.loan_uses == ("查阅", "复制")
    assert room_settings.read(db).unit_name == "江南财产保险股份有限公司临川分公司档案室"
    assert setup.unit_name(db) == "江南财产保险股份有限公司临川分公司档案室"
    assert _setting_changes(db) == [
        ({"loan_period_days": 14, "org_name": "", "loan_uses": ["查阅", "外借", "复制", "摘录"]},
         {"loan_period_days": 30, "org_name": "江南财产保险股份有限公司临川分公司", "loan_uses": ["查阅", "复制"]})]
    with db.write() as s:  # the same value again changes nothing and writes no audit entry
        room_settings.update(s, actor, loan_period_days=30)
    assert len(_setting_changes(db)) == 1


@pytest.mark.parametrize(("changes", "words"), [
    ({"loan_period_days": "30"}, "Loan period (days) (loan_period_days): It must be a whole number from 1 to 366"),
    ({"loan_period_days": 0}, "(loan_period_days): It must be a whole number from 1 to 366"),
    ({"loan_period_days": True}, "(loan_period_days)"),
    ({"form_language": "fr"}, "Form language (form_language): It must be one of zh_CN, en"),
    ({"loan_purposes": []}, "Loan purposes (loan_purposes): It must be a list of one or more names"),
    ({"approval_rules": {"security_at_or_above": "very secret"}}, "Approval rules (approval_rules): security_at_or_above"),
    ({"approval_rules": {"weekends": True}}, "There is no approval rule weekends"),
    ({"location_code_pattern": "{room}-{rack}"}, "Location code pattern (location_code_pattern): The location code pattern needs"),
    ({"retention_years": {"D30": "thirty"}}, "Retention years (retention_years)"),
    ({"label_scanners": "3d"}, "Scanners (label_scanners): It must be one of 2d, 1d"),
    ({"loan_period": 30}, "There is no room setting loan_period."),
])
def test_a_wrong_value_or_an_unknown_setting_is_refused_naming_it_and_nothing_is_written(
        db: Database, actor: Actor, changes: dict, words: str) -> None:
    set_language("en")
    with pytest.raises(UserError) as refused, db.write() as s:
        room_settings.update(s, actor, room_name="新档案室", **changes)
    assert words in refused.value.message
    assert refused.value.field == next(iter(changes))
    assert room_settings.read(db).room_name == "档案室"  # the good change in the same call was not written either
    assert _setting_changes(db) == []


def test_the_refusal_is_in_chinese_for_a_chinese_user(db: Database, actor: Actor) -> None:
    with pytest.raises(UserError) as refused, db.write() as s:
        room_settings.update(s, actor, loan_period_days=999)
    assert "借阅期限（天）" in refused.value.message and "1" in refused.value.message and "366" in refused.value.message


def test_the_loan_period_setting_sets_a_new_loans_due_date(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    today = date.today()
    with db.read() as s:
        assert loans.default_due_date(s, today) == today + timedelta(days=14)
    with db.write() as s:
        room_settings.update(s, actor, loan_period_days=30)
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "phone": "13800001111", "card_no": "yg0001"})
    vol = make_volume()
    with db.write() as s:
        slip = loans.lend(s, actor, borrower.id, [vol.id], "工作查考", "外借", loans.default_due_date(s, today), "王建国", "同意")
    assert slip.due_date == today + timedelta(days=30)


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_US.UTF-8", "ARCHIVE_DESK_CONFIG_DIR": str(workstation_config(home / "config")),
           "ARCHIVE_DESK_DATA_DIR": str(home / "data")}
    return subprocess.run([sys.executable, "-m", "archive_desk", "--lang=en", *args], capture_output=True, text=True,
                          env=env, check=False, timeout=300)


def test_the_room_command_shows_every_setting_and_sets_any_by_name(db: Database, db_target: str, tmp_path: Path) -> None:
    db.dispose()
    shown = run("room", "--db", db_target, home=tmp_path)
    assert shown.returncode == 0, shown.stderr
    for spec in room_settings.SPECS:
        assert f"({spec.key}): " in shown.stdout
    assert "Loan period (days) (loan_period_days): 14" in shown.stdout

    changed = run("room", "--db", db_target, "--set", "loan_period_days=30", "--set", "loan_uses=查阅、复制",
                  "--set", 'approval_rules={"security_at_or_above": "机密", "outside_borrowers": false, "take_away": true}',
                  "--name", "二号档案室", home=tmp_path)
    assert changed.returncode == 0, changed.stderr
    assert "(loan_period_days): 30" in changed.stdout and "(loan_uses): 查阅, 复制" in changed.stdout
    rs = room_settings.read(db)
    assert (rs.loan_period_days, rs.loan_uses, rs.room_name) == (30, ("查阅", "复制"), "二号档案室")
    assert rs.approval_rules["security_at_or_above"] == "机密" and rs.approval_rules["outside_borrowers"] is False
    assert len(_setting_changes(db)) == 1

    for bad, words in ((["--set", "loan_period_days=thirty"], "Loan period (days) (loan_period_days): It must be a whole number"),
                       (["--set", "no_such=1"], "There is no room setting no_such."),
                       (["--set", "loan_period_days"], "--set takes KEY=VALUE"),
                       (["--set", "approval_rules={"], "Approval rules (approval_rules) takes JSON")):
        refused = run("room", "--db", db_target, *bad, home=tmp_path)
        assert refused.returncode == 2 and words in refused.stderr, (bad, refused.stderr)
    assert room_settings.read(db).loan_period_days == 30
    db.dispose()


def test_a_workstation_setting_of_the_wrong_type_reads_as_its_default(tmp_path: Path) -> None:
    from archive_desk.settings import BACKUP_INTERVAL_MINUTES_DEFAULT, Settings

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"clerk_name": "王芳", "backup_interval_minutes": "often", "backup_at_exit": 1,
                                "backup_keep": ["daily"], "calibration": {"P1": {"offset_x_mm": 0.5}}, "nonsense": 3}),
                    encoding="utf-8")
    settings = Settings.load(path)
    assert settings.clerk_name == "王芳" and settings.calibration == {"P1": {"offset_x_mm": 0.5}}
    assert settings.backup_interval_minutes == BACKUP_INTERVAL_MINUTES_DEFAULT and settings.backup_at_exit is True
    assert settings.backup_keep == {"daily": 7, "weekly": 4, "monthly": 12}
    path.write_text("[1, 2]", encoding="utf-8")
    assert Settings.load(path) == Settings()


def test_the_scanner_choices_are_the_label_printers_kinds() -> None:
    """The setting offers exactly the kinds the label printer knows (spelt twice to keep reportlab off the start)."""
    from archive_desk.printing import barcodes

    assert room_settings.SCANNER_KINDS == barcodes.SCANNER_KINDS
