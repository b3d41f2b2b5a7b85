"""Troop facts: an approximation "well over N", thousands written "4.3k", and "from X troops now to Y" with a word of
time dating X."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    # "well over" / "well above" is an approximation like "over": the force's strength at its number
    ("The arrivals bring KFOR to well above 4,500 soldiers, the alliance said.", [("total", 4500)]),
    ("The new units take the Kosovo Force to well over five thousand troops.", [("total", 5000)]),
])
def test_well_over_is_an_approximation(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a "k" joined to the digits is thousands, as blogs and headlines write them
    ("The new arrivals push KFOR's headcount back to some 4.7k.", [("total", 4700)]),
    ("KFOR now has about 4.5k troops.", [("total", 4500)]),
])
def test_thousands_written_with_k(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a word of time after the troops of X keeps "from X to Y" a pair: a contingent's change Y - X
    ("Austria will shrink its contingent in Kosovo from 320 soldiers now to 240 next spring.", [("change", -80)]),
    ("Áo sẽ giảm lực lượng tại Kosovo từ 300 binh sĩ hiện nay xuống còn 200 vào năm tới.", [("change", -100)]),
    ("Austria will shrink its contingent in Kosovo from 320 soldiers to 240.", [("change", -80)]),
])
def test_from_x_now_to_y(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
