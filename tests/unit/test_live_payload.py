"""What a server commit tells the other workstations (services/live.py): the NOTIFY text stays under PostgreSQL's
8000-byte limit, keeps ids when they fit, and anything unreadable reloads every area rather than nothing."""

from __future__ import annotations

from archive_desk.services import live
from archive_desk.services.ops import CATALOGUE, LENDING, OpChanges


def test_a_loan_is_told_with_its_ids() -> None:
    sent = OpChanges(volumes=frozenset({3, 5}), loans=frozenset({7}), areas=frozenset({LENDING, CATALOGUE}))
    origin, heard = live.parse_payload(live.payload(sent, "pc-1:42:abc"))
    assert origin == "pc-1:42:abc"
    assert heard.volumes == {3, 5} and heard.loans == {7} and {LENDING, CATALOGUE} <= heard.areas
    assert live.REMOTE in heard.operations


def test_a_big_change_is_told_by_area_within_the_limit() -> None:
    sent = OpChanges(volumes=frozenset(range(1, 50_000)), new_volumes=frozenset(range(1, 50_000)),
                     areas=frozenset({CATALOGUE}))
    text = live.payload(sent, "pc-1")
    assert len(text.encode()) < 8000
    _origin, heard = live.parse_payload(text)
    assert not heard.volumes and CATALOGUE in heard.bulk  # the catalogue reloads whole


def test_an_unreadable_notice_reloads_everything() -> None:
    _origin, heard = live.parse_payload("not json")
    assert heard.bulk == live.ALL_AREAS
