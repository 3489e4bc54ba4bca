"""Small reads the screens need, so that ui/ runs no SQL of its own (the "No SQLAlchemy in ui/" contract).

Each takes a session (``with db.read() as s:``) and plain values and returns plain values or frozen
dataclasses. The ones on the catalogue's start path use SQLAlchemy Core, not the ORM: the first ORM query
configures every mapper, which the start leaves to a worker (:func:`prepare_orm`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, configure_mappers

from archive_desk.domain import codes
from archive_desk.models import Fonds, Layer, Room, Volume, VolumeStatus

_V = Volume.__table__
_ROOM = Room.__table__


@dataclass(frozen=True)
class RoomChoice:
    id: int
    code: str
    name: str


def prepare_orm() -> None:
    """Configure the ORM's mappers now (off the GUI thread), rather than on the first ORM query."""
    configure_mappers()


def first_page_ids(session: Session, limit: int) -> list[int]:
    """The ids of the first ``limit`` current (not void) volumes in 档号 order: an index walk on the unique
    档号 index that stops after ``limit`` rows (a few ms at a million volumes). Core only."""
    return list(session.execute(select(_V.c.id).where(_V.c.status != VolumeStatus.VOID)
                                .order_by(_V.c.code).limit(limit)).scalars())


def active_rooms(session: Session) -> tuple[RoomChoice, ...]:
    """The rooms in use, in their order, for a location filter. Core only."""
    rows = session.execute(select(_ROOM.c.id, _ROOM.c.code, _ROOM.c.name).where(_ROOM.c.active.is_(True))
                           .order_by(_ROOM.c.number))
    return tuple(RoomChoice(room_id, code, name) for room_id, code, name in rows)


def fonds_name(session: Session, fonds_id: int) -> str:
    """The fonds' name ("" for an unknown id)."""
    return session.scalar(select(Fonds.name).where(Fonds.id == fonds_id)) or ""


def layer_code(session: Session, layer_id: int) -> str:
    """The layer's location code ("" for an unknown id)."""
    return session.scalar(select(Layer.code).where(Layer.id == layer_id)) or ""


def volume_id_by_code(session: Session, code: str) -> int | None:
    """The id of the volume with this 档号 (written any way a person or a scanner writes it), or None."""
    return session.scalar(select(Volume.id).where(Volume.code == codes.canonical_code(code)))
