"""The layers' kept counters (used_count, used_mm) against a fresh count, and their repair."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from archive_desk.services import audit
from archive_desk.services.audit import Actor
from archive_desk.services.ops import SHELVES, operation


# ---------------------------------------------------------------- layer counters


@dataclass(frozen=True)
class UsageDifference:
    layer_id: int
    code: str
    counted: tuple[int, int]  # (volumes, mm) in layers.used_count / used_mm
    actual: tuple[int, int]  # what a fresh count of the volumes gives


def usage_differences(session: Session) -> list[UsageDifference]:
    """Layers whose kept counters differ from a fresh count of their volumes (should be none)."""
    from archive_desk.db import layer_usage  # noqa: PLC0415

    rows = session.execute(text(layer_usage.DIFFERENCES)).all()
    return [UsageDifference(r[0], r[1], (r[2], r[3]), (r[4], r[5])) for r in rows]


@operation("locations.recount_layers", area=SHELVES)
def recount_layers(session: Session, actor: Actor) -> int:
    """Count every layer's volumes afresh (repair after a bulk load or a damaged file); returns how many
    layers were wrong."""
    from archive_desk.db import layer_usage  # noqa: PLC0415

    wrong = usage_differences(session)
    if wrong:
        session.execute(text(layer_usage.RECOUNT))
        audit.record(session, actor, "layer.recount", "layer", None,
                     {"layers": [[d.layer_id, *d.counted] for d in wrong[:1000]]},
                     {"layers": [[d.layer_id, *d.actual] for d in wrong[:1000]], "count": len(wrong)})
    return len(wrong)
