"""Helpers for the printing tests: sample data, rasterising PDFs with poppler, decoding barcodes.

Pages are rasterised with ``pdftoppm -gray`` to PGM (lossless like PNG, but without the PNG
compression, which is most of pdftoppm's time on an A4 page) and read with Pillow; barcodes are
read back with zxing-cpp, as a scanner would.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from archive_desk.printing.data import ItemEntry, LabelRecord, VolumeForm, VolumeNotes

PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")


def require_poppler() -> None:
    if not (PDFTOPPM and PDFTOTEXT and PDFFONTS):
        pytest.skip("poppler-utils (pdftoppm, pdftotext, pdffonts) is not installed")


TITLES = (
    "2019年度机动车辆保险理赔案卷（张三 粤A12345 追尾事故 含查勘报告、定损单、赔款计算书、结案报告及现场照片）",
    "理赔结案报告",
    "关于印发《档案管理办法》的通知",
    "出险通知书",
    "财产损失清单",
    "查勘报告",
)
RETENTIONS = ("永久", "定期30年", "定期10年")


def volume_records(n: int, *, start: int = 1, year: str = "2019") -> list[LabelRecord]:
    """Records of claim volumes with realistic 档号 (Z109-LP·2019-D30-0123) and payloads."""
    out = []
    for k in range(start, start + n):
        code = f"Z109-LP·{year}-D30-{k:04d}"
        out.append(
            LabelRecord(
                payload=code.replace("·", "."),
                code=code,
                title=TITLES[k % len(TITLES)],
                fonds_code="Z109",
                fonds_name="某某财产保险股份有限公司广州分公司",
                category="理赔",
                year=year,
                retention=RETENTIONS[k % 3],
                security="内部",
                org=("BGS", "办公室", "")[k % 3],
                box_no=f"{k:04d}",
                volume_no=f"{k % 1000:03d}",
                item_start=f"{(k - 1) * 20 + 1:04d}",
                item_end=f"{k * 20:04d}",
                item_no=f"{k:04d}",
                pages=str(3 + k % 40),
                location=f"一号库房 3架A面 第{k % 9 + 1}列 第{k % 5 + 1}节 第{k % 4 + 1}层",
                location_code=f"K1-03A-{k % 9 + 1:02d}-{k % 5 + 1:02d}-{k % 4 + 1}",
            )
        )
    return out


def shelf_records(n: int) -> list[LabelRecord]:
    out = []
    for k in range(n):
        col, sec, layer = k // 20 + 1, (k // 4) % 5 + 1, k % 4 + 1
        code = f"K1-03A-{col:02d}-{sec:02d}-{layer}"
        out.append(
            LabelRecord(payload=code, location=f"一号库房 3号密集架A面 第{col}列 第{sec}节 第{layer}层", location_code=code)
        )
    return out


def records_for(kind: str, n: int) -> list[LabelRecord]:
    return shelf_records(n) if kind == "shelf" else volume_records(n)


def volume_form(n_items: int, *, code: str = "Z109-LP·2019-D30-0123") -> VolumeForm:
    items = tuple(
        ItemEntry(
            seq=i + 1,
            title=TITLES[i % len(TITLES)] + ("（附件）" if i % 7 == 0 else ""),
            ref=f"粤保理〔2019〕{i + 1}号",
            responsible="理赔部" if i % 2 else "某某财产保险股份有限公司广州分公司",
            date=datetime.date(2019, 1 + i % 12, 1 + i % 28),
            security="内部" if i % 5 else "秘密",
            pages=1 + i % 7,
            remarks="复印件" if i % 9 == 0 else "",
        )
        for i in range(n_items)
    )
    return VolumeForm(
        code=code,
        payload=code.replace("·", "."),
        title="2019年度机动车辆保险理赔案卷（张三 粤A12345 追尾事故）",
        fonds_name="某某财产保险股份有限公司广州分公司",
        fonds_code="Z109",
        category="理赔",
        year="2019",
        retention="定期30年",
        security="内部",
        date_start=datetime.date(2019, 1, 3),
        date_end="2019-12-28",
        items=items,
        notes=VolumeNotes(
            text="第15页为复印件，原件存于法务部。第33–34页缺失（移交时已缺）。",
            compiler="李四",
            compiled_on=datetime.date(2020, 3, 1),
            checker="王五",
            checked_on="20200305",
        ),
    )


# --------------------------------------------------------------------------- poppler + zxing


def rasterise(
    pdf: bytes,
    dpi: int,
    *,
    first: int | None = None,
    last: int | None = None,
    antialias: bool = True,
    crop_mm: tuple[float, float, float, float] | None = None,
):
    """Render PDF pages to greyscale PIL images; ``crop_mm`` = (x0, y0, x1, y1) from the top-left."""
    from PIL import Image

    require_poppler()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        cmd = [PDFTOPPM, "-r", str(dpi), "-gray"]
        if not antialias:
            cmd += ["-aa", "no", "-aaVector", "no"]
        if first:
            cmd += ["-f", str(first)]
        if last:
            cmd += ["-l", str(last)]
        if crop_mm:
            x0, y0, x1, y1 = (round(v * dpi / 25.4) for v in crop_mm)
            cmd += ["-x", str(x0), "-y", str(y0), "-W", str(x1 - x0), "-H", str(y1 - y0)]
        subprocess.run([*cmd, str(src), str(Path(tmp) / "p")], check=True, capture_output=True)
        images = []
        for p in sorted(Path(tmp).glob("p-*.pgm")):
            with Image.open(p) as im:
                images.append(im.copy())
        return images


def decode(image) -> list[str]:
    """Every Code 128 and Data Matrix symbol zxing-cpp finds in ``image`` (the text exactly as a scanner
    would type it: a trailing NUL, as reportlab's own Data Matrix widget adds, would show)."""
    import zxingcpp

    formats = (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.DataMatrix)
    return [r.text for r in zxingcpp.read_barcodes(image, formats=formats)]


def decode_formats(image) -> list[tuple[str, str]]:
    """(text, "code128" | "datamatrix") of every symbol found."""
    import zxingcpp

    formats = (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.DataMatrix)
    names = {zxingcpp.BarcodeFormat.Code128: "code128", zxingcpp.BarcodeFormat.DataMatrix: "datamatrix"}
    return [(r.text, names[r.format]) for r in zxingcpp.read_barcodes(image, formats=formats)]


def pdf_text(pdf: bytes, *, page: int | None = None, layout: bool = False) -> str:
    require_poppler()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        cmd = [PDFTOTEXT, "-enc", "UTF-8"]
        if layout:
            cmd.append("-layout")
        if page:
            cmd += ["-f", str(page), "-l", str(page)]
        out = subprocess.run([*cmd, str(src), "-"], check=True, capture_output=True)
        return out.stdout.decode("utf-8")


def pdf_fonts(pdf: bytes) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type, emb."""
    require_poppler()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        out = subprocess.run([PDFFONTS, str(src)], check=True, capture_output=True).stdout.decode()
    lines = out.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type [subtype] encoding emb sub uni object ID: read emb/sub/uni from the right
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3], "line": line})
    return rows


def pdf_pages(pdf: bytes) -> int:
    require_poppler()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        out = subprocess.run([shutil.which("pdfinfo") or "pdfinfo", str(src)], check=True, capture_output=True).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def dark_bbox(image, box_px: tuple[int, int, int, int], threshold: int = 128):
    """Bounding box (x0, y0, x1, y1) of pixels darker than ``threshold`` inside ``box_px``, or None."""
    crop = image.crop(box_px).point(lambda v: 255 if v < threshold else 0)
    bb = crop.getbbox()
    if bb is None:
        return None
    return (bb[0] + box_px[0], bb[1] + box_px[1], bb[2] + box_px[0], bb[3] + box_px[1])
