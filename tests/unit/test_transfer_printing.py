"""The printed transfer papers: 移交清册, 交接文据, 销毁清册 — text as pdftotext reads it, fonts, pages."""

from __future__ import annotations

import re
from datetime import date

import pytest

from archive_desk.printing.destruction_list import DestructionLine, DestructionList, KeptLine, render_destruction_list
from archive_desk.printing.handover_certificate import CategoryQuantity, HandoverCertificate, render_handover_certificate
from archive_desk.printing.transfer_list import TransferList, TransferListLine, render_transfer_list, totals

from printing_helpers import pdf_fonts, pdf_pages, pdf_text, rasterise

TITLES = (
    "张伟机动车辆保险追尾事故理赔案卷",
    "临川市某某物流有限公司货物运输保险暴雨水淹理赔案卷（含查勘报告、定损单、赔款计算书及现场照片）",
    "李娜住院医疗理赔案卷",
    "王芳家庭财产保险管道爆裂理赔案卷",
)


def _lines(n: int) -> tuple[TransferListLine, ...]:
    out = []
    for i in range(1, n + 1):
        out.append(TransferListLine(
            seq=i, code=f"Z109-LP·2019-D30-{i:04d}", title=f"{TITLES[i % len(TITLES)]}{i}号", year="2019",
            retention=("定期30年", "永久", "定期10年")[i % 3], item_count=3 + i % 5, pages=10 + i % 40,
            notes="缺，未接收" if i == 7 else ("清单 20 页，实点 19 页" if i == 9 else ""), counted=i != 7,
        ))
    return tuple(out)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_transfer_list_holds_every_line_totals_and_signatures_in_two_copies() -> None:
    lines = _lines(100)
    data = TransferList(batch_no="JS-2026-003", from_unit="理赔部", to_unit="江南财产保险股份有限公司临川分公司档案室", lines=lines,
                        transfer_date=date(2026, 3, 2), nature="移交", from_handler="张三", to_handler="李四")
    pdf = render_transfer_list(data)
    assert isinstance(pdf, bytes)
    pages = pdf_pages(pdf)
    assert pages % 2 == 0 and pages >= 6  # two copies, each several pages
    text = pdf_text(pdf)
    flat = _flat(text)
    tot = totals(lines)
    assert (tot.volumes, tot.items) == (len(lines) - 1, sum(ln.item_count for ln in lines if ln.seq != 7))
    assert flat.count(_flat(f"共 {tot.volumes} 卷 {tot.items} 件 {tot.pages} 页")) >= 4  # info block and totals row, per copy
    for ln in lines:
        assert flat.count(_flat(ln.code)) == 2, ln.code  # once per copy
        assert _flat(ln.title)[:10] in flat
    assert flat.count("移交人：张三") == 2 and flat.count("接收人：李四") == 2
    assert "第一联：移交单位留存" in flat and "第二联：接收单位留存" in flat
    # the header row is repeated on every page, and each copy is numbered on its own
    half = pages // 2
    for page in range(1, pages + 1):
        page_text = _flat(pdf_text(pdf, page=page))
        assert "序号" in page_text and "案卷题名" in page_text and "件数/页数" in page_text, page
        n = page if page <= half else page - half
        assert f"第{n}页共{half}页" in page_text
    # signatures sit on the last page of each copy together with the totals row
    last = _flat(pdf_text(pdf, page=half))
    assert "合计" in last and "移交人" in last and lines[-1].code.replace("·", "") in last.replace("·", "")


def test_transfer_list_uses_only_embedded_fonts_and_draws_ink() -> None:
    data = TransferList(batch_no="JS-2026-004", from_unit="理赔部", to_unit="档案室", lines=_lines(12))
    pdf = render_transfer_list(data, copies=1)
    fonts = pdf_fonts(pdf)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    (page,) = rasterise(pdf, 40)
    assert page.getbbox() is not None
    assert page.getextrema()[0] < 100  # there is dark ink on the page


def test_handover_certificate_holds_units_nature_quantities_and_finding_aids() -> None:
    cert = HandoverCertificate(
        batch_no="YC-2026-001", from_unit="临川市城市建设投资集团有限公司档案室", to_unit="临川市档案馆", nature="寄存",
        transfer_date=date(2026, 10, 15), years="2005—2009",
        quantities=(CategoryQuantity("科技（KJ）", 120, 480, 0, 3.6), CategoryQuantity("文书（WS）", 0, 950, 38, 1.14)),
        finding_aids="案卷目录一式三份；全宗介绍一份", from_leader="王建国", from_handler="王芳", to_leader="邵文博", to_handler="孟庆华",
    )
    pdf = render_handover_certificate(cert)
    assert pdf_pages(pdf) == 2
    assert all(f["emb"] == "yes" for f in pdf_fonts(pdf))
    flat = _flat(pdf_text(pdf))
    for needle in ("档案交接文据", "临川市城市建设投资集团有限公司档案室", "临川市档案馆", "■寄存", "□移交", "2005—2009", "2026年10月15日",
                   "科技（KJ）", "文书（WS）", "案卷目录一式三份；全宗介绍一份", "负责人：王建国", "经办人：孟庆华", "第二联：接收单位留存"):
        assert flat.count(_flat(needle)) >= 2 or needle in ("第二联：接收单位留存",), needle
    page = _flat(pdf_text(pdf, page=1))
    assert "合计" in page and "120" in page and "1430" in page and "4.74" in page  # 480 + 950 items, 3.6 + 1.14 m


def test_destruction_list_holds_lines_counts_witnesses_and_kept_volumes() -> None:
    lines = tuple(DestructionLine(i, f"Z109-LP·2006-D10-{i:04d}", f"{TITLES[i % 4]}{i}", "2006", "定期10年", "11年", 20 + i, "")
                  for i in range(1, 61))
    kept = (KeptLine(1, "Z109-LP·2006-D10-0100", "某案卷", "2006", "定期10年", "定期30年", "涉及未决诉讼"),)
    d = DestructionList(list_no="XH-2017-001", year=2017, fonds="Z109 江南财产保险股份有限公司临川分公司", lines=lines, kept=kept,
                        lead="王建国", approver="刘志强", witness1="王芳", witness2="陈静", destroyed_on=date(2017, 6, 20))
    pdf = render_destruction_list(d)
    assert all(f["emb"] == "yes" for f in pdf_fonts(pdf))
    flat = _flat(pdf_text(pdf))
    pages = sum(20 + i for i in range(1, 61))
    assert flat.count(_flat(f"共 60 卷 {pages} 页")) >= 2
    for ln in lines:
        assert _flat(ln.code) in flat
    for needle in ("档案销毁清册", "全宗号：Z109", "鉴定负责人：王建国", "批准人：刘志强", "监销人：王芳", "监销人：陈静", "2017年6月20日",
                   "应保管期限", "已保管期限", "鉴定后续存档案清单", "涉及未决诉讼", "定期30年"):
        assert _flat(needle) in flat, needle


@pytest.mark.parametrize("empty", ["transfer", "destruction"])
def test_nothing_to_print_is_said_plainly(empty: str) -> None:
    from archive_desk.errors import UserError

    with pytest.raises(UserError):
        if empty == "transfer":
            render_transfer_list(TransferList(batch_no="X", from_unit="", to_unit="", lines=()))
        else:
            render_destruction_list(DestructionList(list_no="X", year=2026, fonds="", lines=()))
