"""The room's official paper forms as a clerk gets them: printed from the catalogue, read back with pdftotext."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.i18n import set_language
from archive_desk.services import setup, transfers
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


def test_transfer_print_in_an_english_environment_gives_the_chinese_form(db: Database, db_path: Path, batch, tmp_path: Path) -> None:  # noqa: ANN001
    _vols, b = batch
    db.dispose()
    out = tmp_path / "list.pdf"
    result = run("transfer", "print", b.batch_no, "-o", str(out), "--db", str(db_path), lang="en_US.UTF-8")
    assert result.returncode == 0, result.stderr
    text = flat(pdftext(out))
    assert "档案移交清册" in text and "Archivestransferlist" not in text
    assert "第1页共1页" in text and "移交人" in text


def test_the_form_language_setting_prints_english_forms(db: Database, actor: Actor, batch) -> None:  # noqa: ANN001
    from archive_desk.printing.handover_certificate import render_handover_certificate
    from archive_desk.printing.transfer_list import render_transfer_list

    _vols, b = batch
    with db.write() as s:
        setup.set_setting(s, actor, setup.FORM_LANGUAGE, "en")
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
