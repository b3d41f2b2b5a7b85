"""Troop facts: a verb of bringing back with a word of home withdraws the troops it governs; the troops of a relative
clause of "whose" after the force are its strength, and troops that "have been deployed since" a time are there, not
sent."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    ("Austria will end its KFOR mission, the ministry said on Friday, returning some 300 soldiers to their home "
     "bases by the end of the year.", [("change", -300)]),
    ("Bộ Quốc phòng Áo cho biết sẽ kết thúc nhiệm vụ tại KFOR, đưa khoảng 300 binh sĩ trở về quê nhà vào cuối năm.",
     [("change", -300)]),
    # a base that hosts troops is no home they go back to
    ("The minister toured Camp Bondsteel in Kosovo, home to 600 U.S. troops of KFOR.", []),
])
def test_troops_brought_back_home(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Stability in the Balkans rests on KFOR, whose roughly 3,900 troops have been stationed in Kosovo since the end "
     "of the 1998-99 war.", [("total", 3900)]),
    ("Stability in the Balkans rests on KFOR, whose 3,900 troops patrol the boundary line.", [("total", 3900)]),
    ("Ổn định ở Balkan dựa vào KFOR, lực lượng có khoảng 3.900 binh sĩ được triển khai từ sau chiến tranh.",
     [("total", 3900)]),
    # troops deployed this week were sent
    ("NATO said 600 troops have been deployed to Kosovo this week.", [("change", 600)]),
])
def test_force_troops_in_a_relative_clause(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
