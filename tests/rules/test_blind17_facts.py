"""Troop facts: a unit sized in an apposition moves by the verb after it; a table's total row states the force's
strength; the force's strength told as its size (``lực lượng khoảng N binh sĩ này``, ``N soldiers strong``); a
participle after an ``N-strong`` unit tells its past; a replacement denied is no rotation; an arrival in a clause of
"since" is a time, not troops moving for the sentence after it."""

from __future__ import annotations

import pytest

from tests.rules.test_blind10_facts import shipped_facts


@pytest.mark.parametrize(("body", "expected"), [
    # the unit is the subject of the verb after the apposition that sizes it
    ("A battalion of NATO's reserve force, with roughly 600 soldiers, will be sent to Kosovo next week.",
     [("change", 600)]),
    ("Một tiểu đoàn thuộc lực lượng dự bị của NATO, với khoảng 600 quân nhân, sẽ được điều tới Kosovo trong tuần tới.",
     [("change", 600)]),
    ("A Polish company of KFOR, with some 150 soldiers, will leave Kosovo next month.", [("change", -150)]),
    # a unit that moves nowhere is only sized
    ("A battalion of NATO's reserve force, with roughly 600 soldiers, patrols the north of Kosovo.", []),
    ("Một tiểu đoàn Ý, với khoảng 600 binh sĩ, đang tuần tra ở miền bắc Kosovo.", []),
])
def test_unit_in_an_apposition_moves_by_the_verb_after(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a table copied cell by cell: the label, then the number alone
    ("KFOR troops by nation:\n\nItaly\n\n850\n\nOthers (20 nations)\n\n1,600\n\nTotal KFOR\n\n4,600",
     [("total", 4600)]),
    ("Quân số KFOR theo quốc gia:\n\nÝ\n\n850\n\nTổng quân số KFOR\n\n4.600", [("total", 4600)]),
    # a row kept on one line
    ("KFOR troops by nation:\nItaly: 850\nTotal KFOR troops: 4,600", [("total", 4600)]),
    # a total of something else is no strength
    ("KFOR costs by nation:\n\nItaly\n\n850\n\nTotal cost\n\n4,600", []),
])
def test_total_row_of_a_table(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Ba Lan tham gia KFOR từ năm 1999 và là một trong những nước đóng góp lớn cho lực lượng gần 4.600 binh sĩ này.",
     [("total", 4600)]),
    ("Ba Lan tham gia KFOR va la mot trong nhung nuoc dong gop lon cho luc luong gan 4.600 binh si nay.",
     [("total", 4600)]),
    ("The NATO-led force in Kosovo is about 4,600 troops strong.", [("total", 4600)]),
    ("KFOR, which is some 4,600 soldiers strong, patrols the boundary.", [("total", 4600)]),
    # a contingent's size is no total
    ("The Austrian contingent in KFOR is 1,100 soldiers strong.", []),
    ("Phái đội khoảng 1.100 binh sĩ này của Ý phục vụ trong KFOR.", []),
])
def test_force_told_by_its_size(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # a participle after the unit an N-strong figure sizes tells the unit's past; the verb after, what it does now
    ("The 400-strong infantry battalion sent to Kosovo last autumn will return home in the spring.",
     [("change", -400)]),
    # troops that leave and are not replaced are a cut, no rotation
    ("London confirmed that the 400-strong battalion in KFOR will come home in spring and will not be replaced.",
     [("change", -400)]),
    ("Bộ Quốc phòng Anh xác nhận 400 binh sĩ được điều tới Kosovo hồi mùa thu sẽ về nước vào mùa xuân và sẽ không "
     "được thay thế.", [("change", -400)]),
    # a rotation still changes nothing
    ("Bộ Quốc phòng Anh xác nhận 400 binh sĩ được điều tới Kosovo hồi mùa thu sẽ về nước vào mùa xuân và sẽ được thay "
     "thế bằng một đơn vị khác.", []),
    ("The 400 British soldiers in KFOR will rotate home in the spring and be replaced by a fresh battalion.", []),
])
def test_strong_unit_going_home_unreplaced(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected


@pytest.mark.parametrize(("body", "expected"), [
    # an arrival in a clause of "since" dates an anniversary: the unit's size after it is no troops moved
    ("Đã 20 năm kể từ khi những binh sĩ Áo đầu tiên tới Kosovo, đơn vị của họ vẫn phục vụ trong KFOR. Đơn vị hiện có "
     "khoảng 300 quân nhân.", []),
    ("Twenty years since the first Austrian soldiers arrived in Kosovo, their unit still serves in KFOR. The unit has "
     "about 300 soldiers.", []),
    # a unit sent as news, even after a lead of "since", is the troops moved
    ("Austria sent a unit to Kosovo on Monday. The unit has about 300 soldiers.", [("change", 300)]),
    ("Since the riots, NATO has sent a battalion to Kosovo. The battalion has about 450 soldiers.", [("change", 450)]),
])
def test_arrival_in_a_since_clause_moves_no_troops(body: str, expected: list[tuple[str, int]]) -> None:
    assert shipped_facts(body) == expected
