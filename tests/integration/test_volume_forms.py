"""Volume forms (案卷封面, 卷内文件目录 / 归档文件目录, 备考表) printed from the catalogue, read back as a clerk reads them."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest

from archive_desk.db.engine import Database
from archive_desk.printing.forms import render_volume_forms
from archive_desk.services import catalogue, labels
from archive_desk.services.audit import Actor


def pdftext(pdf: bytes, page: int | None = None) -> str:
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(pdf: bytes) -> list[tuple[str, bool]]:
    """(text, portrait) of every page."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    return [(flat(pdftext(pdf, i)), h > w) for i, (w, h) in enumerate(sizes, start=1)]


@pytest.fixture
def claim_volume(db: Database, actor: Actor, make_volume):  # noqa: ANN001, ANN201
    vol = make_volume(year=2005, title="张伟机动车辆保险追尾事故理赔案卷", start_date=date(2005, 2, 10), end_date=date(2005, 12, 15),
                      custom={"claim_no": "PDAA200500001234", "policy_no": "PDZA2005000099", "insured": "张伟"})
    with db.write() as s:
        for title, pages in (("出险通知书", 24), ("赔款收据", 1)):
            catalogue.add_item(s, actor, vol.id, {"title": title, "pages": pages, "date": date(2005, 2, 10), "responsible": "理赔部"})
    return vol


def test_the_item_list_prints_portrait_between_cover_and_notes_with_one_page_items_as_one_number(db: Database, claim_volume) -> None:  # noqa: ANN001
    with db.read() as s:
        pdf = render_volume_forms(labels.volume_forms(s, [claim_volume.id], clerk="王芳", checker="李娜", checked_on=date(2006, 3, 1)))
    pages = _pages(pdf)
    assert [p[1] for p in pages] == [True, True, True]  # cover, 卷内文件目录, 备考表: all portrait
    cover, items, notes = (p[0] for p in pages)
    assert "卷内文件目录" in items and "1-24" in items and "25-25" not in items and "赔款收据" in items
    # cover: 类目名称 (not 门类), 归档号, and the claim's own fields the room files by
    assert "类目名称理赔" in cover and "门类" not in cover and "归档号001" in cover
    assert "赔案号PDAA200500001234" in cover and "保单号PDZA2005000099" in cover and "被保险人张伟" in cover
    assert "20050210—20051215" in cover
    # 备考表: the clerk's name, not the login name; no made-up 立卷日期 (the row was typed in 2026); the check filled in
    assert "立卷人：王芳" in notes and "clerk1" not in notes
    assert "检查人：李娜" in notes and "20060301" in notes
    assert date.today().strftime("%Y%m%d") not in notes


def test_a_box_of_items_prints_its_filing_list_with_each_items_own_code(db: Database, actor: Actor) -> None:
    with db.write() as s:
        fonds = catalogue.create_fonds(s, actor, "G001", "临川市城市建设投资集团有限公司")
        ws = catalogue.get_category(s, code="WS")
        box = catalogue.create_volume(s, actor, {"fonds_id": fonds.id, "category_id": ws.id, "year": 2011, "retention": "D30",
                                                 "org_code": "BGS", "title": "办公室2011年文件",
                                                 "item_start": 1, "item_end": 2})
        for i in (1, 2):
            catalogue.add_item(s, actor, box.id, {"title": f"关于档案工作的通知{i}", "doc_no": f"临城投办〔2011〕{i}号",
                                                  "pages": 3, "date": date(2011, 3, i)})
    with db.read() as s:
        forms = labels.volume_forms(s, [box.id])
    pages = _pages(render_volume_forms(forms))
    listing = next(text for text, _portrait in pages if "归档文件目录" in text)
    assert "卷内文件目录" not in listing
    codes = [it.code for it in forms[0].items]
    assert all(codes) and all(code in listing for code in codes)  # each 件's own 档号
    assert "临城投办〔2011〕1号" in listing  # and its 文号 beside it


def test_demo_volumes_never_end_before_they_start(tmp_path) -> None:  # noqa: ANN001
    import contextlib
    import sqlite3

    from archive_desk.services import demo

    path = tmp_path / "demo.sqlite"
    demo.build_demo(path, 3000)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        reversed_ = conn.execute("SELECT count(*) FROM volumes WHERE end_date < start_date").fetchone()[0]
        dated = conn.execute("SELECT count(*) FROM volumes WHERE start_date IS NOT NULL").fetchone()[0]
    assert dated > 2000 and reversed_ == 0


def test_an_end_date_before_the_start_date_is_refused_naming_both(db: Database, actor: Actor, make_volume) -> None:  # noqa: ANN001
    from archive_desk.errors import ValidationError

    with pytest.raises(ValidationError) as err:
        make_volume(start_date=date(2005, 12, 15), end_date=date(2005, 2, 10))
    message = err.value.problems["end_date"]
    assert "2005-02-10" in message and "2005-12-15" in message
