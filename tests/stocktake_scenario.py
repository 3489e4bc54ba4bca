"""A small archive room with planted stocktake findings, shared by the stocktake tests.

Room K1 holds rack 1 and rack 2 (one side, one column, one section, three layers each) and rack 3 (one
layer, outside the stocktake's scope). Volumes stand on five of the six in-scope layers; layer
K1-02A-01-1-3 is never scanned, so the stocktake is partial there.

``SCANS`` is what the clerk scans, in order (barcode payloads); ``EXPECTED`` the class each volume or code
must end in; ``NOT_JUDGED`` volumes must appear nowhere (on loan and away, or on a layer never scanned).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archive_desk.db.engine import Database
from archive_desk.models import VolumeStatus
from archive_desk.services import catalogue, locations
from archive_desk.services.audit import Actor
from archive_desk.services.setup import open_catalogue

# home layer of each volume ("R1L2" = rack 1, layer 2)
HOMES: dict[str, str] = {
    **{f"v{i}": "R1L1" for i in (1, 2, 3, 4)},
    **{f"v{i}": "R1L2" for i in (5, 6, 7, 8)},
    **{f"v{i}": "R1L3" for i in (9, 10, 11, 12)},
    **{f"v{i}": "R2L1" for i in (13, 14, 15, 16)},
    **{f"v{i}": "R2L2" for i in (17, 18, 19, 20)},
    "m1": "R2L2",
    **{f"v{i}": "R2L3" for i in (21, 22, 23)},
}
STATUSES = {"v7": VolumeStatus.ON_LOAN, "v8": VolumeStatus.ON_LOAN, "v10": VolumeStatus.DESTROYED,
            "v11": VolumeStatus.TRANSFERRED, "v15": VolumeStatus.MISSING}
UNKNOWN_CODE = "Z109-LP.2019-D30-9999"

# what the clerk scans: "@R1L1" is a layer label, "v1" a volume's barcode, anything else as it is
SCANS: list[str] = [
    "v1",  # refused: no layer scanned yet
    "@R1L1", "v1", "v2", "v3", "v4", "m1",
    "@R3L1",  # refused: outside the scope
    "@R1L2", "v5", "v7",
    "@R1L3", "v9", "v10", "v11", "v12", UNKNOWN_CODE, "v14",
    "@R2L1", "v13", "v15", "v16",
    "@R2L2", "v17", "v18", "v22", "v20", "v18",  # v18 twice: counted once
]
REFUSED = {0, 7}  # indexes into SCANS

EXPECTED: dict[str, str] = {
    **{k: "in_place" for k in ("v1", "v2", "v3", "v4", "v5", "v9", "v12", "v13", "v15", "v16", "v17", "v18", "v20")},
    "m1": "misplaced", "v14": "misplaced", "v22": "misplaced",
    "v6": "missing", "v19": "missing",
    "v7": "on_loan_found",
    UNKNOWN_CODE: "unknown",
    "v10": "gone_found", "v11": "gone_found",
}
NOT_JUDGED = {"v8", "v21", "v23"}
# where misplaced volumes were found
FOUND_ON = {"m1": "R1L1", "v14": "R1L3", "v22": "R2L2"}


@dataclass
class Room:
    path: Path
    layers: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # name -> (id, code, barcode)
    racks: dict[str, int] = field(default_factory=dict)
    volumes: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # name -> (id, 档号, barcode)

    def payload(self, scan: str) -> str:
        if scan.startswith("@"):
            return self.layers[scan[1:]][2]
        if scan in self.volumes:
            return self.volumes[scan][2]
        return scan

    def key(self, name: str) -> str:
        """The line key the service gives a volume or an unknown code."""
        if name in self.volumes:
            return f"v{self.volumes[name][0]}"
        return f"u{name}"

    def expected_by_key(self) -> dict[str, str]:
        return {self.key(name): cls for name, cls in EXPECTED.items()}


def build_room(path: Path, actor: Actor | None = None) -> Room:
    actor = actor or Actor(user="builder", workstation="ws-test")
    db = open_catalogue(path)
    room = Room(path)
    try:
        _fill(db, actor, room)
    finally:
        db.dispose()
    return room


def _fill(db: Database, actor: Actor, room: Room) -> None:
    with db.write() as s:
        fonds = catalogue.create_fonds(s, actor, "Z109", "江南财产保险股份有限公司临川分公司")
        lp = catalogue.get_category(s, code="LP")
        k1 = locations.create_room(s, actor, 1, "K1", "1号库房")
        for number, n_layers in ((1, 3), (2, 3), (3, 1)):
            rack = locations.create_rack(s, actor, k1.id, number, sides=1, columns=1, sections=1, layers=n_layers)
            room.racks[f"R{number}"] = rack.id
            for layer in locations.list_layers(s, rack.id):
                room.layers[f"R{number}L{layer.layer}"] = (layer.id, layer.code, layer.barcode)
        for name, home in HOMES.items():
            v = catalogue.create_volume(s, actor, {
                "fonds_id": fonds.id, "category_id": lp.id, "year": 2019, "retention": "D30",
                "title": f"测试理赔案卷{name}", "pages": 10 + len(room.volumes),
            })
            locations.place_volume(s, actor, v.id, room.layers[home][0], reason="test")
            status = STATUSES.get(name)
            if status:
                catalogue.set_status(s, actor, v.id, status, reason="planted")
            room.volumes[name] = (v.id, v.code, v.barcode)
