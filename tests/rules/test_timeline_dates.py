"""Troop facts: a timeline or "On this day" entry, a line that opens with a bare year and a dash or colon (``2001 —
...``, ``2003: ...``, ``Năm 2005 – ...``), dates each of its sentences to that year, so a strength or a change told in a
later sentence of an entry older than the article's present is history; the next line, or an entry of the present
year, is not dated by it."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts

_NOW = "\n2025 — NATO marks another year in Kosovo."


@pytest.mark.parametrize(("body", "expected"), [
    ("2001 — NATO troops patrol the boundary with Serbia. KFOR counts about 40,000 soldiers." + _NOW, []),
    ("2003: a quieter year in Kosovo. The force numbered some 25,000 troops from 35 nations." + _NOW, []),
    ("2004 - Riots erupt across Kosovo. NATO sends 1,000 extra troops to KFOR within days." + _NOW, []),
    ("1999 – The Kosovo Force moves in from the south. The force numbers some 45,000 soldiers." + _NOW, []),
    ("Năm 2004 – bạo loạn lan khắp Kosovo. NATO điều thêm 1.000 binh sĩ tới KFOR." + _NOW, []),
    ("2002: KFOR giảm dần quân số. Lực lượng KFOR có khoảng 35.000 binh sĩ." + _NOW, []),
    ("2008 — Kosovo tuyên bố độc lập. KFOR có khoảng 15.000 binh sĩ từ 34 quốc gia." + _NOW, []),
    # controls: the next line is not dated by the entry; an entry of the present year keeps its figure; a year in the
    # middle of a line or a range of years opens no entry
    ("2004 - Riots erupt across Kosovo.\nToday KFOR counts about 4,500 troops.", [("total", 4500)]),
    ("2023 — Clashes in the north.\n2025 — NATO sends 200 more troops to KFOR.", [("change", 200)]),
    ("Năm 2004 – bạo loạn lan khắp Kosovo.\nHiện KFOR có khoảng 4.500 binh sĩ.", [("total", 4500)]),
    ("2023 — Đụng độ ở miền bắc.\n2025 — NATO điều thêm 200 binh sĩ tới KFOR.", [("change", 200)]),
    ("2010-2025 review. KFOR now counts about 4,500 troops.", [("total", 4500)]),
])
def test_timeline_entry_dates_its_sentences(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
