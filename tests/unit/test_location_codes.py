"""Location codes, layer barcode payloads, location words and capacity arithmetic: pure, no database."""

from __future__ import annotations

import pytest

from archive_desk.errors import ValidationError
from archive_desk.i18n import set_language
from archive_desk.services import codes
from archive_desk.services.locations import (
    DEFAULT_PATTERN,
    LAYER_PAYLOAD_PREFIX,
    Occupancy,
    check_pattern,
    is_layer_payload,
    layer_payload,
    location_words,
    plan_rack,
)


def test_rack_preview_lists_every_layer_in_shelving_order() -> None:
    planned = plan_rack(DEFAULT_PATTERN, "K1", 3, sides=2, columns=10, sections=6, layers=5)
    assert len(planned) == 2 * 10 * 6 * 5
    assert planned[0].code == "K1-03A-01-1-1"
    assert planned[1].code == "K1-03A-01-1-2"  # layer 1 (top) to the bottom first
    assert planned[5].code == "K1-03A-01-2-1"
    assert planned[-1].code == "K1-03B-10-6-5"
    assert len({p.code for p in planned}) == len(planned)
    assert all(p.barcode == "L." + p.code for p in planned)


def test_a_pattern_that_would_give_two_layers_one_code_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        plan_rack("{room}-{rack:02}-{column:02}-{section}-{layer}", "K1", 3, sides=2, columns=2, sections=2, layers=2)
    assert "{side}" in str(exc.value)
    # a single-sided rack does not need the side
    assert len(plan_rack("{room}-{rack:02}-{column:02}-{section}-{layer}", "K1", 3, sides=1, columns=2, sections=2, layers=2)) == 8
    with pytest.raises(ValidationError):
        check_pattern("{room}-{shelf}")
    with pytest.raises(ValidationError):
        plan_rack(DEFAULT_PATTERN, "K1", 3, sides=3, columns=2, sections=2, layers=2)
    with pytest.raises(ValidationError):
        plan_rack(DEFAULT_PATTERN, "K1", 3, sides=2, columns=0, sections=2, layers=2)


def test_layer_payloads_use_the_scanner_alphabet_and_never_look_like_a_volume() -> None:
    payload = layer_payload("K1-03A-02-4-3")
    assert payload == "L.K1-03A-02-4-3"
    assert set(payload) <= codes.PAYLOAD_ALPHABET
    assert is_layer_payload("l.k1-03a-02-4-3")  # Caps Lock
    assert is_layer_payload("Ｌ．Ｋ１-03A-02-4-3")  # full-width from an IME
    # every volume payload of the shipped patterns starts with the fonds code and "-": never with "L."
    for code in ("Z109-LP·2019-D30-0123", "L001-WS·2011-Y-BGS-H001", "L-KJ·2020-Y-001"):
        volume_payload = codes.code_to_payload(code)
        assert not volume_payload.startswith(LAYER_PAYLOAD_PREFIX)
        assert not is_layer_payload(volume_payload)
    with pytest.raises(ValidationError):
        layer_payload("一库-01")


def test_location_words_in_both_languages() -> None:
    set_language("zh_CN")
    assert location_words(room=1, rack=3, side="A", column=2, section=4, layer=3) == "1号库房 3号密集架 A面 第2列 第4节 第3层"
    assert location_words(room=2, rack=1, side="A", column=1, section=1, layer=2, kind="cabinet", sides=1) == \
        "2号库房 1号档案柜 第1列 第1节 第2层"
    set_language("en")
    assert location_words(room=1, rack=3, side="A", column=2, section=4, layer=3) == \
        "Room 1, rack 3, side A, column 2, section 4, layer 3"
    assert location_words(room=2, rack=1, side="A", column=1, section=1, layer=2, kind="cabinet", sides=1) == \
        "Room 2, cabinet 1, column 1, section 1, layer 2"


def test_capacity_by_count_by_width_and_the_stricter_of_both() -> None:
    by_count = Occupancy(count=29, used_mm=0, capacity_count=30)
    assert by_count.fits(30) and not by_count.plus(1, 30).fits(30)
    assert by_count.room_for(30) == 1
    assert not by_count.plus(1, 30).over and by_count.plus(2, 60).over
    by_width = Occupancy(count=10, used_mm=800, capacity_mm=900)
    assert by_width.fill == pytest.approx(800 / 900)
    assert by_width.room_for(20) == 5 and by_width.room_for(40) == 2
    assert by_width.fits(100) and not by_width.fits(101)
    both = Occupancy(count=20, used_mm=400, capacity_count=30, capacity_mm=900)  # thin volumes: the count rules
    assert both.fill == pytest.approx(20 / 30)
    assert both.room_for(20) == 10
    assert Occupancy(count=5).fill is None and Occupancy(count=5).room_for(30) is None
    assert Occupancy(22, 0, 30).text() == "22 / 30"
