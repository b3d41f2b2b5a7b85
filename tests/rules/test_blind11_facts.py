"""Troop facts: a strength dated by a clause of "when" with a year, a year in a clause of its own that shares no troop
word, the most that may be sent ("may ... by up to N"), a presence cut in another place, and transliterated names
written with "K" for "C"."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    # the strength at the time of a "when" clause with a year is history, and the year is no troop figure
    ("Ông kể rằng lúc tiến vào Kosovo tháng 6 năm 1999, lực lượng KFOR có khoảng 45.000 binh sĩ.", []),
    ("He recalled that when the force arrived in Kosovo in 1999, KFOR numbered nearly 50,000 troops.", []),
    # a "when" with no year, or a year in a clause of "while", dates nothing
    ("When asked on Monday, the spokesman said KFOR has about 4,600 troops.", [("total", 4600)]),
    ("Theo người phát ngôn, KFOR hiện có khoảng 4.600 binh sĩ, trong khi năm 2023 lực lượng này được tăng cường.",
     [("total", 4600)]),
])
def test_strength_dated_by_when(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # what a government may do "by up to N" is a ceiling, not a change (nor the movement of the sentence before)
    ("Poland will withdraw 40 soldiers from KFOR this spring. Under the new law, the defence minister may also raise "
     "the contingent by up to 50 troops if tensions rise.", [("change", -40)]),
    ("Poland will withdraw 40 soldiers from KFOR this spring. The minister could later send up to 50 troops back to "
     "Kosovo.", [("change", -40)]),
    ("Hungary will send up to 50 soldiers to Kosovo next month.", [("change", 50)]),
])
def test_permitted_up_to_is_a_ceiling(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a presence changed in another place, named between the verb and the figure, is not the force's
    ("Washington will shrink its garrison in Italy by 1,200 troops but leave its KFOR contingent as it is.", []),
    ("Anh sẽ cắt giảm lực lượng đồn trú tại Síp khoảng 500 quân, nhưng giữ nguyên đóng góp cho KFOR.", []),
    # a nation's own presence in the force is
    ("Austria will cut its presence in KFOR by 60 soldiers.", [("change", -60)]),
    ("Austria will cut the Austrian presence in Kosovo by 60 soldiers.", [("change", -60)]),
])
def test_presence_cut_elsewhere(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


def test_presence_named_by_a_place_cut() -> None:
    assert shipped_facts("UK to trim Cyprus presence by 500 troops, Kosovo deployment unaffected.") == []


@pytest.mark.parametrize(("body", "expected"), [
    # "Kô-xô-vô" / "Kô-sô-vô" is the force's place as "Cô-xô-vô" is
    ("Hungary sẽ gửi thêm 80 quân nhân tới Kô-xô-vô trong tháng tới.", [("change", 80)]),
    ("Khoảng 90 binh sĩ Ý đã rời Kô-sô-vô hôm qua.", [("change", -90)]),
])
def test_place_spelled_with_k(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


def test_year_in_a_clause_of_its_own_counts_no_troops() -> None:
    # "năm 2024, KFOR có tới 4.700 quân": the comma ends the year's clause; "tới" does not join it to the troops
    assert shipped_facts("Binh sĩ Đức tới Kosovo vào năm 2024, KFOR có tới 4.700 quân.") == [("total", 4700)]
