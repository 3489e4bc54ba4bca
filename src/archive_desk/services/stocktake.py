"""Stocktakes (盘点 / 清点): checking the shelves against the catalogue, by scanning.

A stocktake has a **scope** (rooms, racks and single layers). The clerk scans a layer's label (it becomes
the current layer), then every volume standing on it. Each scan is written in its own transaction the
moment it is made (``stocktake_scans``), so an app killed mid-way resumes exactly where it stopped: the
current layer is the layer of the last scan, and the classes are recomputed from the scans.

Classes (``domain.md``), judged per scan and for the session as a whole:

- 在位 ``in_place``: found on the layer the catalogue has it on;
- 错架 ``misplaced``: found on another layer (the line says where it should be);
- 缺失 ``missing``: the catalogue has it on a layer that *was scanned* in this stocktake, it is in stock
  (or already recorded missing), and it was not found anywhere in this stocktake. A partial stocktake
  judges only the layers it scanned: volumes on layers never scanned are not judged at all. Volumes on
  loan are expected to be away and are never missing;
- 借出但在架 ``on_loan_found``: the catalogue says on loan, yet it stands on the shelf;
- 无此档号 ``unknown``: the code is not in the catalogue (or its record is void);
- 已销毁但在架 ``gone_found``: the catalogue says destroyed or transferred out, yet it stands on the shelf.

A volume scanned more than once counts where it was scanned last. Finishing freezes the result in the
stocktake's ``summary`` (the 清点检查登记 entry and the report are made from it, so later changes in the
catalogue never alter a finished stocktake) and offers one audited corrective action: mark the missing
volumes missing, move misplaced volumes to the layer they were found on, and put volumes recorded
missing but found back in stock.

Every scan is audited (``stocktake.scan``) like any other change; the scan rows themselves are never
changed or removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from archive_desk.errors import NotFoundError, StatusError, ValidationError
from archive_desk.i18n import t
from archive_desk.models import Layer, Rack, Room, Stocktake, StocktakeScan, Volume, VolumeStatus
from archive_desk.models.base import table_of, utcnow
from archive_desk.services import audit, catalogue, codes, locations, masking
from archive_desk.services.audit import Actor
from archive_desk.services.ops import STOCKTAKE, operation

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from archive_desk.exporting.stocktake import StocktakeReport

V = table_of(Volume)
L = table_of(Layer)
R = table_of(Rack)
RM = table_of(Room)
S = table_of(StocktakeScan)
ST = table_of(Stocktake)

_CHUNK = 500


class StocktakeClass(StrEnum):
    IN_PLACE = "in_place"  # 在位
    MISPLACED = "misplaced"  # 错架
    MISSING = "missing"  # 缺失
    ON_LOAN_FOUND = "on_loan_found"  # 借出但在架
    UNKNOWN = "unknown"  # 无此档号
    GONE_FOUND = "gone_found"  # 已销毁但在架 (destroyed or transferred out)


CLASSES: tuple[StocktakeClass, ...] = tuple(StocktakeClass)
#: the classes that need a person's attention (everything but in place)
EXCEPTIONS: tuple[StocktakeClass, ...] = tuple(c for c in CLASSES if c != StocktakeClass.IN_PLACE)


def class_label(cls: str) -> str:
    labels: dict[str, str] = {
        StocktakeClass.IN_PLACE: t("In place"),
        StocktakeClass.MISPLACED: t("Misplaced"),
        StocktakeClass.MISSING: t("Missing"),
        StocktakeClass.ON_LOAN_FOUND: t("On loan yet found"),
        StocktakeClass.UNKNOWN: t("Unknown code"),
        StocktakeClass.GONE_FOUND: t("Destroyed or transferred yet found"),
    }
    return labels.get(cls, cls)


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Scope:
    """What a stocktake covers: whole rooms, whole racks and single layers (ids)."""

    rooms: tuple[int, ...] = ()
    racks: tuple[int, ...] = ()
    layers: tuple[int, ...] = ()

    def to_json(self) -> dict[str, list[int]]:
        return {"rooms": list(self.rooms), "racks": list(self.racks), "layers": list(self.layers)}

    @classmethod
    def from_json(cls, value: Mapping[str, Any] | None) -> Scope:
        value = value or {}
        return cls(tuple(int(x) for x in value.get("rooms", ())), tuple(int(x) for x in value.get("racks", ())),
                   tuple(int(x) for x in value.get("layers", ())))

    @property
    def empty(self) -> bool:
        return not (self.rooms or self.racks or self.layers)


@dataclass(frozen=True)
class StocktakeRecord:
    id: int
    name: str
    scope: Scope
    scope_text: str
    status: str  # open | finished
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    summary: Mapping[str, Any]
    notes: str

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @property
    def counts(self) -> dict[str, int]:
        raw = self.summary.get("counts") or {}
        return {c.value: int(raw.get(c.value, 0)) for c in CLASSES}

    @property
    def corrections(self) -> Mapping[str, Any] | None:
        return self.summary.get("corrections")


@dataclass(frozen=True)
class LayerInfo:
    id: int
    code: str
    barcode: str
    words: str


@dataclass(frozen=True)
class Line:
    """One row of the stocktake: a volume (or an unknown code) and its class."""

    key: str  # "v<volume id>" or "u<code>"
    cls: str
    code: str  # 档号, or the code as scanned for unknown codes
    title: str = ""
    status: str = ""  # the volume's status in the catalogue
    volume_id: int | None = None
    found_layer_id: int | None = None
    found_layer: str = ""  # code of the layer it was found on
    expected_layer_id: int | None = None
    expected_layer: str = ""  # code of the layer the catalogue has it on
    scan_id: int | None = None  # the (last) scan that found it; None for missing volumes
    scanned_at: datetime | None = None
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "cls": self.cls, "code": self.code, "title": self.title, "status": self.status,
                "volume_id": self.volume_id, "found_layer_id": self.found_layer_id, "found_layer": self.found_layer,
                "expected_layer_id": self.expected_layer_id, "expected_layer": self.expected_layer,
                "scan_id": self.scan_id, "scanned_at": self.scanned_at.isoformat(sep=" ") if self.scanned_at else None,
                "note": self.note}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Line:
        at = d.get("scanned_at")
        return cls(d["key"], d["cls"], d.get("code", ""), d.get("title", ""), d.get("status", ""), d.get("volume_id"),
                   d.get("found_layer_id"), d.get("found_layer", ""), d.get("expected_layer_id"), d.get("expected_layer", ""),
                   d.get("scan_id"), datetime.fromisoformat(at) if at else None, d.get("note", ""))


@dataclass(frozen=True)
class ScanOutcome:
    """What one scan did.

    ``kind``: ``layer`` (a new current layer), ``volume`` (a known volume), ``unknown`` (a code the
    catalogue does not hold) or ``refused`` (nothing recorded; ``message`` says why).
    ``line`` is the volume's new line (replacing any line with the same key); for a layer scan,
    ``expected`` lists the layer's volumes not found yet (provisionally missing).
    """

    kind: str
    text: str
    message: str
    line: Line | None = None
    layer: LayerInfo | None = None
    expected: tuple[Line, ...] = ()
    repeated: bool = False
    scan_id: int | None = None


@dataclass(frozen=True)
class SessionState:
    """A stocktake as it stands: everything a screen needs to show or resume it."""

    stocktake: StocktakeRecord
    current_layer: LayerInfo | None
    lines: tuple[Line, ...]
    scanned_layer_ids: frozenset[int]
    layers_in_scope: int
    scans: int

    @property
    def layers_scanned(self) -> int:
        return len(self.scanned_layer_ids)

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(line.cls for line in self.lines)
        return {c.value: counter.get(c.value, 0) for c in CLASSES}


@dataclass(frozen=True)
class CorrectionPlan:
    """What the corrective action would change, judged against the catalogue as it is now."""

    stocktake_id: int
    mark_missing: tuple[Line, ...]  # in stock in the catalogue, not found: become missing
    relocate: tuple[Line, ...]  # found on another layer: move there
    restore: tuple[Line, ...]  # recorded missing, found: back in stock
    skipped: tuple[tuple[Line, str], ...] = ()  # lines that changed meanwhile, and why they are left alone

    @property
    def empty(self) -> bool:
        return not (self.mark_missing or self.relocate or self.restore)


@dataclass(frozen=True)
class CorrectionResult:
    marked_missing: int
    relocated: int
    restored: int
    skipped: int


@dataclass(frozen=True)
class RegisterRow:
    """One entry of the 清点检查登记 (register of stocktakes)."""

    seq: int
    id: int
    name: str
    scope_text: str
    status: str
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    layers_scanned: int
    layers_in_scope: int
    counts: Mapping[str, int]
    corrections_text: str


# ---------------------------------------------------------------- scope


def _scope_layer_filter(scope: Scope) -> Any:
    conds: list[ColumnElement[bool]] = []
    if scope.layers:
        conds.append(L.c.id.in_(scope.layers))
    if scope.racks:
        conds.append(L.c.rack_id.in_(scope.racks))
    if scope.rooms:
        conds.append(L.c.rack_id.in_(select(R.c.id).where(R.c.room_id.in_(scope.rooms))))
    if not conds:
        return L.c.id.is_(None)
    out: ColumnElement[bool] = conds[0]
    for cond in conds[1:]:
        out = out | cond
    return out


def scope_layer_count(session: Session, scope: Scope) -> int:
    return session.scalar(select(func.count()).select_from(L).where(_scope_layer_filter(scope))) or 0


def _in_scope(session: Session, scope: Scope, layer_id: int) -> bool:
    return session.scalar(select(L.c.id).where(L.c.id == layer_id, _scope_layer_filter(scope))) is not None


def describe_scope(session: Session, scope: Scope) -> str:
    """The scope in words: ``1号库房；1号库房 3号密集架；层 K1-03A-02-4-3``."""
    parts: list[str] = []
    row: Any  # rows of two different selects
    if scope.rooms:
        for row in session.execute(select(RM.c.number, RM.c.name).where(RM.c.id.in_(scope.rooms)).order_by(RM.c.number)):
            parts.append(row.name or t("Room {number}", number=row.number))
    if scope.racks:
        stmt = (select(RM.c.number.label("room"), RM.c.name, R.c.number, R.c.kind)
                .select_from(R.join(RM, RM.c.id == R.c.room_id)).where(R.c.id.in_(scope.racks))
                .order_by(RM.c.number, R.c.number))
        for row in session.execute(stmt):
            room = row.name or t("Room {number}", number=row.room)
            if row.kind == "cabinet":
                parts.append(t("{room} cabinet {number}", room=room, number=row.number))
            else:
                parts.append(t("{room} rack {number}", room=room, number=row.number))
    if scope.layers:
        layer_codes = [c for (c,) in session.execute(select(L.c.code).where(L.c.id.in_(scope.layers)).order_by(L.c.code))]
        parts.append(t("layers {codes}", codes="、".join(layer_codes)))
    return "；".join(parts)


def _check_scope(session: Session, scope: Scope) -> None:
    if scope.empty:
        raise ValidationError({"scope": t("Choose what to count: a room, a rack or some layers.")})
    for ids, table, message in ((scope.rooms, RM, t("The scope names a room that does not exist.")),
                                (scope.racks, R, t("The scope names a rack that does not exist.")),
                                (scope.layers, L, t("The scope names a layer that does not exist."))):
        if ids:
            found = {i for (i,) in session.execute(select(table.c.id).where(table.c.id.in_(ids)))}
            if set(ids) - found:
                raise NotFoundError(message, field="scope")
    if scope_layer_count(session, scope) == 0:
        raise ValidationError({"scope": t("The chosen scope holds no layers.")})


# ---------------------------------------------------------------- sessions


def _record(session: Session, row: Any, scope_text: str | None = None) -> StocktakeRecord:
    scope = Scope.from_json(row.scope)
    summary = dict(row.summary or {})
    text = scope_text if scope_text is not None else summary.get("scope_text") or describe_scope(session, scope)
    return StocktakeRecord(row.id, row.name, scope, text, row.status, row.started_at, row.started_by, row.finished_at,
                           MappingProxyType(summary), row.notes or "")


def _load(session: Session, stocktake_id: int) -> Stocktake:
    st = session.get(Stocktake, stocktake_id, populate_existing=True)
    if st is None:
        raise NotFoundError(t("Stocktake {id} does not exist", id=stocktake_id))
    return st


@operation("stocktake.start", area=STOCKTAKE)
def start(session: Session, actor: Actor, name: str, scope: Scope, notes: str = "") -> StocktakeRecord:
    """Open a stocktake over ``scope``."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": t("Give the stocktake a name")})
    _check_scope(session, scope)
    scope = Scope(tuple(sorted(set(scope.rooms))), tuple(sorted(set(scope.racks))), tuple(sorted(set(scope.layers))))
    st = Stocktake(name=name, scope=scope.to_json(), status="open", started_at=utcnow(), started_by=actor.user,
                   summary={}, notes=notes)
    session.add(st)
    session.flush()
    text = describe_scope(session, scope)
    audit.record(session, actor, "stocktake.start", "stocktake", st.id, None,
                 {"name": name, "scope": scope.to_json(), "scope_text": text})
    return _record(session, st, text)


def get(session: Session, stocktake_id: int) -> StocktakeRecord:
    return _record(session, _load(session, stocktake_id))


def list_stocktakes(session: Session, *, status: str | None = None) -> list[StocktakeRecord]:
    stmt = select(Stocktake).order_by(Stocktake.started_at.desc(), Stocktake.id.desc())
    if status:
        stmt = stmt.where(Stocktake.status == status)
    return [_record(session, st) for st in session.scalars(stmt)]


def scan_counts(session: Session, stocktake_ids: Sequence[int]) -> dict[int, int]:
    """How many scans each stocktake has recorded (cheap: for lists)."""
    ids = list(stocktake_ids)
    if not ids:
        return {}
    rows = session.execute(select(S.c.stocktake_id, func.count()).where(S.c.stocktake_id.in_(ids))
                           .group_by(S.c.stocktake_id))
    counts = {sid: int(n) for sid, n in rows}
    return {sid: counts.get(sid, 0) for sid in ids}


def _layer_info(session: Session, layer_ids: Iterable[int | None]) -> dict[int, LayerInfo]:
    ids = {i for i in layer_ids if i is not None}
    if not ids:
        return {}
    return {i: LayerInfo(i, info.code, info.barcode, info.words) for i, info in locations.describe_locations(session, ids).items()}


def _volume_line(scan_id: int, scanned_at: datetime | None, layer_id: int, layer_code: str, v: Any,
                 expected_code: str) -> Line:
    """The class of a volume found on ``layer_id`` (``v`` has id, code, title, status, layer_id)."""
    note = ""
    if v.status in (VolumeStatus.DESTROYED, VolumeStatus.TRANSFERRED):
        cls = StocktakeClass.GONE_FOUND
    elif v.status == VolumeStatus.VOID:
        cls = StocktakeClass.UNKNOWN
        note = t("its record is void (entered by mistake)")
    elif v.status == VolumeStatus.ON_LOAN:
        cls = StocktakeClass.ON_LOAN_FOUND
    elif v.layer_id == layer_id:
        cls = StocktakeClass.IN_PLACE
    else:
        cls = StocktakeClass.MISPLACED
        if v.layer_id is None:
            note = t("not shelved in the catalogue")
    if v.status == VolumeStatus.MISSING and cls in (StocktakeClass.IN_PLACE, StocktakeClass.MISPLACED):
        note = t("recorded missing, found again")
    return Line(f"v{v.id}", cls, v.code, v.title, v.status, v.id, layer_id, layer_code, v.layer_id, expected_code,
                scan_id, scanned_at, note)


def _missing_line(v: Any, layer_code: str) -> Line:
    note = t("already recorded missing") if v.status == VolumeStatus.MISSING else ""
    return Line(f"v{v.id}", StocktakeClass.MISSING, v.code, v.title, v.status, v.id, None, "", v.layer_id, layer_code,
                None, None, note)


def _unknown_line(scan_id: int, scanned_at: datetime | None, layer_id: int | None, layer_code: str, text: str) -> Line:
    return Line(f"u{text}", StocktakeClass.UNKNOWN, text, "", "", None, layer_id, layer_code, None, "", scan_id, scanned_at)


#: a volume in one of these statuses is expected on its layer (missing if not found there or elsewhere)
_EXPECTED_STATUSES = (VolumeStatus.IN_STOCK, VolumeStatus.MISSING)


def _add_scan(session: Session, actor: Actor, stocktake_id: int, kind: str, text: str, layer_id: int | None,
              volume_id: int | None) -> tuple[int, datetime]:
    at = utcnow()
    scan_id = session.execute(insert(S).values(stocktake_id=stocktake_id, kind=kind, layer_id=layer_id,
                                                volume_id=volume_id, raw_code=text[:80], scanned_at=at,
                                                by=actor.user).returning(S.c.id)).scalar_one()
    audit.record(session, actor, "stocktake.scan", "stocktake", stocktake_id, None,
                 {"scan_id": scan_id, "kind": kind, "code": text, "layer_id": layer_id, "volume_id": volume_id})
    return scan_id, at


def current_layer_id(session: Session, stocktake_id: int, by: str | None = None) -> int | None:
    """The layer of the last scan (of user ``by`` when given: two clerks may count different racks of one
    stocktake at the same time, each on their own current layer)."""
    stmt = select(S.c.layer_id).where(S.c.stocktake_id == stocktake_id)
    if by is not None:
        stmt = stmt.where(S.c.by == by)
    return session.scalar(stmt.order_by(S.c.id.desc()).limit(1))


def _found_ids(session: Session, stocktake_id: int) -> set[int]:
    return {vid for (vid,) in session.execute(select(S.c.volume_id).distinct()
                                                .where(S.c.stocktake_id == stocktake_id, S.c.volume_id.is_not(None)))}


@operation("stocktake.record_scan", area=STOCKTAKE)
def record_scan(session: Session, actor: Actor, stocktake_id: int, raw: str) -> ScanOutcome:
    """Record one scan (in the caller's write transaction) and say what it was."""
    st = _load(session, stocktake_id)
    if st.status != "open":
        raise StatusError(t("The stocktake {name} is finished; start a new one to count again.", name=st.name))
    text = codes.normalize_scan(raw)
    if not text:
        return ScanOutcome("refused", text, t("Nothing was scanned."))
    scope = Scope.from_json(st.scope)
    scan = locations.resolve_scan(session, text)

    if scan.kind == "layer" and scan.layer is not None:
        layer = scan.layer
        if not _in_scope(session, scope, layer.id):
            return ScanOutcome("refused", text, t("Layer {code} is not part of this stocktake ({scope}).", code=layer.code,
                                                  scope=describe_scope(session, scope)))
        seen_before = session.scalar(select(S.c.id).where(S.c.stocktake_id == stocktake_id, S.c.kind == "layer",
                                                          S.c.layer_id == layer.id).limit(1)) is not None
        scan_id, _at = _add_scan(session, actor, stocktake_id, "layer", text, layer.id, None)
        info = _layer_info(session, [layer.id])[layer.id]
        found = _found_ids(session, stocktake_id)
        rows = session.execute(select(V.c.id, V.c.code, V.c.title, V.c.status, V.c.layer_id)
                               .where(V.c.layer_id == layer.id, V.c.status.in_(_EXPECTED_STATUSES))
                               .order_by(V.c.shelf_position, V.c.code))
        expected = tuple(_missing_line(v, layer.code) for v in rows if v.id not in found)
        message = t("Layer {code}: {count} volume(s) to find.", code=layer.code, count=len(expected))
        if seen_before:
            message = t("Layer {code} again: {count} volume(s) still to find.", code=layer.code, count=len(expected))
        expected = tuple(masking.mask_titled(session, actor, expected))  # as the clerk scanning may see them
        return ScanOutcome("layer", text, message, layer=info, expected=expected, repeated=seen_before, scan_id=scan_id)

    layer_id = current_layer_id(session, stocktake_id, actor.user)
    if layer_id is None:
        return ScanOutcome("refused", text, t("Scan a layer's label first: volumes are counted on the current layer."))
    layer_code = session.scalar(select(L.c.code).where(L.c.id == layer_id)) or ""

    if scan.kind == "volume" and scan.volume_id is not None:
        v = session.execute(select(V.c.id, V.c.code, V.c.title, V.c.status, V.c.layer_id)
                            .where(V.c.id == scan.volume_id)).one()
        last = session.execute(select(S.c.layer_id).where(S.c.stocktake_id == stocktake_id, S.c.volume_id == v.id)
                               .order_by(S.c.id.desc()).limit(1)).first()
        repeated = last is not None and last.layer_id == layer_id
        scan_id, at = _add_scan(session, actor, stocktake_id, "volume", text, layer_id, v.id)
        expected_code = ""
        if v.layer_id is not None:
            expected_code = session.scalar(select(L.c.code).where(L.c.id == v.layer_id)) or ""
        line = _volume_line(scan_id, at, layer_id, layer_code, v, expected_code)
        message = f"{v.code}：{class_label(line.cls)}"
        if line.cls == StocktakeClass.MISPLACED:
            message = t("{code}: misplaced; it belongs on {expected}.", code=v.code,
                        expected=expected_code or t("no layer (not shelved)"))
        if repeated:
            message = t("{code} was already counted here.", code=v.code)
        [line] = masking.mask_titled(session, actor, [line])  # as the clerk scanning may see it
        return ScanOutcome("volume", text, message, line=line, repeated=repeated, scan_id=scan_id)

    last = session.execute(select(S.c.layer_id).where(S.c.stocktake_id == stocktake_id, S.c.kind == "unknown",
                                                      S.c.raw_code == text[:80]).order_by(S.c.id.desc()).limit(1)).first()
    repeated = last is not None and last.layer_id == layer_id
    scan_id, at = _add_scan(session, actor, stocktake_id, "unknown", text, layer_id, None)
    line = _unknown_line(scan_id, at, layer_id, layer_code, text[:80])
    return ScanOutcome("unknown", text, t("{code}: no volume has this code.", code=text), line=line, repeated=repeated,
                       scan_id=scan_id)


def _chunks(ids: Sequence[int], size: int = _CHUNK) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i: i + size]


def state(session: Session, stocktake_id: int, *, by: str | None = None, viewer: Actor | None = None) -> SessionState:
    """The whole stocktake recomputed from its scans (resume, refresh, finish); the current layer is that of
    the last scan by ``by`` (the clerk resuming), else of the last scan. The lines as ``viewer`` may see them
    (a title above their clearance masked, the 档号 kept: services/masking.py); None: unmasked (finishing
    freezes the lines from it)."""
    st = _load(session, stocktake_id)
    record = _record(session, st)
    scans = session.execute(select(S.c.id, S.c.kind, S.c.layer_id, S.c.volume_id, S.c.raw_code, S.c.scanned_at)
                            .where(S.c.stocktake_id == stocktake_id).order_by(S.c.id)).all()
    scanned_layers: set[int] = set()
    last_volume: dict[int, Any] = {}
    last_unknown: dict[str, Any] = {}
    for sc in scans:
        if sc.kind == "layer":
            scanned_layers.add(sc.layer_id)
        elif sc.kind == "volume" and sc.volume_id is not None:
            last_volume[sc.volume_id] = sc
        elif sc.kind == "unknown":
            last_unknown[sc.raw_code] = sc
    current = scans[-1].layer_id if scans else None
    if by is not None:
        mine = current_layer_id(session, stocktake_id, by)
        current = mine if mine is not None else current

    volumes: dict[int, Any] = {}
    found_ids = sorted(last_volume)
    for part in _chunks(found_ids):
        for v in session.execute(select(V.c.id, V.c.code, V.c.title, V.c.status, V.c.layer_id).where(V.c.id.in_(part))):
            volumes[v.id] = v
    expected_rows: list[Any] = []
    layer_list = sorted(scanned_layers)
    for part in _chunks(layer_list):
        expected_rows += session.execute(
            select(V.c.id, V.c.code, V.c.title, V.c.status, V.c.layer_id)
            .where(V.c.layer_id.in_(part), V.c.status.in_(_EXPECTED_STATUSES))).all()
    layer_ids = set(scanned_layers) | {sc.layer_id for sc in scans} | {v.layer_id for v in volumes.values()}
    if current is not None:
        layer_ids.add(current)
    layer_codes = _layer_codes(session, layer_ids)

    lines: list[Line] = []
    for vid, sc in last_volume.items():
        v = volumes[vid]
        lines.append(_volume_line(sc.id, sc.scanned_at, sc.layer_id, layer_codes.get(sc.layer_id, ""), v,
                                  layer_codes.get(v.layer_id, "") if v.layer_id else ""))
    for text, sc in last_unknown.items():
        lines.append(_unknown_line(sc.id, sc.scanned_at, sc.layer_id, layer_codes.get(sc.layer_id, ""), text))
    for v in expected_rows:
        if v.id not in last_volume:
            lines.append(_missing_line(v, layer_codes.get(v.layer_id, "")))
    lines.sort(key=_line_order)
    current_info = _layer_info(session, [current]).get(current) if current is not None else None
    return SessionState(record, current_info, tuple(masking.mask_titled(session, viewer, lines)), frozenset(scanned_layers),
                        scope_layer_count(session, record.scope), len(scans))


def _layer_codes(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    out: dict[int, str] = {}
    for part in _chunks(wanted):
        out.update({lid: code for lid, code in session.execute(select(L.c.id, L.c.code).where(L.c.id.in_(part)))})
    return out


def _line_order(line: Line) -> tuple[int, str, str]:
    return (CLASSES.index(StocktakeClass(line.cls)), line.found_layer or line.expected_layer, line.code)


@operation("stocktake.finish", area=STOCKTAKE)
def finish(session: Session, actor: Actor, stocktake_id: int) -> StocktakeRecord:
    """Close the stocktake and freeze its result (the 清点检查登记 entry and the report are made from it)."""
    st = _load(session, stocktake_id)
    if st.status != "open":
        raise StatusError(t("The stocktake {name} is already finished.", name=st.name))
    s = state(session, stocktake_id)
    counts = s.counts
    summary = {
        "counts": counts,
        "layers_scanned": s.layers_scanned,
        "layers_in_scope": s.layers_in_scope,
        "scans": s.scans,
        "scope_text": s.stocktake.scope_text,
        # the lines that need attention in full; volumes in place by id (their codes and titles do not change)
        "lines": [line.as_json() for line in s.lines if line.cls != StocktakeClass.IN_PLACE],
        "in_place": [[line.volume_id, line.found_layer_id] for line in s.lines if line.cls == StocktakeClass.IN_PLACE],
        "corrections": None,
    }
    st.status = "finished"
    st.finished_at = utcnow()
    st.summary = summary
    session.flush()
    audit.record(session, actor, "stocktake.finish", "stocktake", st.id, {"status": "open"},
                 {"status": "finished", "counts": counts, "layers_scanned": s.layers_scanned, "scans": s.scans})
    return _record(session, st)


def frozen_lines(record: StocktakeRecord) -> list[Line]:
    """The exception lines of a finished stocktake, as frozen when it finished."""
    return [Line.from_json(d) for d in record.summary.get("lines") or ()]


def lines_for_report(session: Session, stocktake_id: int) -> tuple[StocktakeRecord, list[Line], int, int, int]:
    """(record, all lines, layers scanned, layers in scope, scans): frozen for a finished stocktake, live for an
    open one. Lines of volumes in place are rebuilt from their ids."""
    record = get(session, stocktake_id)
    if not record.finished:
        s = state(session, stocktake_id)
        return record, list(s.lines), s.layers_scanned, s.layers_in_scope, s.scans
    lines = frozen_lines(record)
    in_place = [(int(vid), int(lid)) for vid, lid in record.summary.get("in_place") or ()]
    codes_of = _layer_codes(session, [lid for _vid, lid in in_place])
    rows: dict[int, Any] = {}
    ids = [vid for vid, _lid in in_place]
    v: Any  # a row, or None
    for part in _chunks(ids):
        for v in session.execute(select(V.c.id, V.c.code, V.c.title).where(V.c.id.in_(part))):
            rows[v.id] = v
    for vid, lid in in_place:
        v = rows.get(vid)
        lines.append(Line(f"v{vid}", StocktakeClass.IN_PLACE, v.code if v else str(vid), v.title if v else "",
                          VolumeStatus.IN_STOCK, vid, lid, codes_of.get(lid, ""), lid, codes_of.get(lid, "")))
    lines.sort(key=_line_order)
    sm = record.summary
    return record, lines, int(sm.get("layers_scanned", 0)), int(sm.get("layers_in_scope", 0)), int(sm.get("scans", 0))


# ---------------------------------------------------------------- corrective action


def plan_corrections(session: Session, stocktake_id: int) -> CorrectionPlan:
    """What :func:`apply_corrections` would do, checked against the catalogue now (a volume that was moved,
    lent or written off since the stocktake finished is left alone and listed as skipped)."""
    record = get(session, stocktake_id)
    if not record.finished:
        raise StatusError(t("Finish the stocktake before correcting the catalogue."))
    if record.corrections:
        raise StatusError(t("The corrections of stocktake {name} were already applied.", name=record.name))
    lines = frozen_lines(record)
    ids = [ln.volume_id for ln in lines if ln.volume_id is not None]
    now: dict[int, Any] = {}
    v: Any  # rows of two different selects, or None
    for part in _chunks(ids):
        for v in session.execute(select(V.c.id, V.c.status, V.c.layer_id).where(V.c.id.in_(part))):
            now[v.id] = v
    mark, move, restore, skipped = [], [], [], []
    for ln in lines:
        v = now.get(ln.volume_id) if ln.volume_id is not None else None
        if ln.cls == StocktakeClass.MISSING and v is not None:
            if v.status == VolumeStatus.MISSING:
                continue  # already recorded
            if v.status != VolumeStatus.IN_STOCK or v.layer_id != ln.expected_layer_id:
                skipped.append((ln, t("changed since the stocktake")))
                continue
            mark.append(ln)
        elif ln.cls == StocktakeClass.MISPLACED and v is not None:
            if v.status not in _EXPECTED_STATUSES or v.layer_id != ln.expected_layer_id:
                skipped.append((ln, t("changed since the stocktake")))
                continue
            move.append(ln)
            if v.status == VolumeStatus.MISSING:
                restore.append(ln)
        elif ln.cls == StocktakeClass.IN_PLACE and v is not None and v.status == VolumeStatus.MISSING:
            restore.append(ln)
    # volumes in place are not in the frozen lines; those recorded missing must come back in stock
    in_place_ids = [int(vid) for vid, _lid in record.summary.get("in_place") or ()]
    for part in _chunks(in_place_ids):
        rows = session.execute(select(V.c.id, V.c.code, V.c.title, V.c.status, V.c.layer_id)
                               .where(V.c.id.in_(part), V.c.status == VolumeStatus.MISSING)).all()
        codes_of = _layer_codes(session, [v.layer_id for v in rows])
        for v in rows:
            code = codes_of.get(v.layer_id, "") if v.layer_id is not None else ""
            restore.append(Line(f"v{v.id}", StocktakeClass.IN_PLACE, v.code, v.title, v.status, v.id, v.layer_id, code,
                                v.layer_id, code))
    return CorrectionPlan(stocktake_id, tuple(mark), tuple(move), tuple(restore), tuple(skipped))


@operation("stocktake.apply_corrections", area=STOCKTAKE)
def apply_corrections(session: Session, actor: Actor, stocktake_id: int, *, mark_missing: bool = True,
                      fix_locations: bool = True) -> CorrectionResult:
    """The one corrective action after a stocktake, in one transaction: volumes not found become missing,
    misplaced volumes are moved to where they were found (at the end of that layer), volumes recorded
    missing but found come back in stock. Each volume's change is audited, and so is the action itself."""
    if not (mark_missing or fix_locations):
        raise ValidationError({"corrections": t("Choose what to correct.")})
    plan = plan_corrections(session, stocktake_id)
    st = _load(session, stocktake_id)
    reason = t("stocktake {name}", name=st.name)
    marked: list[int] = []
    moved: list[int] = []
    restored: list[int] = []
    if fix_locations:
        for ln in plan.restore:
            assert ln.volume_id is not None  # noqa: S101 - narrows the type; the code guarantees it
            catalogue.set_status(session, actor, ln.volume_id, VolumeStatus.IN_STOCK, reason=reason,
                                 action="stocktake.found")
            restored.append(ln.volume_id)
        for ln in plan.relocate:
            assert ln.volume_id is not None and ln.found_layer_id is not None  # noqa: S101 - narrows the type; the code guarantees it
            locations.place_volume(session, actor, ln.volume_id, ln.found_layer_id, reason=reason)
            moved.append(ln.volume_id)
    if mark_missing:
        for ln in plan.mark_missing:
            assert ln.volume_id is not None  # noqa: S101 - narrows the type; the code guarantees it
            catalogue.set_status(session, actor, ln.volume_id, VolumeStatus.MISSING, reason=reason,
                                 action="stocktake.mark_missing")
            marked.append(ln.volume_id)
    summary = dict(st.summary or {})
    summary["corrections"] = {"at": utcnow().isoformat(sep=" ", timespec="seconds"), "by": actor.user,
                              "marked_missing": marked, "relocated": moved, "restored": restored,
                              "skipped": [ln.volume_id for ln, _why in plan.skipped]}
    st.summary = summary
    session.flush()
    audit.record(session, actor, "stocktake.correct", "stocktake", st.id, None,
                 {"marked_missing": marked, "relocated": moved, "restored": restored,
                  "skipped": [ln.volume_id for ln, _why in plan.skipped]})
    return CorrectionResult(len(marked), len(moved), len(restored), len(plan.skipped))


def corrections_text(record: StocktakeRecord) -> str:
    corr = record.corrections
    if not record.finished:
        return t("in progress")
    if not corr:
        return t("not corrected yet")
    return t("{missing} marked missing, {moved} moved to where found, {restored} back in stock ({by}, {at})",
             missing=len(corr.get("marked_missing") or ()), moved=len(corr.get("relocated") or ()),
             restored=len(corr.get("restored") or ()), by=corr.get("by", ""), at=corr.get("at", ""))


# ---------------------------------------------------------------- the register (清点检查登记)


def register(session: Session, *, year: int | None = None) -> list[RegisterRow]:
    """The register of stocktakes, oldest first; ``year`` keeps those started in that year."""
    rows: list[RegisterRow] = []
    stmt = select(Stocktake).order_by(Stocktake.started_at, Stocktake.id)
    if year is not None:  # started_at is stored in UTC; the year is the room's
        start, end = (datetime(y, 1, 1).astimezone().astimezone(UTC).replace(tzinfo=None) for y in (year, year + 1))
        stmt = stmt.where(Stocktake.started_at >= start, Stocktake.started_at < end)
    for st in session.scalars(stmt):
        rec = _record(session, st)
        if rec.finished:
            counts = rec.counts
            scanned, in_scope = int(rec.summary.get("layers_scanned", 0)), int(rec.summary.get("layers_in_scope", 0))
        else:
            live = state(session, st.id)
            counts, scanned, in_scope = live.counts, live.layers_scanned, live.layers_in_scope
        rows.append(RegisterRow(len(rows) + 1, rec.id, rec.name, rec.scope_text, rec.status, rec.started_at,
                                rec.started_by, rec.finished_at, scanned, in_scope, MappingProxyType(counts),
                                corrections_text(rec)))
    return rows


def finished_in(session: Session, start: datetime, end: datetime) -> list[StocktakeRecord]:
    """Stocktakes finished in [start, end) (UTC, as stored), oldest first."""
    stmt = (select(Stocktake).where(Stocktake.status == "finished", Stocktake.finished_at >= start,
                                    Stocktake.finished_at < end).order_by(Stocktake.finished_at, Stocktake.id))
    return [_record(session, st) for st in session.scalars(stmt)]


# ---------------------------------------------------------------- report and exports


def status_text(status: str) -> str:
    return catalogue.status_label(status) if status else ""


def report(session: Session, stocktake_id: int, *, room_name: str = "", viewer: Actor | None = None) -> StocktakeReport:
    """The plain data of the stocktake report (for :mod:`archive_desk.printing.stocktake_report` and
    :mod:`archive_desk.exporting.stocktake`), as ``viewer`` may see it: the title of a volume above their
    clearance masked, its 档号 and where it was found kept (services/masking.py)."""
    from archive_desk.exporting.stocktake import ReportLine, StocktakeReport  # noqa: PLC0415 - pure, light
    from archive_desk.services import room_settings  # noqa: PLC0415

    record, lines, scanned, in_scope, scans = lines_for_report(session, stocktake_id)
    lines = masking.mask_titled(session, viewer, lines)
    counts = Counter(line.cls for line in lines)
    return StocktakeReport(
        id=record.id, name=record.name, scope_text=record.scope_text, status=record.status,
        started_at=_local(record.started_at), started_by=record.started_by,
        finished_at=_local(record.finished_at) if record.finished_at else None,
        layers_scanned=scanned, layers_in_scope=in_scope, scans=scans,
        counts=tuple((c.value, class_label(c), counts.get(c.value, 0)) for c in CLASSES),
        lines=tuple(ReportLine(ln.cls, class_label(ln.cls), ln.code, ln.title, status_text(ln.status), ln.found_layer,
                               ln.expected_layer, _local(ln.scanned_at) if ln.scanned_at else None, ln.note)
                    for ln in lines),
        corrections=corrections_text(record),
        room_name=room_name or room_settings.read(session).room_name,
    )


def _local(at: datetime) -> datetime:
    """A stored UTC time as local wall-clock time (for people and paper)."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def export_report_pdf(session: Session, stocktake_id: int, out: Path | str, viewer: Actor | None = None) -> Path:
    from archive_desk.printing.stocktake_report import render_stocktake_report  # noqa: PLC0415

    result = render_stocktake_report(report(session, stocktake_id, viewer=viewer), out=out)
    assert isinstance(result, Path)  # noqa: S101 - narrows the type; the code guarantees it
    return result


def export_report_xlsx(session: Session, stocktake_id: int, out: Path | str, viewer: Actor | None = None) -> Path:
    from archive_desk.exporting.stocktake import write_report  # noqa: PLC0415

    return write_report(Path(out), report(session, stocktake_id, viewer=viewer))


def export_register(session: Session, out: Path | str, *, year: int | None = None) -> Path:
    from archive_desk.exporting.stocktake import RegisterEntry, write_register  # noqa: PLC0415

    entries = [RegisterEntry(r.seq, r.name, r.scope_text, _status_label(r.status), _local(r.started_at), r.started_by,
                             _local(r.finished_at) if r.finished_at else None, r.layers_scanned, r.layers_in_scope,
                             tuple(r.counts[c.value] for c in CLASSES), r.corrections_text)
               for r in register(session, year=year)]
    return write_register(Path(out), entries, class_names=tuple(class_label(c) for c in CLASSES), year=year)


def _status_label(status: str) -> str:
    return t("finished") if status == "finished" else t("in progress")


__all__ = [
    "CLASSES", "EXCEPTIONS", "CorrectionPlan", "CorrectionResult", "LayerInfo", "Line", "RegisterRow", "ScanOutcome",
    "Scope", "SessionState", "StocktakeClass", "StocktakeRecord", "apply_corrections", "class_label", "corrections_text",
    "current_layer_id", "describe_scope", "export_register", "export_report_pdf", "export_report_xlsx", "finish",
    "finished_in", "frozen_lines", "get", "lines_for_report", "list_stocktakes", "plan_corrections", "record_scan",
    "register", "report", "scan_counts", "scope_layer_count", "start", "state",
]
