"""Location codes and layer barcode payloads: patterns, planning a rack's layers, a location in words (pure)."""

from __future__ import annotations

import string

from archive_desk.errors import ValidationError
from archive_desk.i18n import t
from archive_desk.services import codes
from archive_desk.services.locations.records import (
    LAYER_PAYLOAD_PREFIX,
    LOCATION_FIELDS,
    MAX_DIMENSION,
    MAX_LAYERS_PER_RACK,
    PlannedLayer,
)


# ---------------------------------------------------------------- codes and payloads


def layer_payload(code: str) -> str:
    """The barcode payload of a layer label: ``L.`` + the location code (``·`` written as ``.``)."""
    text = codes.normalize_scan(code).replace(codes.MIDDLE_DOT, ".")
    bad = sorted({ch for ch in text if ch not in codes.PAYLOAD_ALPHABET})
    if bad or not text:
        raise ValidationError({"code": t("The location code {code} cannot be put in a barcode: it contains {chars}",
                                         code=code, chars="".join(bad) or "∅")})
    return LAYER_PAYLOAD_PREFIX + text


def is_layer_payload(scanned: str) -> bool:
    return codes.normalize_scan(scanned).startswith(LAYER_PAYLOAD_PREFIX)


def check_pattern(pattern: str, sides: int = 2) -> None:
    """Refuse a location code pattern with unknown fields, or one that would give two layers one code."""
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise ValidationError({"pattern": t("The location code pattern {pattern} is not valid: {error}",
                                            pattern=pattern, error=exc)}) from exc
    unknown = sorted(set(names) - set(LOCATION_FIELDS))
    if unknown:
        raise ValidationError({"pattern": t("The location code pattern has unknown fields: {fields} (use {known})",
                                            fields=", ".join(unknown), known=", ".join(LOCATION_FIELDS))})
    needed = {"rack", "column", "section", "layer"} | ({"side"} if sides == 2 else set())
    missing = sorted(needed - set(names))
    if missing:
        raise ValidationError({"pattern": t("The location code pattern needs {fields}, or two layers would get the same code",
                                            fields=", ".join("{" + m + "}" for m in missing))})


def format_location_code(pattern: str, *, room: str, rack: int, side: str, column: int, section: int, layer: int) -> str:
    try:
        return pattern.format(room=room, rack=rack, side=side, column=column, section=section, layer=layer)
    except (KeyError, ValueError, IndexError) as exc:
        raise ValidationError({"pattern": t("The location code pattern {pattern} is not valid: {error}",
                                            pattern=pattern, error=exc)}) from exc


def _check_dimensions(sides: int, columns: int, sections: int, layers: int) -> None:
    problems = {}
    if sides not in (1, 2):
        problems["sides"] = t("A rack has 1 or 2 sides")
    for key, value, label in (("columns", columns, t("columns")), ("sections", sections, t("sections")),
                              ("layers", layers, t("layers"))):
        if not isinstance(value, int) or not 1 <= value <= MAX_DIMENSION:
            problems[key] = t("The number of {what} must be between 1 and {most}", what=label, most=MAX_DIMENSION)
    if problems:
        raise ValidationError(problems)


def plan_rack(pattern: str, room_code: str, rack_number: int, *, sides: int, columns: int, sections: int,
              layers: int) -> list[PlannedLayer]:
    """The layers a new rack will have, in shelving order, with their codes and barcode payloads (pure:
    this is the preview the batch-creation dialog shows before anything is created)."""
    _check_dimensions(sides, columns, sections, layers)
    if not 1 <= rack_number <= 999:
        raise ValidationError({"number": t("The rack number must be between 1 and 999")})
    if sides * columns * sections * layers > MAX_LAYERS_PER_RACK:
        raise ValidationError({"layers": t("A rack of more than {most} layers is surely a typo; check the numbers",
                                           most=MAX_LAYERS_PER_RACK)})
    check_pattern(pattern, sides)
    out: list[PlannedLayer] = []
    seen: set[str] = set()
    for side in "AB"[:sides]:
        for col in range(1, columns + 1):
            for sec in range(1, sections + 1):
                for lay in range(1, layers + 1):
                    code = codes.normalize_scan(format_location_code(
                        pattern, room=room_code, rack=rack_number, side=side, column=col, section=sec, layer=lay))
                    if code in seen:
                        raise ValidationError({"pattern": t("The pattern gives two layers the same code {code}", code=code)})
                    seen.add(code)
                    out.append(PlannedLayer(side, col, sec, lay, code, layer_payload(code)))
    return out


def location_words(*, room: int, rack: int, side: str, column: int, section: int, layer: int, kind: str = "mobile",
                   sides: int = 2) -> str:
    """``1号库房 3号密集架 A面 第2列 第4节 第3层`` / ``Room 1, rack 3, side A, column 2, section 4, layer 3``."""
    values = {"room": room, "rack": rack, "side": side, "column": column, "section": section, "layer": layer}
    if kind == "cabinet":
        if sides == 2:
            return t("Room {room}, cabinet {rack}, side {side}, column {column}, section {section}, layer {layer}", **values)
        return t("Room {room}, cabinet {rack}, column {column}, section {section}, layer {layer}", **values)
    if sides == 2:
        return t("Room {room}, rack {rack}, side {side}, column {column}, section {section}, layer {layer}", **values)
    return t("Room {room}, rack {rack}, column {column}, section {section}, layer {layer}", **values)
