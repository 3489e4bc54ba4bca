"""What stands on each layer, kept in ``layers.used_count`` / ``layers.used_mm`` by triggers (SQLite).

The room map, the overview and the space finder read these two columns instead of counting a million
volume rows (a room of 250,000 volumes took ~1 s to count through the covering index, against a few ms to
read 14,400 layer rows). Triggers keep them right whoever changes a volume — shelving, lending, transfers,
destruction, imports — so no service has to remember to.

A volume takes room while it is in stock, on loan or missing (see ``services.locations.OCCUPYING``); its
width is its own ``thickness_mm``, else its category's, else 30 mm. :func:`recount` rebuilds the columns
from the volumes (after a bulk load, or to repair a file); :func:`differences` lists layers whose columns
disagree with a fresh count.

On PostgreSQL nothing is created yet (like the search index, see migration 0002).
"""

from __future__ import annotations

from collections.abc import Callable

OCCUPYING_SQL = "('in_stock', 'on_loan', 'missing')"
DEFAULT_MM = 30


def _width(row: str) -> str:
    return (f"coalesce(nullif({row}.thickness_mm, 0), "  # noqa: S608 - SQL from the schema's own names; values are bound
            f"(SELECT nullif(c.thickness_mm, 0) FROM categories c WHERE c.id = {row}.category_id), {DEFAULT_MM})")


TRIGGERS: dict[str, str] = {
    "layer_usage_ai": f"""
CREATE TRIGGER IF NOT EXISTS layer_usage_ai AFTER INSERT ON volumes
WHEN new.layer_id IS NOT NULL AND new.status IN {OCCUPYING_SQL}
BEGIN
  UPDATE layers SET used_count = used_count + 1, used_mm = used_mm + {_width('new')} WHERE id = new.layer_id;
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
    "layer_usage_ad": f"""
CREATE TRIGGER IF NOT EXISTS layer_usage_ad AFTER DELETE ON volumes
WHEN old.layer_id IS NOT NULL AND old.status IN {OCCUPYING_SQL}
BEGIN
  UPDATE layers SET used_count = used_count - 1, used_mm = used_mm - {_width('old')} WHERE id = old.layer_id;
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
    "layer_usage_au": f"""
CREATE TRIGGER IF NOT EXISTS layer_usage_au AFTER UPDATE OF layer_id, status, thickness_mm, category_id ON volumes
WHEN old.layer_id IS NOT new.layer_id OR old.status IS NOT new.status
  OR old.thickness_mm IS NOT new.thickness_mm OR old.category_id IS NOT new.category_id
BEGIN
  UPDATE layers SET used_count = used_count - 1, used_mm = used_mm - {_width('old')}
  WHERE id = old.layer_id AND old.status IN {OCCUPYING_SQL};
  UPDATE layers SET used_count = used_count + 1, used_mm = used_mm + {_width('new')}
  WHERE id = new.layer_id AND new.status IN {OCCUPYING_SQL};
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
    # a category's spine thickness changed: the widths of its volumes without their own thickness change
    "layer_usage_category": f"""
CREATE TRIGGER IF NOT EXISTS layer_usage_category AFTER UPDATE OF thickness_mm ON categories
WHEN old.thickness_mm IS NOT new.thickness_mm
BEGIN
  UPDATE layers SET used_mm = (
    SELECT coalesce(sum({_width('v')}), 0) FROM volumes v WHERE v.layer_id = layers.id AND v.status IN {OCCUPYING_SQL})
  WHERE id IN (SELECT DISTINCT layer_id FROM volumes WHERE category_id = new.id AND layer_id IS NOT NULL);
END""",  # noqa: S608 - SQL from the schema's own names; values are bound
}

RECOUNT = f"""
UPDATE layers SET
  used_count = coalesce((SELECT count(*) FROM volumes v WHERE v.layer_id = layers.id AND v.status IN {OCCUPYING_SQL}), 0),
  used_mm = coalesce((SELECT sum({_width('v')}) FROM volumes v WHERE v.layer_id = layers.id AND v.status IN {OCCUPYING_SQL}), 0)
"""  # noqa: S608 - SQL from the schema's own names; values are bound

DIFFERENCES = f"""
SELECT l.id, l.code, l.used_count, l.used_mm, coalesce(u.n, 0), coalesce(u.mm, 0)
FROM layers l LEFT JOIN (
  SELECT v.layer_id AS layer_id, count(*) AS n, sum({_width('v')}) AS mm FROM volumes v
  WHERE v.layer_id IS NOT NULL AND v.status IN {OCCUPYING_SQL} GROUP BY v.layer_id
) u ON u.layer_id = l.id
WHERE l.used_count != coalesce(u.n, 0) OR l.used_mm != coalesce(u.mm, 0)
"""  # noqa: S608 - SQL from the schema's own names; values are bound


def create_triggers(execute: Callable[[str], object]) -> None:
    for sql in TRIGGERS.values():
        execute(sql)


def drop_triggers(execute: Callable[[str], object]) -> None:
    for name in TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {name}")


def recount(execute: Callable[[str], object]) -> None:
    execute(RECOUNT)


def recount_layers(execute: Callable[[str], object], layer_ids: set[int] | frozenset[int]) -> None:
    """:func:`recount` for some layers only (after a bulk insert that ran without ``layer_usage_ai``)."""
    ids = sorted(int(i) for i in layer_ids)  # ints only: they are written into the statement
    for start in range(0, len(ids), 500):
        execute(RECOUNT + f" WHERE id IN ({', '.join(map(str, ids[start:start + 500]))})")
