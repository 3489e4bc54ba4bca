"""Import registers into the catalogue: plan with the catalogue's knowledge, then commit atomically.

``plan`` runs the pure importing layer with what only the catalogue knows (which 档号 exist, which
volumes items belong to, where a location such as ``5号密集架7列1节5层`` is on the shelving).
``commit`` writes every accepted row in ONE transaction (all or nothing: a cancel, an error or a killed
process leaves the catalogue exactly as before), with one audit row per imported or updated volume.
Re-importing the same file creates no duplicates: rows whose 档号 exists are ``existing`` and are
updated only when asked to.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import RowMapping, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from archive_desk.db import fts, layer_usage
from archive_desk.db.engine import Database
from archive_desk.errors import UserError, ValidationError
from archive_desk.i18n import t
from archive_desk.importing import CellError, ImportCancelled, ImportPlan, ParsedLocation, RowResult, RowStatus, plan_import
from archive_desk.importing.plan import item_key
from archive_desk.models import Fonds, Item, Layer, LocationMove, Rack, Room, Volume, VolumeStatus
from archive_desk.models.base import table_of
from archive_desk.services import audit, codes, locations
from archive_desk.services.audit import Actor
from archive_desk.services.catalogue import CategoryRecord, FieldDef, get_category, list_categories, normalize_custom
from archive_desk.services.ops import CATALOGUE, operation

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

V = table_of(Volume)
#: a canonical 档号 whose barcode payload is itself with ``·`` written ``.``
_CANONICAL_CODE = re.compile(f"[A-Z0-9{codes.MIDDLE_DOT}-]+")
VOLUME_FIELDS = ("title", "year", "retention", "responsible", "notes", "pages", "item_count", "box_no",
                 "start_date", "end_date", "org_code")


@dataclass(frozen=True)
class RowFailure:
    """A row the plan accepted but the catalogue refused (e.g. its fonds is unknown)."""

    sheet: str
    row: int
    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    items: int
    failures: tuple[RowFailure, ...] = ()
    fonds_created: tuple[str, ...] = ()
    volume_ids: tuple[int, ...] = field(default=(), repr=False)
    #: the 档号 of the volumes an update changed, in the file's order
    updated_codes: tuple[str, ...] = field(default=(), repr=False)


# ---------------------------------------------------------------- planning


def _existing_codes(db: Database) -> Callable[[Iterable[str]], set[str]]:
    def look(keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        with db.read() as session:
            for start in range(0, len(keys), 900):
                chunk = keys[start:start + 900]
                found.update(session.scalars(select(V.c.code).where(V.c.code.in_(chunk))))
        return found

    return look


def _existing_items(db: Database) -> Callable[[Iterable[str]], set[str]]:
    """Which items of a 卷内目录 are already in the catalogue, by their ``item_key`` (档号 and 序号, or
    档号, 题名, 文号 and date): a list imported twice adds nothing."""
    I = Item.__table__  # noqa: E741, N806 - named like the table it stands for

    def look(keys: Iterable[str]) -> set[str]:
        wanted = set(keys)
        codes_ = sorted({key.partition("#")[0] for key in wanted})  # a 档号 holds no "#"
        found: set[str] = set()
        with db.read() as session:
            for start in range(0, len(codes_), 900):
                rows = session.execute(select(V.c.code, I.c.seq, I.c.title, I.c.doc_no, I.c.date).join(I, I.c.volume_id == V.c.id)
                                       .where(V.c.code.in_(codes_[start:start + 900]), I.c.removed.is_(False)))
                for code, seq, title, doc_no, when in rows:
                    found.add(item_key(code, seq, None, None, None))
                    found.add(item_key(code, None, title, doc_no, when))
        return found & wanted

    return look


def _code_checker(db: Database) -> Callable[[Mapping[str, object]], str | None]:
    """Whether a row's 档号 follows a category's code pattern (with its 类别 column, if the file has
    one), as the commit asks it: asked while planning, so the preview shows the row as an error
    instead of the import refusing it afterwards. A 档号 shape found good once is not parsed again."""
    with db.read() as session:
        ctx = _Context.reading(session)
    good: set[tuple[str, str, object]] = set()

    def check(values: Mapping[str, object]) -> str | None:
        code = str(values.get("code") or "")
        prefix, _dash, last = code.rpartition("-")
        shape = (prefix, _DIGIT.sub("0", last), values.get("category_code"))
        if shape in good:
            return None
        try:
            ctx.category_for(values, _canonical(code))
        except (CellError, ValidationError) as exc:
            return getattr(exc, "reason", None) or str(exc)
        good.add(shape)
        return None

    return check


_DIGIT = re.compile(r"\d")


def _location_resolver(db: Database) -> Callable[[ParsedLocation], int | None] | None:
    """Match a parsed location to a layer: by its code, or by rack/column/section/layer (and room and
    side when given); ambiguous or unknown places are errors on the cell. No shelving yet: None
    (locations are then kept as text in the volume's notes)."""
    L, R, RM = Layer.__table__, Rack.__table__, Room.__table__  # noqa: N806 - named like the table it stands for
    with db.read() as session:
        if session.scalar(select(L.c.id).limit(1)) is None:
            return None

    def resolve(loc: ParsedLocation) -> int | None:
        found = (L.c.id, L.c.code, L.c.active)
        with db.read() as session:
            if loc.code:
                hits = session.execute(select(*found).where(L.c.code == loc.code)).all()
                if not hits:
                    raise CellError(t("There is no layer {code} on the shelving", code=loc.code))
            else:
                if loc.rack is None or loc.column is None or loc.section is None or loc.layer is None:
                    raise CellError(t("The location {text} does not name a rack, column, section and layer", text=loc.raw))
                rack = str(loc.rack)
                if not (rack.isascii() and rack.isdigit() and len(rack) <= 9):  # racks are numbered (A区 names none)
                    raise CellError(t("Location {text}: there is no rack {rack} on the shelving; racks are numbered, e.g. 5号密集架",
                                      text=loc.raw, rack=rack))
                stmt = (select(*found).join(R, R.c.id == L.c.rack_id).join(RM, RM.c.id == R.c.room_id)
                        .where(R.c.number == int(rack), L.c.column == loc.column, L.c.section == loc.section,
                               L.c.layer == loc.layer))
                if loc.room is not None:
                    room = str(loc.room)
                    numbered = room.isascii() and room.isdigit() and len(room) <= 9
                    stmt = stmt.where((RM.c.number == int(room)) if numbered else (RM.c.code == room))
                if loc.side:
                    stmt = stmt.where(L.c.side == loc.side)
                hits = session.execute(stmt.limit(3)).all()
        if not hits:
            raise CellError(t("There is no such place on the shelving: {text}", text=loc.raw))
        if len(hits) > 1:
            raise CellError(t("{text} matches more than one layer: add the room or the side", text=loc.raw))
        if not hits[0].active:  # nothing is shelved on a layer out of use, by scan or by import
            raise CellError(t("Location {text}: layer {code} is out of use", text=loc.raw, code=hits[0].code))
        return hits[0].id

    return resolve


def plan(db: Database, path: Path | str, *, kind: str = "volumes", sheet: str | int | list[str] | None = None, mapping: Any = None,
         progress: Progress | None = None, should_cancel: Cancel | None = None, limit: int | None = None,
         locations_as_notes: bool = False, volumes: ImportPlan | None = None) -> ImportPlan:
    """The import plan of a file against this catalogue (nothing is written). ``locations_as_notes``:
    a 存放位置 the shelving does not have does not refuse its row; the volume is imported unshelved
    with the place in its notes (``ImportPlan.refused_for_location_only`` says how many rows that is).
    ``volumes`` (items only): the plan of the volumes of the same workbook, imported in the same commit:
    an item of one of its importable volumes is not refused for a volume not yet catalogued."""
    options: dict[str, Any] = {"sheet": sheet, "mapping": mapping, "kind": kind, "progress": progress,
                               "should_cancel": should_cancel, "unknown_locations_as_notes": locations_as_notes}
    if limit is not None:
        options["limit"] = limit
    if kind == "volumes":
        options["existing_codes"] = _existing_codes(db)
        options["check_key"] = _code_checker(db)
        resolver = _location_resolver(db)
        if resolver is not None:
            options["resolve_location"] = resolver
    elif kind == "items":
        catalogued = _existing_codes(db)
        options["known_volumes"] = catalogued
        if volumes is not None:
            planned = [str(r.values["code"]) for r in volumes.rows if r.status in (RowStatus.OK, RowStatus.EXISTING) and r.values.get("code")]
            coming = {*planned, *(_canonical(c) for c in planned)}
            options["known_volumes"] = lambda keys: {k for k in keys if k in coming} | catalogued([k for k in keys if k not in coming])
        options["existing_codes"] = _existing_items(db)
    return plan_import(path, **options)


def fonds_not_catalogued(db: Database, import_plan: ImportPlan) -> dict[str, int]:
    """The fonds the importable rows belong to (a 全宗号 column, else the 档号) that the catalogue does
    not hold yet, with how many rows each, in the file's order: a commit creates them when asked to,
    else refuses those rows. Read before the import so the preview can say so."""
    return {code: count for code, (count, _name) in new_fonds(db, import_plan).items()}


def new_fonds(db: Database, import_plan: ImportPlan) -> dict[str, tuple[int, str]]:
    """:func:`fonds_not_catalogued` with the name the file gives each (its first 全宗名称, or "")."""
    if import_plan.kind != "volumes":
        return {}
    missing: dict[str, tuple[int, str]] = {}
    with db.read() as session:
        ctx = _Context.reading(session)
    by_prefix: dict[str, str | None] = {}  # the fonds of a 档号 depends on what comes before its number
    for row in import_plan.rows:
        if row.status != RowStatus.OK:
            continue
        fonds = row.values.get("fonds_code")
        if not fonds:
            code = str(row.values.get("code", ""))
            prefix = code.rpartition("-")[0]
            if prefix not in by_prefix:
                try:
                    by_prefix[prefix] = str(ctx.category_for(row.values, _canonical(code))[1].get("fonds") or "") or None
                except (CellError, ValidationError):
                    by_prefix[prefix] = None  # the plan has said so on the row already
            fonds = by_prefix[prefix]
        if fonds and str(fonds) not in ctx.fonds:
            count, name = missing.get(str(fonds), (0, ""))
            missing[str(fonds)] = (count + 1, name or str(row.values.get("fonds_name") or ""))
    return missing


# ---------------------------------------------------------------- committing


class _Context:
    """What a commit needs to know once: fonds and categories by code."""

    def __init__(self, session: Session, actor: Actor, create_missing_fonds: bool, default_fonds_id: int | None,
                 default_category_id: int | None, fonds_names: Mapping[str, str] | None = None) -> None:
        self.session = session
        self.actor = actor
        self.create_missing_fonds = create_missing_fonds
        self.fonds_names = {code: name.strip() for code, name in (fonds_names or {}).items() if name and name.strip()}
        self.fonds = {f.code: f.id for f in session.scalars(select(Fonds))}
        self.categories = {c.code: c for c in list_categories(session, active_only=False)}
        self.default_fonds_id = default_fonds_id
        self.default_category = get_category(session, default_category_id) if default_category_id else None
        self.fonds_created: list[str] = []
        self._positions: dict[int, int] = {}
        self._patterns: dict[str, codes.CodePattern] = {}
        self._category_token: dict[str, bool] = {}

    @classmethod
    def reading(cls, session: Session) -> _Context:
        """For checks before an import: the fonds, categories and their patterns; creates nothing."""
        return cls(session, Actor("", ""), False, None, None)

    def _names_category(self, pattern: codes.CodePattern) -> bool:
        found = self._category_token.get(pattern.text)
        if found is None:
            found = self._category_token[pattern.text] = "category" in pattern.tokens
        return found

    def pattern(self, category: CategoryRecord) -> codes.CodePattern:
        found = self._patterns.get(category.code_pattern)
        if found is None:
            found = self._patterns[category.code_pattern] = codes.CodePattern(category.code_pattern)
        return found

    def next_position(self, layer_id: int) -> int:
        """The next place at the end of a layer (imported volumes keep the file's order)."""
        if layer_id not in self._positions:
            highest = self.session.scalar(select(V.c.shelf_position).where(V.c.layer_id == layer_id)
                                          .order_by(V.c.shelf_position.desc()).limit(1))
            self._positions[layer_id] = highest or 0
        self._positions[layer_id] += 1
        return self._positions[layer_id]

    def fonds_id(self, code: str, name: str | None = None) -> int:
        """The fonds ``code``, created when asked to: named as the clerk said (``fonds_names``), else by the
        row's 全宗名称 (``name``), else by its code."""
        if code in self.fonds:
            return self.fonds[code]
        if not self.create_missing_fonds:
            raise CellError(t("The fonds {code} is not in the catalogue", code=code))
        name = self.fonds_names.get(code) or (name or "").strip() or code
        fonds = Fonds(code=code, name=name)
        self.session.add(fonds)
        self.session.flush()
        audit.record(self.session, self.actor, "fonds.create", "fonds", fonds.id, None, {"code": code, "name": name, "by": "import"})
        self.fonds[code] = fonds.id
        self.fonds_created.append(code)
        return fonds.id

    def category_for(self, values: Mapping[str, Any], code: str) -> tuple[CategoryRecord, dict[str, object]]:
        """The category (from its column, from the 档号, or the default) and the code's elements."""
        wanted = values.get("category_code")
        candidates = [self.categories[wanted]] if wanted in self.categories else list(self.categories.values())
        if self.default_category and not wanted:
            candidates = [self.default_category, *candidates]
        for cat in candidates:
            pattern = self.pattern(cat)
            if cat.code not in code and self._names_category(pattern):
                continue  # its pattern writes the category's own code, which this 档号 does not hold
            parts = pattern.parse_canonical(code)  # ``code`` is canonical already
            if parts is not None and parts.get("category", cat.code) == cat.code:
                return cat, parts
        if wanted and wanted not in self.categories:
            raise CellError(t("There is no category {code}", code=wanted))
        raise CellError(t("{code} follows no category's code pattern", code=code))


def _canonical(code: str) -> str:
    """The plan gives 档号 canonical; anything else is made so here."""
    return code if _CANONICAL_CODE.fullmatch(code) else codes.canonical_code(code)


def _custom_fields(category: CategoryRecord, values: Mapping[str, Any]) -> dict[str, Any]:
    keys = {f.key for f in category.fields}
    out = {}
    for key in keys:
        value = values.get(key)
        if value not in (None, ""):
            out[key] = value  # dates stay dates: normalize_custom writes them as ISO text
    return out


def _volume_values(ctx: _Context, row: RowResult) -> dict[str, Any]:
    values = row.values
    code = _canonical(str(values["code"]))
    category, parts = ctx.category_for(values, code)
    fonds_code = values.get("fonds_code") or parts.get("fonds")
    fonds_id = ctx.fonds_id(str(fonds_code), cast("str | None", values.get("fonds_name"))) if fonds_code else ctx.default_fonds_id
    if fonds_id is None:
        raise CellError(t("The fonds of {code} is not known: add a 全宗号 column or choose a default fonds", code=code))
    year = cast("int | None", values.get("year")) or (int(str(parts["year"])) if "year" in parts else None)
    if year is None:
        raise CellError(t("The year is required"))
    if "year" in parts and int(str(parts["year"])) != int(year):
        raise CellError(t("The {element} in the code ({value}) differs from the volume's ({expected})",
                          element=codes.element_label("year"), value=parts["year"], expected=year))
    retention = values.get("retention") or parts.get("retention") or category.default_retention
    if "retention" in parts and parts["retention"] != retention:
        raise CellError(t("The {element} in the code ({value}) differs from the volume's ({expected})",
                          element=codes.element_label("retention"), value=parts["retention"], expected=retention))
    problems: dict[str, str] = {}
    fields: tuple[FieldDef, ...] = category.fields
    custom = normalize_custom(fields, _custom_fields(category, values), problems)
    if problems:
        raise CellError("；".join(problems.values()))
    security = values.get("security")
    level = getattr(security, "level", security) or "公开"
    period = values.get("security_years") or getattr(security, "years", None)  # 秘密★10年: the plan gives the years apart
    notes = str(values.get("notes") or "")
    location = values.get("location")
    layer_id = values.get("location_ref")  # matched to the shelving at planning time
    if isinstance(location, ParsedLocation) and layer_id is None:  # no shelving yet (or not this place): kept as text
        notes = (notes + "；" if notes else "") + t("Former location: {text}", text=location.raw)
    elif values.get("location_text"):  # a place not understood, imported "without locations"
        notes = (notes + "；" if notes else "") + t("Former location: {text}", text=values["location_text"])
    return {
        "code": code, "barcode": code.replace(codes.MIDDLE_DOT, ".") if _CANONICAL_CODE.fullmatch(code) else codes.code_to_payload(code), "fonds_id": fonds_id, "category_id": category.id,
        "year": int(year), "retention": retention, "security": level, "security_period": period,
        "org_code": codes.normalize_scan(str(values.get("org_code") or parts.get("org") or "")),
        "sequence": int(str(parts.get(ctx.pattern(category).sequence_token, 0) or 0)),
        "box_no": values.get("box_no"), "title": values["title"], "responsible": values.get("responsible") or "",
        "start_date": values.get("start_date"), "end_date": values.get("end_date"),
        "date_precision": values.get("date_precision"),  # "month" for 2021.03-2021.05, else None (to the day)
        "pages": values.get("pages") or 0,
        "item_count": values.get("item_count") or 0, "notes": notes, "custom": custom, "layer_id": layer_id,
    }


@operation("importer.commit", area=CATALOGUE)
def commit(db: Database, actor: Actor, import_plan: ImportPlan, *, update_existing: bool = False,
           create_missing_fonds: bool = False, default_fonds_id: int | None = None,
           default_category_id: int | None = None, progress: Progress | None = None,
           should_cancel: Cancel | None = None, fonds_names: Mapping[str, str] | None = None,
           items: ImportPlan | None = None) -> ImportResult:
    """Write the plan's accepted rows in one transaction; a row the catalogue refuses aborts nothing
    but is reported (the file's rows read still add up: they move from ok to failures). A fonds
    created (``create_missing_fonds``) is named by ``fonds_names`` (code -> name), else by the file's
    全宗名称 column, else by its code. ``items``: the plan of the workbook's 卷内目录 sheets (planned with
    ``volumes=`` this plan), written after the volumes in the same transaction: all or nothing."""
    if not import_plan.complete:
        raise UserError(t("This is a preview of the first rows; plan the whole file before importing."))
    if import_plan.kind == "items":
        return _commit_items(db, actor, import_plan, progress=progress, should_cancel=should_cancel)
    if import_plan.kind != "volumes":
        raise UserError(t("Borrower lists are imported in the lending area."))
    try:
        return _commit_volumes(db, actor, import_plan, update_existing=update_existing,
                               create_missing_fonds=create_missing_fonds, default_fonds_id=default_fonds_id,
                               default_category_id=default_category_id, progress=progress, should_cancel=should_cancel,
                               fonds_names=fonds_names, items=items)
    except (sqlite3.IntegrityError, IntegrityError) as exc:  # the transaction is rolled back by now
        raise UserError(t("Another workstation saved some of these volumes while the file was being checked; "
                          "nothing was imported. Check the file again, then import it.")) from exc


def _commit_volumes(db: Database, actor: Actor, import_plan: ImportPlan, *, update_existing: bool,
                    create_missing_fonds: bool, default_fonds_id: int | None, default_category_id: int | None,
                    progress: Progress | None, should_cancel: Cancel | None,
                    fonds_names: Mapping[str, str] | None = None, items: ImportPlan | None = None) -> ImportResult:
    rows = [r for r in import_plan.rows if r.status == RowStatus.OK or (update_existing and r.status == RowStatus.EXISTING)]
    total = len(rows)
    with db.write() as session:
        ctx = _Context(session, actor, create_missing_fonds, default_fonds_id, default_category_id, fonds_names)
        failures: list[RowFailure] = []
        new_volumes = _NewVolumes(session, actor)
        updates = _Updates(session, actor, ctx, failures)
        for done, row in enumerate(rows, start=1):
            if should_cancel is not None and should_cancel():
                raise ImportCancelled(t("Import cancelled; nothing was changed"))
            if progress is not None and done % 500 == 0:
                progress(done, total)
            try:
                values = _volume_values(ctx, row)
            except (CellError, ValidationError) as exc:
                failures.append(RowFailure(row.sheet, row.row, "", str(row.values.get("code", "")), getattr(exc, "reason", str(exc))))
                continue
            if row.status == RowStatus.OK:
                layer_id = values["layer_id"]
                values["shelf_position"] = ctx.next_position(int(layer_id)) if layer_id else None
                new_volumes.add(values)
            else:
                updates.add(row, values)
        updates.flush()
        new_volumes.close()
        ids = [*updates.ids, *new_volumes.ids]
        created, updated, unchanged = len(new_volumes.ids), len(updates.ids), updates.unchanged
        item_count = _write_items(session, actor, items, failures, None, should_cancel) if items is not None else 0
        if created or updated or item_count:  # an import that wrote nothing leaves no trace in the log
            audit.record(session, actor, "import.file", "catalogue", None, None, {
                "file": Path(import_plan.path).name, "created": created, "updated": updated, "unchanged": unchanged,
                "items": item_count, "failed": len(failures), "summary": _plain_summary(import_plan)})
        if progress is not None:
            progress(total, total)
        return ImportResult(created, updated, unchanged, item_count, tuple(failures), tuple(ctx.fonds_created), tuple(ids),
                            tuple(updates.codes))


#: what a value of the file (a key of ``RowResult.values``) may change on a catalogued volume
_UPDATED_BY = {"title": ("title",), "year": ("year",), "retention": ("retention",), "security": ("security",),
               "security_years": ("security_period",),
               "responsible": ("responsible",), "start_date": ("start_date", "date_precision"), "end_date": ("end_date", "date_precision"), "pages": ("pages",),
               "item_count": ("item_count",), "box_no": ("box_no",), "org_code": ("org_code",), "notes": ("notes",),
               "location": ("layer_id", "notes")}


class _Updates:
    """Catalogued volumes a re-import updates (``update_existing``), ``CHUNK`` at a time: each compared
    with its row as it stands inside the import's transaction, changed with one executemany per set of
    changed columns (the version counted up, so an edit open on another workstation is refused on
    save), and audited with what changed.

    Only what the file says is changed: a blank cell, or a column the file does not have, leaves the
    catalogue's value alone (a register without locations does not unshelve its volumes), a custom
    field is changed without touching the volume's other fields, and a volume stays at its place on
    the layer unless the file moves it to another layer."""

    CHUNK = 500

    def __init__(self, session: Session, actor: Actor, ctx: _Context, failures: list[RowFailure]) -> None:
        self.session = session
        self.actor = actor
        self.ctx = ctx
        self.failures = failures
        self.pending: list[tuple[RowResult, dict[str, Any]]] = []
        self.ids: list[int] = []
        self.codes: list[str] = []
        self.unchanged = 0

    def add(self, row: RowResult, values: dict[str, Any]) -> None:
        self.pending.append((row, values))
        if len(self.pending) >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        chunk, self.pending = self.pending, []
        if not chunk:
            return
        current = {r["code"]: r for r in self.session.execute(
            select(V).where(V.c.code.in_([values["code"] for _row, values in chunk]))).mappings()}
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        entries: list[tuple[str, str, int | None, Any, Any]] = []
        moves: list[dict[str, Any]] = []
        now = audit.utcnow()
        for row, values in chunk:
            volume = current[values["code"]]  # existing at planning time, and nothing is ever deleted
            changes = _changes(row, values, volume)
            if not changes:
                self.unchanged += 1
                continue
            if volume["status"] in (VolumeStatus.TRANSFERRED, VolumeStatus.DESTROYED, VolumeStatus.VOID):
                self.failures.append(RowFailure(row.sheet, row.row, "", values["code"],
                                                t("Volume {code} is no longer in the room; an import does not change its record",
                                                  code=values["code"])))
                continue
            if "layer_id" in changes:
                # a move to another layer, as a scan in shelving mode makes it: refused for a volume out on
                # loan or missing, at the end of the new layer, and in the volume's location history
                why = locations.unshelvable_reason(volume["code"], volume["status"])
                if why:
                    self.failures.append(RowFailure(row.sheet, row.row, "", values["code"], why))
                    continue
                changes["shelf_position"] = self.ctx.next_position(int(changes["layer_id"]))
                moves.append({"volume_id": volume["id"], "from_layer_id": volume["layer_id"], "to_layer_id": changes["layer_id"],
                              "from_position": volume["shelf_position"], "to_position": changes["shelf_position"],
                              "at": now, "by": self.actor.user, "reason": t("import")})
            entries.append(("volume.import_update", "volume", volume["id"],
                            {k: _plain(volume[k]) for k in changes}, {k: _plain(v) for k, v in changes.items()}))
            by_columns.setdefault(tuple(sorted(changes)), []).append({"b_id": volume["id"], **{f"b_{k}": v for k, v in changes.items()}})
            self.ids.append(volume["id"])
            self.codes.append(volume["code"])
        for columns, params in by_columns.items():
            self.session.execute(
                update(V).where(V.c.id == bindparam("b_id"))
                .values({**{name: bindparam(f"b_{name}") for name in columns}, "version": V.c.version + 1,
                         "updated_by": self.actor.user, "updated_at": now}),
                params)
        if moves:
            self.session.execute(insert(LocationMove), moves)
        audit.record_many(self.session, self.actor, entries)


def _changes(row: RowResult, values: dict[str, Any], volume: RowMapping) -> dict[str, Any]:
    """What updating ``volume`` from ``row`` (its ``values`` as a new volume would have them) changes:
    only what the file says (:class:`_Updates`)."""
    wanted = {column for key, value in row.values.items() if value is not None for column in _UPDATED_BY.get(key, ())}
    changes = {k: values[k] for k in wanted if _plain(volume[k]) != _plain(values[k])}
    if "notes" in changes and "notes" not in row.values:
        # only a place the shelving does not know, kept as text: added to the volume's notes
        text, notes = changes["notes"], volume["notes"] or ""
        if text in notes:
            del changes["notes"]
        else:
            changes["notes"] = f"{notes}；{text}" if notes else text
    if "layer_id" in changes and values["layer_id"] is None:  # a place the shelving does not know: kept as text in the notes
        del changes["layer_id"]
    custom = {**(volume["custom"] or {}), **values["custom"]}  # the file's custom fields over the volume's
    if values["custom"] and custom != (volume["custom"] or {}):
        changes["custom"] = custom
    return changes


def pending_updates(db: Database, import_plan: ImportPlan) -> dict[tuple[str, int], dict[str, tuple[Any, Any]]]:
    """For each row already catalogued, keyed by (sheet, row): what an update from it would change,
    field -> (now, from the file); an empty dict when the volume already says what the row says.
    Read before the import, so the preview can say which rows an update changes and how. A location
    is given by its layer's code."""
    rows = [r for r in import_plan.rows if r.status == RowStatus.EXISTING] if import_plan.kind == "volumes" else []
    out: dict[tuple[str, int], dict[str, tuple[Any, Any]]] = {}
    if not rows:
        return out
    with db.read() as session:
        ctx = _Context.reading(session)
        layers: set[int] = set()
        for start in range(0, len(rows), _Updates.CHUNK):
            chunk = rows[start:start + _Updates.CHUNK]
            wanted = [str(r.values.get("code", "")) for r in chunk]
            current = {v["code"]: v for v in session.execute(select(V).where(V.c.code.in_(wanted))).mappings()}
            for row in chunk:
                try:
                    values = _volume_values(ctx, row)
                except (CellError, ValidationError):
                    continue  # the commit reports it
                volume = current.get(values["code"])
                if volume is None:
                    continue
                changes = _changes(row, values, volume)
                out[(row.sheet, row.row)] = {k: (_plain(volume[k]), _plain(v)) for k, v in changes.items()}
                if "layer_id" in changes:
                    layers.update(x for x in (volume["layer_id"], changes["layer_id"]) if x is not None)
        if layers:
            L = Layer.__table__  # noqa: N806
            code_of = dict(session.execute(select(L.c.id, L.c.code).where(L.c.id.in_(layers))).all())
            for changes in out.values():
                if "layer_id" in changes:
                    before, after = changes.pop("layer_id")
                    changes["layer_id"] = (code_of.get(before, ""), code_of.get(after, ""))
    return out


class _NewVolumes:
    """New volumes written in chunks of ``CHUNK`` as the rows are read, with no ORM objects (a 100,000-row
    register would otherwise hold 100,000 of them until the commit) and their audit rows chained per chunk,
    all inside the import's one transaction. On SQLite: one executemany per chunk on the driver's
    connection with ids taken under the write lock, the search-index rows tokenised here and written in
    bulk instead of by the per-row insert trigger (db/fts.py ``BulkVolumeInserts``; through the trigger the
    same rows took about three times as long: 345 against 110 µs a row), and the layers recounted once.
    Elsewhere: Core multi-row inserts returning the ids."""

    CHUNK = 1000

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        connection = session.connection()
        self.index: fts.BulkVolumeInserts | None = None
        self.next_id = 0
        now = audit.utcnow()
        self.stamp = {"status": VolumeStatus.IN_STOCK, "created_by": actor.user, "updated_by": actor.user,
                      "created_at": now, "updated_at": now, "version": 1}
        if connection.dialect.name == "sqlite":
            # the write lock is ours (BEGIN IMMEDIATE) until the commit: nobody else can take these ids
            self.next_id = (session.scalar(select(func.max(V.c.id))) or 0) + 1
            self.raw = cast(sqlite3.Connection, connection.connection.driver_connection)
            self.index = fts.BulkVolumeInserts(self.raw)
            # and without the per-row layer-usage trigger: the layers the new volumes stand on are
            # recounted once at the end (db/layer_usage.py)
            self.raw.execute("DROP TRIGGER IF EXISTS layer_usage_ai")
            self.layers: set[int] = set()
            # rows go to sqlite3's executemany as SQLAlchemy would send them: each column's own bind
            # processing (dates, JSON), its scalar default when the row has no value
            dialect = connection.dialect
            self.columns = [(c.name, c.type.dialect_impl(dialect).bind_processor(dialect),
                             c.default.arg if isinstance(c.default, ScalarElementColumnDefault) else None)
                            for c in V.columns]
            self.sql = (f"INSERT INTO {V.name} ({', '.join(name for name, _p, _d in self.columns)}) "  # noqa: S608
                        f"VALUES ({', '.join('?' * len(self.columns))})")
        self.pending: list[dict[str, Any]] = []
        self.ids: list[int] = []

    def add(self, values: dict[str, Any]) -> None:
        self.pending.append(values)
        if len(self.pending) >= self.CHUNK:
            self.flush()

    def _params(self, rows: list[dict[str, Any]]) -> list[list[Any]]:
        names = [(name, default) for name, _p, default in self.columns]
        processed = [(i, process) for i, (_n, process, _d) in enumerate(self.columns) if process is not None]
        out = []
        for row in rows:
            params = [row.get(name, default) for name, default in names]
            for i, process in processed:
                if params[i] is not None:
                    params[i] = process(params[i])
            out.append(params)
        return out

    def flush(self) -> None:
        chunk, self.pending = self.pending, []
        if not chunk:
            return
        rows = [{**self.stamp, **values} for values in chunk]
        if self.index is not None:
            ids = list(range(self.next_id, self.next_id + len(rows)))
            self.next_id += len(rows)
            for vid, row in zip(ids, rows, strict=True):
                row["id"] = vid
                if row.get("layer_id") is not None:
                    self.layers.add(row["layer_id"])
            self.raw.executemany(self.sql, self._params(rows))
            for vid, values in zip(ids, chunk, strict=True):
                self.index.add(vid, values["code"], values["title"], values["responsible"], values["notes"],
                               values["custom"])  # JSON values (normalize_custom): what is stored
            self.index.flush()
        else:
            ids = list(self.session.scalars(insert(Volume).returning(Volume.id, sort_by_parameter_order=True), rows))
            # bulk rows are not ORM objects: the server's search side tables (pinyin, title grams) index them at
            # commit with the rest of the transaction's changes (services/search.py PostgresSearchBackend.install_sync)
            self.session.info.setdefault("search_dirty", set()).update(ids)
        audit.record_many(self.session, self.actor, [
            ("volume.import", "volume", vid, None, {k: _plain(v) for k, v in values.items()})
            for vid, values in zip(ids, chunk, strict=True)])
        self.ids.extend(ids)

    def close(self) -> None:
        self.flush()
        if self.index is not None:
            self.index.close()
            layer_usage.recount_layers(self.raw.execute, self.layers)
            self.raw.execute(layer_usage.TRIGGERS["layer_usage_ai"])


def _commit_items(db: Database, actor: Actor, import_plan: ImportPlan, *, progress: Progress | None,
                  should_cancel: Cancel | None) -> ImportResult:
    failures: list[RowFailure] = []
    with db.write() as session:
        count = _write_items(session, actor, import_plan, failures, progress, should_cancel)
        if count:  # an import that wrote nothing leaves no trace in the log
            audit.record(session, actor, "import.file", "catalogue", None, None,
                         {"file": Path(import_plan.path).name, "items": count, "failed": len(failures)})
    return ImportResult(0, 0, 0, count, tuple(failures))


def _write_items(session: Session, actor: Actor, import_plan: ImportPlan, failures: list[RowFailure],
                 progress: Progress | None, should_cancel: Cancel | None) -> int:
    """The plan's accepted items, in the caller's transaction (after the volumes of the same workbook,
    so an item finds a volume imported a moment before); returns how many were written."""
    rows = [r for r in import_plan.rows if r.status == RowStatus.OK]
    volume_of: dict[str, int] = {}
    added: set[int] = set()
    next_seq: dict[int, int] = {}
    count = 0
    entries: list[tuple[str, str, int | None, Any, Any]] = []
    for done, row in enumerate(rows, start=1):
        if should_cancel is not None and should_cancel():
            raise ImportCancelled(t("Import cancelled; nothing was changed"))
        code = codes.canonical_code(str(row.values.get("volume_code") or row.values.get("code") or ""))
        vid = volume_of.get(code)
        if vid is None:
            vid = session.scalar(select(Volume.id).where(Volume.code == code))
            if vid is None:
                failures.append(RowFailure(row.sheet, row.row, "", code, t("There is no volume {code}", code=code)))
                continue
            volume_of[code] = vid
            next_seq[vid] = (session.scalar(select(Item.seq).where(Item.volume_id == vid).order_by(Item.seq.desc()).limit(1)) or 0)
        next_seq[vid] += 1
        values = row.values
        item = Item(volume_id=vid, seq=int(cast("int | None", values.get("seq")) or next_seq[vid]), title=values.get("title") or "",
                    doc_no=values.get("doc_no") or "", responsible=values.get("responsible") or "",
                    date=values.get("date"), date_precision=values.get("date_precision"),
                    security=getattr(values.get("security"), "level", values.get("security")) or "公开",
                    pages=values.get("pages") or 0, notes=values.get("notes") or "", created_by=actor.user, updated_by=actor.user,
                    page_start=values.get("page_start"), page_end=values.get("page_end"))
        session.add(item)
        session.flush()
        added.add(item.id)
        entries.append(("item.import", "item", item.id, None, {"volume": code, "seq": item.seq, "title": item.title}))
        count += 1
        if progress is not None and done % 500 == 0:
            progress(done, len(rows))
    for vid in set(volume_of.values()):
        items = list(session.scalars(select(Item).where(Item.volume_id == vid, Item.removed.is_(False)).order_by(Item.seq, Item.id)))
        _number_pages(items, added)
        volume = session.get(Volume, vid)
        assert volume is not None  # noqa: S101 - narrows the type; the code guarantees it
        volume.item_count = len(items)
    audit.record_many(session, actor, entries)
    return count


def _number_pages(items: list[Item], added: set[int]) -> None:
    """Page numbers of the items just imported (``added``), in 序号 order, where the list leaves them
    out: a 页号 giving only the first page (the usual way) ends where the item's 页数 or the next
    item's first page says; an item with neither runs on from the item before. Items already in the
    catalogue are left as they are."""
    page = 1
    for i, item in enumerate(items):
        if item.id in added:
            if item.page_start is None and item.pages:
                item.page_start, item.page_end = page, page + item.pages - 1
            elif item.page_start is not None and item.page_end is None:
                following = items[i + 1].page_start if i + 1 < len(items) else None
                if item.pages:
                    item.page_end = item.page_start + item.pages - 1
                elif following is not None and following > item.page_start:
                    item.page_end = following - 1
        if item.page_end is not None:
            page = item.page_end + 1
        elif item.page_start is not None:
            page = item.page_start + 1


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _plain_summary(import_plan: ImportPlan) -> dict[str, int]:
    s = import_plan.summary
    return {"rows_read": s.rows_read, "ok": s.ok, "rejected": s.rejected, "duplicate": s.duplicate,
            "existing": s.existing, "skipped": s.skipped}


__all__ = ["ImportResult", "RowFailure", "commit", "fonds_not_catalogued", "new_fonds", "pending_updates", "plan"]
