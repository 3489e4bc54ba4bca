"""The 借阅单 and the 催还 reminder as a person gets them: text read back with pdftotext, fonts checked
with pdffonts, pages rendered with pdftoppm."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from archive_desk.errors import ValidationError
from archive_desk.printing.loan_slip import LoanSlip, SlipLine, render_loan_slip
from archive_desk.printing.overdue_notice import OverdueLine, OverdueNotice, render_overdue_notices

PURPOSES = ("工作查考", "编史修志", "学术研究", "保险理赔", "法律诉讼", "其他")
USES = ("查阅", "外借", "复制", "摘录")


def slip(lines: int = 3) -> LoanSlip:
    return LoanSlip(
        slip_no="JY2026-000123", borrower="李明", unit="临川市中级人民法院", phone="0794-8221234", borrower_kind="外单位",
        id_number="**************002X", purpose="法律诉讼", use_mode="外借", purposes=PURPOSES, uses=USES,
        lines=tuple(SlipLine(f"Z109-LP·2019-D30-{i:04d}", f"张伟机动车辆保险追尾事故理赔案卷{i}", "秘密" if i == 1 else "公开", 40 + i)
                    for i in range(1, lines + 1)),
        lent_on=datetime(2026, 3, 2, 9, 30), due_on=date(2026, 3, 16), approver="王建国", opinion="同意外借，注意保密",
        clerk="赵敏", notes="凭介绍信借阅", room="江南财险临川分公司档案室",
    )


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def fonts_of(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [line.split() for line in out]


def assert_all_fonts_embedded(pdf: Path) -> None:
    rows = fonts_of(pdf)
    assert rows, "no fonts at all"
    for row in rows:
        # name type [type2] encoding emb sub uni id gen: "emb" is the 4th from the end but three
        assert row[-5] == "yes", f"font not embedded: {row}"
        assert "Helvetica" not in row[0]


@pytest.mark.parametrize(("paper", "copies", "pages"), [("A4", 1, 1), ("A4", 2, 1), ("A5", 1, 1), ("A5", 2, 2)])
def test_the_slip_holds_every_field_in_every_layout(tmp_path: Path, paper: str, copies: int, pages: int) -> None:
    pdf = tmp_path / f"slip-{paper}-{copies}.pdf"
    render_loan_slip(slip(), paper=paper, copies=copies, out=pdf)
    text = text_of(pdf)
    squeezed = re.sub(r"\s+", "", text)
    for field in ("档案借阅单", "借阅单号", "JY2026-000123", "借阅人", "李明", "单位/部门", "临川市中级人民法院", "联系方式",
                  "0794-8221234", "外单位", "证件号码", "**************002X", "借阅目的", "■法律诉讼", "□工作查考", "利用方式",
                  "■外借", "□查阅", "档号", "题名", "密级", "页数", "Z109-LP·2019-D30-0001", "张伟机动车辆保险追尾事故理赔案卷1",
                  "秘密", "41", "借阅日期", "2026-03-0209:30", "应还日期", "2026-03-16", "审批人", "王建国", "审批意见",
                  "同意外借，注意保密", "经办人", "赵敏", "备注", "凭介绍信借阅", "借阅人签字", "经办人签字", "归还情况",
                  "归还日期", "是否完好", "□完好", "□破损", "签收人", "共3卷126页", "江南财险临川分公司档案室"):
        assert field in squeezed, f"{field} missing from the {paper}×{copies} slip"
    if copies == 2:
        assert "第一联" in squeezed and "第二联" in squeezed and squeezed.count("JY2026-000123") == 2
    pdfinfo = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+(\d+)", pdfinfo).group(1) == str(pages)  # type: ignore[union-attr]
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", pdfinfo)
    assert size is not None
    w, h = float(size.group(1)), float(size.group(2))
    assert (round(w), round(h)) == ((595, 842) if paper == "A4" else (595, 420))
    assert_all_fonts_embedded(pdf)


def test_a_long_slip_continues_with_its_header_repeated(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    render_loan_slip(slip(lines=40), paper="A4", copies=2, out=pdf)
    text = re.sub(r"\s+", "", text_of(pdf))
    assert "Z109-LP·2019-D30-0040" in text and "共40卷" in text
    assert text.count("题名") >= 4  # the line table's header repeats where the slip continues


def test_a_slip_too_long_for_half_a_sheet_is_never_cut_apart(tmp_path: Path) -> None:
    pdf = tmp_path / "fourteen.pdf"
    render_loan_slip(slip(lines=14), paper="A4", copies=2, out=pdf)
    pages = [re.sub(r"\s+", "", subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                                               text=True, check=True).stdout) for n in (1, 2)]
    for page, copy in zip(pages, ("第一联", "第二联"), strict=True):  # each copy whole on its own page
        assert copy in page and "Z109-LP·2019-D30-0014" in page and "签收人" in page
    nine = tmp_path / "nine.pdf"
    render_loan_slip(slip(lines=9), paper="A4", copies=2, out=nine)
    assert re.search(r"Pages:\s+1\n", subprocess.run(["pdfinfo", str(nine)], capture_output=True, text=True, check=True).stdout)


def test_slip_options_are_checked() -> None:
    with pytest.raises(ValidationError):
        render_loan_slip(slip(), paper="B5")
    with pytest.raises(ValidationError):
        render_loan_slip(slip(), copies=3)


def test_the_reminder_lists_each_overdue_volume(tmp_path: Path) -> None:
    notices = [
        OverdueNotice("张伟", "理赔部", "13800001111", (
            OverdueLine("JY2026-000101", "Z109-LP·2019-D30-0001", "张伟机动车辆保险追尾事故理赔案卷", date(2026, 3, 2), date(2026, 3, 16), 12),
            OverdueLine("JY2026-000108", "Y201-BL·2015-D30-0042", "冯伟住院病历（内科·肺炎）", date(2026, 3, 5), date(2026, 3, 19), 9),
        ), date(2026, 3, 28), "档案室", "0794-8220000", "赵敏"),
        OverdueNotice("李明", "临川市中级人民法院", "0794-8221234", (
            OverdueLine("JY2026-000111", "Z109-LP·2020-D30-0007", "王芳家庭财产保险暴雨水淹理赔案卷", date(2026, 3, 9), date(2026, 3, 23), 5),
        ), date(2026, 3, 28), "档案室", "", "赵敏"),
    ]
    pdf = tmp_path / "notices.pdf"
    render_overdue_notices(notices, out=pdf)
    text = re.sub(r"\s+", "", text_of(pdf))
    for field in ("档案催还通知单", "尊敬的张伟", "理赔部", "13800001111", "JY2026-000101", "Z109-LP·2019-D30-0001", "2026-03-16", "12",
                  "Y201-BL·2015-D30-0042", "尊敬的李明", "临川市中级人民法院", "电话：0794-8220000", "经办人", "赵敏", "第1页共1页"):
        assert field in text, field
    assert text.index("尊敬的张伟") < text.index("尊敬的李明")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2\n", info)
    assert_all_fonts_embedded(pdf)
