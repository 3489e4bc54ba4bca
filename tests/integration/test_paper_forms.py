"""The room's official paper forms as a clerk gets them: printed from the catalogue, read back with pdftotext."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import workstation_config

from archive_desk.db.engine import Database
from archive_desk.i18n import set_language
from archive_desk.services import catalogue, room_settings, transfers
from archive_desk.services.audit import Actor


def run(*args: str, lang: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "LC_ALL": lang}
    return subprocess.run([sys.executable, "-m", "archive_desk", *args], capture_output=True, text=True, env=env, check=False, timeout=300)


def pdftext(pdf: Path | bytes) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return out


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def batch(db: Database, actor: Actor, make_volume):  # noqa: ANN001, ANN201
    """A confirmed handing-over batch of two claims volumes."""
    vols = [make_volume(year=2005, retention="D10", custom={}) for _ in range(2)]
    with db.write() as s:
        b = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆", to_handler="孟庆华",
                                   transfer_date=date(2026, 10, 15))
        transfers.add_volumes(s, actor, b.id, [v.id for v in vols])
        transfers.confirm_batch(s, actor, b.id)
    return vols, b


def test_transfer_print_in_an_english_environment_gives_the_chinese_form(db: Database, db_target: str, batch, tmp_path: Path) -> None:  # noqa: ANN001
    _vols, b = batch
    db.dispose()
    out = tmp_path / "list.pdf"
    result = run("transfer", "print", b.batch_no, "-o", str(out), "--db", db_target, lang="en_US.UTF-8")
    assert result.returncode == 0, result.stderr
    text = flat(pdftext(out))
    assert "档案移交清册" in text and "Archivestransferlist" not in text
    assert "第1页共1页" in text and "移交人" in text


def test_the_form_language_setting_prints_english_forms(db: Database, actor: Actor, batch) -> None:  # noqa: ANN001
    from archive_desk.printing.handover_certificate import render_handover_certificate
    from archive_desk.printing.transfer_list import render_transfer_list

    _vols, b = batch
    with db.write() as s:
        room_settings.update(s, actor, form_language="en")
    set_language("zh_CN")
    with db.read() as s:
        text = flat(pdftext(render_transfer_list(transfers.transfer_list_data(s, b.id))))
        cert = flat(pdftext(render_handover_certificate(transfers.certificate_data(s, b.id))))
    assert "Archivestransferlist" in text and "移交清册" not in text and "Page1of1" in text
    assert "Archiveshandovercertificate" in cert and "交接文据" not in cert


def test_forms_print_in_chinese_under_an_english_ui(db: Database, batch) -> None:  # noqa: ANN001
    from archive_desk.printing.destruction_list import DestructionLine, DestructionList, render_destruction_list
    from archive_desk.printing.forms import render_volume_forms
    from archive_desk.services import labels

    vols, b = batch
    set_language("en")
    with db.read() as s:
        forms = flat(pdftext(render_volume_forms(labels.volume_forms(s, [vols[0].id]))))
    assert "卷内文件目录" in forms and "备考表" in forms and "Itemlist" not in forms
    pdf = render_destruction_list(DestructionList("XH-2026-001", 2026, "Z109", (DestructionLine(1, "Z109-LP·2005-D10-0001", "题名"),)))
    assert "档案销毁清册" in flat(pdftext(pdf))


def test_a_10000_character_title_prints_shortened_in_forms_and_the_transfer_list(db: Database, db_target: str, actor: Actor,
                                                                                  make_volume, tmp_path: Path) -> None:  # noqa: ANN001
    long_title = "关于某某理赔案件的调查报告" * 770  # 10,010 characters
    vol = make_volume(title=long_title)
    with db.write() as s:
        b = transfers.create_batch(s, actor, "out", from_unit="档案室", to_unit="临川市档案馆", transfer_date=date(2026, 10, 15))
        transfers.add_volumes(s, actor, b.id, [vol.id])
    db.dispose()
    forms_pdf, list_pdf = tmp_path / "forms.pdf", tmp_path / "list.pdf"
    result = run("forms", "--codes", vol.code, "-o", str(forms_pdf), "--db", db_target)
    assert result.returncode == 0, result.stderr
    result = run("transfer", "print", b.batch_no, "-o", str(list_pdf), "--db", db_target)
    assert result.returncode == 0, result.stderr
    for pdf in (forms_pdf, list_pdf):
        text = flat(pdftext(pdf))
        assert "关于某某理赔案件的调查报告" in text and "…" in text


def test_the_transfer_list_keeps_each_code_on_one_line_agrees_with_its_certificate_and_dates_the_signatures(
        db: Database, actor: Actor) -> None:
    from archive_desk.printing.handover_certificate import render_handover_certificate
    from archive_desk.printing.transfer_list import render_transfer_list

    with db.write() as s:
        catalogue.create_fonds(s, actor, "G001", "临川市城市建设投资集团有限公司")
        b = transfers.create_batch(s, actor, "in", from_unit="理赔部", transfer_date=date(2026, 3, 2), from_handler="张三", to_handler="李四")
        lines = [transfers.add_line(s, actor, b.id, {"code": f"G001-WS·2011-D30-LPB-H{i:03d}", "title": f"理赔部2011年文件{i}",
                                                     "item_count": 8 + i, "pages": 40 + i}) for i in range(1, 5)]
        for ln in lines:
            transfers.set_found(s, actor, ln.id, True)
        transfers.confirm_batch(s, actor, b.id)
    with db.read() as s:
        confirmed = transfers.get_batch(s, b.id).confirmed_at.date()
        listing = pdftext(render_transfer_list(transfers.transfer_list_data(s, b.id), copies=1))
        cert = pdftext(render_handover_certificate(transfers.certificate_data(s, b.id), copies=1))
    for i in range(1, 5):  # each 档号 whole on one line
        assert f"G001-WS·2011-D30-LPB-H{i:03d}" in listing
    # 4 boxes of item-filed documents: the list says 盒 as the certificate does, never "4 卷"
    assert "共 4 盒 42 件 170 页" in listing and "卷" not in flat(listing).split("数量")[1].split("序号")[0]
    cert_row = next(line for line in cert.splitlines() if "文书（WS）" in line).split()
    assert cert_row[1:4] == ["0", "42", "4"]  # 卷 0, 件 42, 盒 4
    day = f"{confirmed.year}年{confirmed.month}月{confirmed.day}日"
    assert flat(listing).count(f"日期：{day}") == 2 and flat(cert).count(f"日期：{day}") == 2


def test_the_certificate_counts_what_was_received_and_names_what_is_missing(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.printing.handover_certificate import render_handover_certificate

    with db.write() as s:
        b = transfers.create_batch(s, actor, "in", from_unit="理赔部", transfer_date=date(2026, 3, 2))
        lines = [transfers.add_line(s, actor, b.id, {"code": f"Z109-LP·2019-D30-{i:04d}", "title": f"理赔案卷{i}", "item_count": 3, "pages": 20})
                 for i in range(1, 21)]
        for ln in lines[:13]:
            transfers.set_found(s, actor, ln.id, True)
    with db.read() as s:
        data = transfers.certificate_data(s, b.id)
        text = flat(pdftext(render_handover_certificate(data, copies=1)))
    assert sum(q.volumes for q in data.quantities) == 13
    assert "清单所列未到" in text and "共7个" in text
    assert all(f"Z109-LP·2019-D30-{i:04d}" in text for i in range(14, 21))
    assert "Z109-LP·2019-D30-0001" not in text


def test_the_destruction_list_calls_boxes_boxes() -> None:
    from archive_desk.printing.destruction_list import DestructionLine, DestructionList, render_destruction_list

    lines = (DestructionLine(1, "G001-WS·2005-D10-BGS-H001", "办公室2005年文件", pages=30, boxed=True),
             DestructionLine(2, "G001-WS·2005-D10-BGS-H002", "办公室2005年文件", pages=20, boxed=True))
    text = flat(pdftext(render_destruction_list(DestructionList("XH-2026-001", 2026, "G001", lines))))
    assert "共2盒50页" in text and "共2卷" not in text


def test_room_and_clerk_commands_set_what_the_forms_print(db: Database, db_target: str, batch, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    vols, b = batch
    db.dispose()
    monkeypatch.setenv("ARCHIVE_DESK_CONFIG_DIR", str(workstation_config(tmp_path / "config")))  # this workstation's settings
    assert run("clerk", "王芳").stdout.strip() == "王芳"
    forms = tmp_path / "forms.pdf"
    assert run("forms", "--codes", vols[0].code, "--parts", "notes", "-o", str(forms), "--db", db_target).returncode == 0
    assert "立卷人：王芳" in flat(pdftext(forms))
    result = run("room", "--org", "临川市城市建设投资集团有限公司", "--form-language", "en", "--db", db_target)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "list.pdf"
    assert run("transfer", "print", b.batch_no, "-o", str(out), "--db", db_target).returncode == 0
    assert "Archivestransferlist" in flat(pdftext(out))


def test_the_transfer_workbook_is_the_chinese_form_under_an_english_ui(db: Database, batch, tmp_path: Path) -> None:  # noqa: ANN001
    import openpyxl

    from archive_desk.exporting.transfers import write_transfer_workbook

    _vols, b = batch
    set_language("en")
    with db.read() as s:
        out = write_transfer_workbook(transfers.transfer_list_data(s, b.id), tmp_path / "list.xlsx", transfers.certificate_data(s, b.id))
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["移交清册", "交接文据"]
    cells = {str(c) for row in wb["移交清册"].iter_rows(values_only=True) for c in row if c}
    wb.close()
    assert "档案移交清册" in cells and any(c.startswith("日期：20") for c in cells)  # dated: the batch was confirmed


def test_the_loan_slip_never_prints_the_login_name_as_clerk(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.printing.loan_slip import render_loan_slip
    from archive_desk.services import loans

    vol = make_volume()
    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "card_no": "YG0001"})
        loan = loans.lend(s, actor, borrower.id, [vol.id], "工作查考", "查阅", date.today())  # no clerk named at the desk
    with db.read() as s:
        slip = loans.slip_data(s, loan.id)
    text = flat(pdftext(render_loan_slip(slip)))
    assert slip.clerk == "" and actor.user not in text and "经办人" in text  # a blank line for the clerk's pen
