"""Setting up the room through the services the admin area calls: fonds, categories, 档号 rules, fields."""

from __future__ import annotations

import subprocess

import pytest

from archive_desk.db.engine import Database
from archive_desk.errors import DuplicateCodeError, ValidationError
from archive_desk.services import audit, catalogue, room_setup
from archive_desk.services.audit import Actor
from archive_desk.services.ops import operations


def test_every_write_of_the_admin_area_is_a_registered_operation() -> None:
    names = {op.name for op in operations()}
    assert {"setup.rename_fonds", "setup.set_fonds_active", "setup.create_category", "setup.update_category",
            "setup.set_category_active", "setup.update_category_field", "catalogue.create_fonds",
            "catalogue.add_category_field", "settings.update"} <= names


def test_a_fonds_is_renamed_deactivated_and_brought_back_with_audit(db: Database, actor: Actor) -> None:
    with db.write() as s:
        f = catalogue.create_fonds(s, actor, "Z9", "旧名")
        room_setup.rename_fonds(s, actor, f.id, "新名称")
        row = room_setup.set_fonds_active(s, actor, f.id, False)
    assert (row.name, row.active) == ("新名称", False)
    with db.read() as s:
        assert "Z9" not in room_setup.active_fonds_codes(s)
    with db.write() as s:
        assert room_setup.set_fonds_active(s, actor, f.id, True).active
    with db.read() as s:
        actions = [e.action for e in audit.history(s, "fonds", f.id)]
    assert {"fonds.rename", "fonds.deactivate", "fonds.activate"} <= set(actions)


def test_a_category_is_created_with_its_rule_and_a_broken_rule_is_refused(db: Database, actor: Actor) -> None:
    with db.write() as s:
        rec = room_setup.create_category(s, actor, "da", "档案", "Records", "{fonds}-{category}·{year}-{volume:4}", "Y")
    assert rec.code == "DA" and rec.pattern.example({"category": "DA"}).endswith("-0001")
    with pytest.raises(DuplicateCodeError), db.write() as s:
        room_setup.create_category(s, actor, "DA", "又一个", "", "{fonds}-{volume:3}", "Y")
    with pytest.raises(ValidationError) as caught, db.write() as s:
        room_setup.create_category(s, actor, "XX", "无号", "", "{fonds}-{category}", "Y")
    assert "code_pattern" in caught.value.problems


def test_a_rule_change_names_the_volumes_that_do_not_fit_and_is_refused_unless_accepted(
        db: Database, actor: Actor, make_volume, lp_category_id: int) -> None:  # noqa: ANN001
    made = [make_volume(title=f"卷{i}") for i in range(3)]
    new_rule = "{fonds}-{category}·{year}-{retention}-{volume:3}"  # LP volumes have 4-digit numbers
    with db.read() as s:
        check = room_setup.check_rule(s, lp_category_id, new_rule)
    assert check.checked == 3 and set(check.misfits) == {v.code for v in made}
    with pytest.raises(room_setup.RuleMisfitError) as caught, db.write() as s:
        room_setup.update_category(s, actor, lp_category_id, name_zh="理赔", name_en="Claims", code_pattern=new_rule,
                                   default_retention="D30")
    assert "3" in caught.value.message and made[0].code in caught.value.message
    with db.read() as s:
        assert catalogue.get_category(s, lp_category_id).code_pattern != new_rule
    with db.write() as s:
        rec = room_setup.update_category(s, actor, lp_category_id, name_zh="理赔", name_en="Claims", code_pattern=new_rule,
                                         default_retention="D30", accept_misfits=True)
    assert rec.code_pattern == new_rule


def test_a_field_is_relabelled_and_its_choices_changed(db: Database, actor: Actor, lp_category_id: int) -> None:
    with db.write() as s:
        catalogue.add_category_field(s, actor, lp_category_id, "kind", "类型", "Kind", "choice", ["甲", "乙"])
        rec = room_setup.update_category_field(s, actor, lp_category_id, "kind", label_zh="案件类型", label_en="Case kind",
                                               choices=["甲", "乙", "丙"])
    field = next(f for f in rec.fields if f.key == "kind")
    assert (field.label_zh, field.choices) == ("案件类型", ("甲", "乙", "丙"))


def test_the_sample_form_prints_the_rooms_own_name(db: Database, actor: Actor, make_volume, tmp_path) -> None:  # noqa: ANN001
    from archive_desk.services import room_settings

    volume = make_volume(title="样例案卷")
    with db.write() as s:
        room_settings.update(s, actor, org_name="临川市第一人民医院", room_name="病案室")
    with db.read() as s:
        pdf = room_setup.sample_form(s)
    (tmp_path / "f.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "f.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "临川市第一人民医院病案室" in text.replace(" ", "") and volume.code in text.replace(" ", "")
