"""Troop facts: a word of a past exercise in an aside about where the troops were (``200 soldiers, already deployed in
the region for exercises, to join KFOR``) counts them no less; ``bring in`` adds troops; troops sent earlier that come
back (``sent to bolster KFOR ... have returned to the UK``, ``returned to Germany``) leave; a difference from the
rotation before (``70 soldiers larger than the previous one``) is a change as ``150 fewer`` is; ``no announced plan to
withdraw`` denies the withdrawal; "the mission" right after a sentence that names another force is that force; a
unit sized in an apposition (``a battalion, numbering about 500 personnel, has been deployed``) moves with its unit,
and a contingent sized in one (``The Italian contingent, of about 800 soldiers, is``) is a size, not troops moved; a
word of adding that names the task ended (``kết thúc nhiệm vụ tăng cường ... và trở về nước``) moves nothing."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    ("Britain will send around 200 soldiers, already deployed in the region for exercises, to join KFOR, which "
     "currently numbers about 4,500 troops.", [("change", 200), ("total", 4500)]),
    ("Anh sẽ điều khoảng 200 binh sĩ, vốn đang có mặt trong khu vực để tập trận, tham gia KFOR, lực lượng hiện có "
     "khoảng 4.500 binh sĩ.", [("change", 200), ("total", 4500)]),
    # controls: troops taking part in the exercise are no fact
    ("About 1,000 KFOR soldiers, already in Kosovo, took part in an exercise.", []),
    ("Some 1,000 soldiers, who are currently with KFOR, joined the exercise.", []),
])
def test_exercise_in_an_aside_about_the_troops(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("KFOR said it was bringing in about 250 Italian reserve troops after the attack.", [("change", 250)]),
    ("Around 300 Hungarian soldiers sent to reinforce KFOR last year have returned to Hungary, as the north calms.",
     [("change", -300)]),
    ("Some 400 German soldiers returned to Germany on Tuesday after six months with KFOR.", [("change", -400)]),
    ("Khoảng 400 lính biệt kích Đức đã kết thúc nhiệm vụ tăng cường cho KFOR và trở về nước.", [("change", -400)]),
    ("Some 400 German commandos have ended their mission reinforcing KFOR and gone home.", [("change", -400)]),
    # controls: coming back to the force's place is arriving; a mission with no one leaving still sends
    ("Some 400 German soldiers will return to Kosovo next year to reinforce KFOR.", [("change", 400)]),
    ("Britain will send 200 soldiers on a mission to reinforce KFOR.", [("change", 200)]),
])
def test_bringing_in_and_coming_back(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("The new Polish rotation in KFOR is 70 soldiers larger than the previous one.", [("change", 70)]),
    ("Đợt luân phiên mới của Ba Lan tại KFOR nhiều hơn khoảng 70 binh sĩ so với đợt trước.", [("change", 70)]),
    ("The new Dutch rotation in KFOR is 40 soldiers smaller than the previous one.", [("change", -40)]),
    # controls: "more than" approximates; a comparison after a comma is not the figure's
    ("KFOR has more than 300 soldiers in the north.", []),
    ("Poland has 320 soldiers in KFOR, more than any other country in the sector.", []),
])
def test_difference_from_the_rotation_before(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("There is no announced plan to withdraw the roughly 600 American soldiers serving with KFOR.", []),
    ("NATO has no intention to pull its 600 soldiers out of Kosovo.", []),
    # control: "no" that denies something else
    ("There were no injuries as Italy sent 200 more troops to KFOR.", [("change", 200)]),
])
def test_no_plan_denies_the_movement(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Austria will cut its KFOR contingent by 40 soldiers. EUFOR has been reinforced since March. The mission now "
     "counts around 1,500 soldiers.", [("change", -40)]),
    ("Áo sẽ giảm 40 binh sĩ khỏi KFOR. EUFOR đã được tăng cường từ tháng 3. Phái bộ này hiện có khoảng 1.500 binh sĩ.",
     [("change", -40)]),
    # control: after a sentence that names no other force, "the mission" is the force
    ("Austria will cut its KFOR contingent by 40 soldiers. The budget was approved in March. The mission now counts "
     "around 4,500 soldiers.", [("change", -40), ("total", 4500)]),
])
def test_the_mission_after_another_force(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body, title="Austria trims Kosovo contingent") == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("A commando battalion of the Turkish army, numbering about 500 personnel, has been deployed to Kosovo to serve "
     "with KFOR.", [("change", 500)]),
    ("Một tiểu đoàn biệt kích Thổ Nhĩ Kỳ, có khoảng 500 quân nhân, đã được triển khai tới Kosovo để phục vụ "
     "trong KFOR.", [("change", 500)]),
    # a contingent sized in an apposition after troops moved is a size, not those troops
    ("The minister flew to Pristina, where she met the KFOR commander. The Italian contingent, of about 800 soldiers, "
     "is the largest in the mission.", []),
    # control: the Vietnamese apposition of a size was read so before
    ("Bộ trưởng bay tới Pristina, nơi bà gặp chỉ huy KFOR. Đội quân Italy, gồm khoảng 800 binh sĩ, là lớn nhất trong "
     "phái bộ.", []),
])
def test_size_in_an_apposition(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
