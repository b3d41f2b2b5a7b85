"""Troop facts: Vietnamese compound words, cuts told in a rotation, a unit's troops in an apposition, a size of now in
an apposition, troops of a place named before "where", and a visitor's arrival."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    # "điều chỉnh" (adjust), "điều tra" (investigate) are words of their own: no "điều" that sends troops
    ("KFOR cho biết Hà Lan đã rút quân. Sau đợt điều chỉnh, lực lượng còn khoảng 4.100 binh sĩ từ 27 quốc gia.",
     [("total", 4100)]),
    ("Bộ chỉ huy KFOR cho biết sau khi điều tra, lực lượng còn khoảng 4.100 binh sĩ từ 27 quốc gia.",
     [("total", 4100)]),
    ("KFOR said the Dutch had left. After the adjustment, the force counts about 4,100 soldiers from 27 countries.",
     [("total", 4100)]),
    # "điều" alone still sends troops
    ("Sau đợt điều chỉnh, Áo sẽ điều thêm 60 binh sĩ tới Kosovo.", [("change", 60)]),
])
def test_compound_word_is_no_verb_of_moving(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops cut from a contribution are fewer troops, not troops replaced in a rotation
    ("The next rotation of Canadian troops to Kosovo will be smaller. Ottawa will trim about 120 soldiers from its "
     "contribution to KFOR.", [("change", -120)]),
    ("Na Uy sẽ rút khoảng 120 binh sĩ khỏi thành phần đóng góp cho KFOR trong đợt luân chuyển tới.",
     [("change", -120)]),
    ("Trong đợt luân chuyển tới, Na Uy sẽ cắt giảm khoảng 120 binh sĩ tại Kosovo.", [("change", -120)]),
    # a rotation still moves nothing: troops that leave are replaced
    ("In a routine rotation, some 120 Norwegian soldiers left Kosovo.", []),
    ("Trong đợt luân chuyển định kỳ, khoảng 120 binh sĩ Na Uy đã rời Kosovo.", []),
])
def test_cut_in_a_rotation_is_a_change(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # the troops of a unit sent, told in an apposition after it, are the troops sent
    ("Austria will send two infantry companies, with about 180 soldiers, to Kosovo in May to reinforce KFOR.",
     [("change", 180)]),
    ("Áo sẽ điều hai đại đội bộ binh, với khoảng 180 binh sĩ, tới Kosovo vào tháng 5 để tăng cường cho KFOR.",
     [("change", 180)]),
    ("Vienna will withdraw three platoons, with some 90 soldiers, from KFOR next month.", [("change", -90)]),
])
def test_unit_with_its_troops_in_apposition(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "currently some N troops" in a clause of its own states a size, whatever moves around it
    ("Once the platoon arrives, the Slovenian presence in Kosovo, currently some 250 personnel, will reach about 300.",
     []),
    ("Khi trung đội tới nơi, lực lượng Slovenia tại Kosovo, hiện khoảng 250 quân nhân, sẽ tăng lên khoảng 300 người.",
     []),
    # the force's own strength in such a clause is still its total
    ("KFOR, currently about 4,300 troops, will get 200 more soldiers.", [("total", 4300), ("change", 200)]),
])
def test_size_of_now_in_apposition(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # troops after "where" are of the place named before it: not the force's when that place is not its own
    ("Reports said Warsaw might end its Kosovo mission to shore up the eastern border, where some 15,000 soldiers are "
     "being deployed.", []),
    ("Có tin Warsaw cân nhắc kết thúc nhiệm vụ tại Kosovo, trong bối cảnh dồn lực lượng ra biên giới phía Đông, nơi "
     "khoảng 15.000 binh sĩ đang được triển khai.", []),
    # a place of the force before "where" keeps them
    ("NATO has reinforced its base at Bondsteel, where some 600 additional soldiers arrived this week.",
     [("change", 600)]),
])
def test_troops_where_another_place(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a visitor's arrival moves no troops: the soldiers met in the next sentence are a contingent's size
    ("Latvia's defence minister arrived in Kosovo to visit Latvian soldiers serving with KFOR. At the camp he met some "
     "140 soldiers.", []),
    ("Bộ trưởng Quốc phòng Latvia đã tới thăm binh sĩ Latvia đang phục vụ trong KFOR. Tại doanh trại, ông gặp gỡ "
     "khoảng 140 quân nhân.", []),
    # troops that arrive still move
    ("Latvian reinforcements arrived in Kosovo on Monday. Some 140 soldiers and 12 vehicles were in the group.",
     [("change", 140)]),
])
def test_visit_is_no_arrival(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
