"""Which sheets of a workbook hold a register of volumes, and which a 卷内目录 (item list), each with its
columns mapped: a register kept a sheet a year is imported in one go, and a yearly workbook keeps its
volumes on one sheet and their item list on another."""

from __future__ import annotations

from pathlib import Path

from archive_desk.importing.mapping import HEADER_SCAN_ROWS, ColumnMapping, detect_mapping, find_header_row
from archive_desk.importing.readers import SheetReader, open_spreadsheet

__all__ = ["item_list_sheets", "register_sheets"]


def register_sheets(path: str | Path, kind: str = "volumes") -> list[ColumnMapping]:
    """The visible sheets of a workbook that hold a register of this kind (a heading found), each
    with its columns mapped, in the workbook's order: a register kept a sheet a year is imported
    in one go. Sheets without such a heading (说明, 统计) are left out, and so, for volumes, are item
    lists (卷内目录: :func:`item_list_sheets`), whose 档号 and 题名 would otherwise read as volumes."""
    if kind == "volumes":
        return _sheets_by_kind(path)[0]
    found: list[ColumnMapping] = []
    with open_spreadsheet(path) as book:
        for info in [s for s in book.sheets if s.visible] or book.sheets:
            reader = book.sheet(info.name, head=HEADER_SCAN_ROWS + 2)
            if reader.n_rows == 0 or find_header_row(kind, reader) is None:
                continue
            found.append(detect_mapping(reader, kind))
    return found


def item_list_sheets(path: str | Path) -> list[ColumnMapping]:
    """The visible sheets of a workbook that hold a 卷内目录 (documents of the volumes, by 档号), mapped
    as items: a yearly workbook keeps its volumes on one sheet and their item list on another."""
    return _sheets_by_kind(path)[1]


#: fields only an item list has, and fields only a volume register has
_ITEM_ONLY = frozenset({"doc_no", "page_range"})
_VOLUME_ONLY = frozenset({"year", "retention", "location", "item_count", "box_no", "start_date", "end_date", "fonds_code"})
_ITEM_LIST_WORDS = ("卷内", "文件目录", "文件级")


def _is_item_list(name: str, reader: SheetReader, as_items: ColumnMapping, as_volumes: ColumnMapping | None) -> bool:
    """A sheet is a 卷内目录 by its columns (文号 or 页号, and no 年度, 保管期限, 存放位置 …), or by its name or
    title (卷内目录, 卷内文件目录) when its columns could be either."""
    volume_fields = set(as_volumes.fields) if as_volumes is not None else set()
    if volume_fields & _VOLUME_ONLY:
        return False
    if set(as_items.fields) & _ITEM_ONLY:
        return True
    title = " ".join(str(c) for _n, cells in reader.rows(stop=as_items.header_row - 1) for c in cells if isinstance(c, str))
    return any(word in name or word in title for word in _ITEM_LIST_WORDS)


def _sheets_by_kind(path: str | Path) -> tuple[list[ColumnMapping], list[ColumnMapping]]:
    volumes: list[ColumnMapping] = []
    items: list[ColumnMapping] = []
    with open_spreadsheet(path) as book:
        for info in [s for s in book.sheets if s.visible] or book.sheets:
            reader = book.sheet(info.name, head=HEADER_SCAN_ROWS + 2)
            if reader.n_rows == 0:
                continue
            as_volumes = detect_mapping(reader, "volumes") if find_header_row("volumes", reader) is not None else None
            as_items = detect_mapping(reader, "items") if find_header_row("items", reader) is not None else None
            if as_items is not None and not as_items.missing_required() and _is_item_list(info.name, reader, as_items, as_volumes):
                items.append(as_items)
            elif as_volumes is not None:
                volumes.append(as_volumes)
    return volumes, items
