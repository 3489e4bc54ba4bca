"""Volume forms and table documents (案卷封面, 卷内文件目录, 备考表, 归档文件目录)."""

from __future__ import annotations

import dataclasses

import re

import pytest

from archive_desk.errors import UserError
from archive_desk.i18n import set_language
from archive_desk.printing.data import FilingDirectory, ItemEntry, format_date
from archive_desk.printing.forms import item_list_document, render_filing_directories, render_volume_forms
from archive_desk.printing.tables import Column, Signature, TableDocument, render_table_documents

from printing_helpers import decode, pdf_fonts, pdf_pages, pdf_text, rasterise, require_poppler, volume_form


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    require_poppler()


@pytest.fixture(scope="module")
def two_volumes_pdf() -> tuple[bytes, list]:
    vols = [volume_form(80), volume_form(12, code="Z109-LP·2019-D30-0124")]
    return render_volume_forms(vols), vols


def _page_texts(pdf: bytes) -> list[str]:
    return [pdf_text(pdf, page=i).replace(" ", "") for i in range(1, pdf_pages(pdf) + 1)]


def test_batch_of_volumes_in_one_pdf(two_volumes_pdf) -> None:
    pdf, vols = two_volumes_pdf
    pages = _page_texts(pdf)
    covers = [i for i, p in enumerate(pages) if "起止日期" in p]
    notes = [i for i, p in enumerate(pages) if "卷内备考表" in p]
    lists = [i for i, p in enumerate(pages) if "卷内文件目录" in p]
    assert len(covers) == 2 and len(notes) == 2
    # volume 1: cover, item list over several pages, 备考表; then volume 2
    assert covers[0] == 0 and notes[0] > covers[0] + 2 and covers[1] == notes[0] + 1
    first_list = [i for i in lists if covers[0] < i < notes[0]]
    assert len(first_list) >= 3
    fonts_used = pdf_fonts(pdf)
    assert fonts_used and all(f["emb"] == "yes" for f in fonts_used)
    assert not any("Helvetica" in f["name"] for f in fonts_used)


def test_item_list_header_on_every_page_and_page_numbers(two_volumes_pdf) -> None:
    pdf, vols = two_volumes_pdf
    pages = _page_texts(pdf)
    first_list = [p for p in pages if "卷内文件目录" in p and "Z109-LP·2019-D30-0123" in p]
    total = len(first_list)
    assert total >= 3
    for n, text in enumerate(first_list, start=1):
        for head in ("序号", "档号/文号", "责任者", "题名", "日期", "密级", "页数", "页号", "备注"):
            assert head in text, (n, head)
        assert f"第{n}页共{total}页" in text
    # the second volume's list is numbered on its own
    second = [p for p in pages if "卷内文件目录" in p and "Z109-LP·2019-D30-0124" in p]
    assert len(second) == 1 and "第1页共1页" in second[0]
    # every item is listed once, with its date as YYYYMMDD
    joined = "".join(first_list)
    for it in vols[0].items:
        assert f"粤保理〔2019〕{it.seq}号" in joined
    assert "20190101" in joined and "2019-01-01" not in joined


def test_item_list_totals_and_page_numbers(two_volumes_pdf) -> None:
    pdf, vols = two_volumes_pdf
    items = vols[0].items
    doc = item_list_document(vols[0])
    pages = sum(it.pages for it in items)
    assert doc.totals[0] == "合计" and doc.totals[6] == str(pages) and doc.totals[1] == "共 80 件"
    # 页号 ranges run on without gaps
    ranges = [row[7] for row in doc.rows]
    assert ranges[0] == "1" and ranges[-1].endswith(str(pages))
    last_list = [p for p in _page_texts(pdf) if "卷内文件目录" in p and "Z109-LP·2019-D30-0123" in p][-1]
    assert "合计" in last_list and str(pages) in last_list and "共80件" in last_list


def test_long_titles_wrap_inside_the_cell(two_volumes_pdf) -> None:
    pdf, vols = two_volumes_pdf
    long_title = vols[0].items[0].title
    text = "".join(p for p in _page_texts(pdf) if "卷内文件目录" in p)
    # wrapped over several lines of its cell (pdftotext reads the row's cells line by line),
    # nothing shortened
    assert long_title.endswith("现场照片）（附件）") and "场照片）（附件）" in re.sub(r"\s", "", text)
    assert "2019年度机动车辆保险" in text and "…" not in text


def test_cover_fields_and_barcode(two_volumes_pdf) -> None:
    pdf, vols = two_volumes_pdf
    v = vols[0]
    cover = _page_texts(pdf)[0]
    for want in (v.fonds_name, "理赔", "案卷题名", "起止日期", "20190103—20191228", "保管期限", "定期30年", "密级", "内部", "件数/页数", "档号", "Z109-LP·2019-D30-0123"):
        assert want in cover, want
    assert f"{len(v.items)}件，{v.pages_total}页" in cover
    (img,) = rasterise(pdf, 300, first=1, last=1, crop_mm=(0, 0, 210, 45))
    assert decode(img) == [v.payload]


def test_notes_page(two_volumes_pdf) -> None:
    pdf, vols = two_volumes_pdf
    v = vols[0]
    notes = next(p for p in _page_texts(pdf) if "卷内备考表" in p)
    assert f"本卷共有文件材料{len(v.items)}件，共{v.pages_total}页。" in notes
    for want in ("第15页为复印件", "立卷人", "李四", "检查人", "王五", "20200301", "20200305"):
        assert want in notes


def test_single_parts_and_english() -> None:
    v = volume_form(5)
    only_list = render_volume_forms([v], parts=("items",))
    assert pdf_pages(only_list) == 1 and "卷内文件目录" in pdf_text(only_list)
    set_language("en")  # an English UI still prints the Chinese form
    assert "卷内文件目录" in pdf_text(render_volume_forms([v], parts=("items",)))
    pdf = render_volume_forms([dataclasses.replace(v, language="en")], parts=("cover", "items"))  # the room's form language
    text = pdf_text(pdf)
    assert "Item list of the volume" in text and "Page 1 of 1" in text and "Volume title" in text
    with pytest.raises(UserError):
        render_volume_forms([])


def test_filing_directory_of_a_box() -> None:
    items = tuple(
        ItemEntry(seq=f"{i:04d}", code=f"Z109-WS·2011-Y-BGS-{i:04d}", ref=f"办发〔2011〕{i}号", title="关于印发《档案管理办法》的通知", responsible="办公室", date="2011-03-05", pages=3)
        for i in range(1, 41)
    )
    d = FilingDirectory(items=items, fonds_name="某某公司", fonds_code="Z109", category="文书", year="2011", retention="永久", org="办公室", box_no="0001")
    pdf = render_filing_directories([d, FilingDirectory(items=items[:3], fonds_code="Z109", year="2011")])
    pages = _page_texts(pdf)
    box = [p for p in pages if "第0001盒" in p or "第1盒" in p]
    assert len(box) >= 2
    for n, text in enumerate(box, start=1):
        assert "归档文件目录" in text and "件号" in text and "题名" in text and f"第{n}页共{len(box)}页" in text
    assert "共40件" in box[-1] and "120" in box[-1]
    assert "Z109-WS·2011-Y-BGS-0040" in "".join(box) and "20110305" in "".join(box)


def test_table_document_helper_is_reusable() -> None:
    """The shape later used by 移交清册 / 销毁清册: title block, totals, signatures."""
    doc = TableDocument(
        title="移交清册",
        columns=(Column("序号", 12, "center"), Column("档号", 45), Column("案卷题名"), Column("页数", 14, "right", wrap=False)),
        rows=tuple((str(i), f"Z109-LP·2019-D30-{i:04d}", "理赔案卷" * (1 + i % 4), str(10 + i)) for i in range(1, 61)),
        info=(("移交单位", "理赔部"), ("接收单位", "档案室"), ("日期", "20260101")),
        totals=("合计", "共 60 卷", "", str(sum(10 + i for i in range(1, 61)))),
        signatures=(Signature("移交人"), Signature("接收人", name="王五", date="20260102")),
        note="本清册一式两份，双方各执一份。",
    )
    pdf = render_table_documents([doc])
    pages = _page_texts(pdf)
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        assert "序号" in text and "案卷题名" in text and f"第{n}页共{len(pages)}页" in text
    last = pages[-1]
    assert "移交人" in last and "接收人：王五" in last and "20260102" in last and "共60卷" in last and "一式两份" in last


def test_format_date() -> None:
    import datetime

    assert format_date(datetime.date(2019, 3, 5)) == "20190305"
    assert format_date("2019-03-05") == "20190305"
    assert format_date("2019.3") == "2019.3"
    assert format_date(None) == ""
