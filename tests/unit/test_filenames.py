"""Suggested file names are ones Windows accepts: no forbidden or control characters, no trailing dots or
spaces, no reserved device names, never empty; a name that is already fine is left as it is."""

from __future__ import annotations

import string

from hypothesis import example, given
from hypothesis import strategies as st

from archive_desk.filenames import MAX_LENGTH, RESERVED, clean_file_name

FORBIDDEN = set('\\/:*?"<>|') | {chr(c) for c in range(32)} | {"\x7f"}


@given(st.text(max_size=300))
@example("CON")
@example("nul.txt")
@example("com1.xlsx")
@example("Lpt9 .pdf")
@example("报告. . .")
@example("   ")
@example("a/b:c*d?e\"f<g>h|i\\j")
def test_any_name_becomes_a_name_windows_accepts(name: str) -> None:
    cleaned = clean_file_name(name)
    assert cleaned
    assert not FORBIDDEN & set(cleaned)
    assert not cleaned.endswith((".", " "))
    assert cleaned.split(".", 1)[0].rstrip(" ").upper() not in RESERVED
    assert len(cleaned) <= MAX_LENGTH
    assert clean_file_name(cleaned) == cleaned  # cleaning twice changes nothing more


SAFE = st.text(alphabet=st.sampled_from(string.ascii_letters + string.digits + "-_（）年度清单报告档案 "), min_size=1, max_size=40)


@given(SAFE, st.sampled_from(["xlsx", "pdf"]))
def test_a_good_name_is_kept(stem: str, ext: str) -> None:
    stem = stem.strip(" ")
    if not stem or stem.upper() in RESERVED:
        return
    assert clean_file_name(f"{stem}.{ext}") == f"{stem}.{ext}"


def test_the_examples_a_clerk_would_meet() -> None:
    assert clean_file_name("2024/25 盘点: 一号库.xlsx") == "2024_25 盘点_ 一号库.xlsx"
    assert clean_file_name("CON.pdf") == "_CON.pdf"
    assert clean_file_name("清单. ") == "清单"
    assert clean_file_name("") == "file"
    long = "档" * 300 + ".xlsx"
    assert clean_file_name(long).endswith(".xlsx") and len(clean_file_name(long)) == MAX_LENGTH
